import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { type Bytes, equalBytes, fromBase64, toBase64, utf8 } from './bytes';
import type { AdoptedIndex, StoredKey } from './store';

/**
 * Authentication of what is stored beside the boxes. AES-GCM already binds each box to its record
 * id and exchange, but a box sealed to the public key (which is stored in clear) can be made by
 * anyone who can write the profile: without a tag under the vault key, such a box put in place of
 * an adopted record's box, with its clear flags edited, opened as if it were ours.
 *
 * The HMACs are computed with @noble/hashes rather than WebCrypto because they are synchronous:
 * the adopted index is read, checked, extended and written back inside one IndexedDB
 * transaction, and a transaction closes as soon as it waits on anything but its own requests.
 */

/** The HMAC key, derived from the vault key so that no second secret has to be kept or wrapped. */
export function deriveIntegrityKey(vaultKeyRaw: Bytes): Bytes {
  return new Uint8Array(hkdf(sha256, vaultKeyRaw, utf8('keyward/integrity'), utf8('keyward/integrity-key/v2'), 32));
}

function tag(key: Bytes, message: string): Bytes {
  return new Uint8Array(hmac(sha256, key, utf8(message)));
}

function verify(key: Bytes, message: string, stored: unknown): boolean {
  if (typeof stored !== 'string') return false;
  let bytes: Bytes;
  try {
    bytes = fromBase64(stored);
  } catch {
    return false;
  }
  return equalBytes(tag(key, message), bytes);
}

/**
 * The box's kind and every byte of it. Written defensively: a profile writer may store anything,
 * and a malformed box must make the tag fail, not the code throw.
 */
function boxFields(box: unknown): unknown[] {
  if (typeof box !== 'object' || box === null) return ['malformed'];
  const b = box as Record<string, unknown>;
  return [b.alg, b.epk ?? null, b.iv, b.ct];
}

/**
 * What an adopted record's tag covers: the format, id, exchange, when it was created, its
 * fingerprint, its adoption state (adopted, and whether from a capture sealed while locked) and
 * both boxes with their kinds. Not covered, on purpose: the clear risk flags (a hint for the
 * locked badge, never read for a decision), updatedAt and a sealed observation, which the
 * locked vault writes without the key; they are treated as unauthenticated wherever read.
 */
function recordMessage(record: StoredKey): string {
  return JSON.stringify([
    'keyward/record/v2',
    record.v,
    record.id,
    record.exchange,
    record.createdAt,
    record.fingerprint,
    'adopted',
    record.capturedWhileLocked === true,
    boxFields(record.credentials),
    boxFields(record.details),
  ]);
}

export function recordMac(key: Bytes, record: StoredKey): string {
  return toBase64(tag(key, recordMessage(record)));
}

/**
 * The HMAC key as a WebCrypto key, for checking records' tags. Listing a thousand records checks a
 * thousand tags outside any transaction, so they need not be synchronous: batched through
 * WebCrypto's native SHA-256 they took 5-18 ms in a fresh Chromium page where @noble/hashes took
 * 45-80 ms, and a restarted service worker lists with code that is not yet optimised.
 */
export function importTagKey(key: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

/** Checks a record's tag (made by recordMac) in constant time; a missing or malformed tag fails. */
export async function verifyRecordMac(key: CryptoKey, record: StoredKey): Promise<boolean> {
  if (typeof record.mac !== 'string') return false;
  let stored: Bytes;
  try {
    stored = fromBase64(record.mac);
  } catch {
    return false;
  }
  return crypto.subtle.verify('HMAC', key, stored, utf8(recordMessage(record)));
}

function indexMessage(ids: readonly string[]): string {
  return JSON.stringify(['keyward/adopted/v2', ids]);
}

/** The ids ever adopted (deleted ones stay: a deleted id may not come back as a "capture"). */
export function sealIndex(key: Bytes, ids: readonly string[]): AdoptedIndex {
  const list = [...ids];
  return { ids: list, mac: toBase64(tag(key, indexMessage(list))) };
}

/** The adopted ids, or null when the index is missing or fails its tag (then none is trusted). */
export function openIndex(key: Bytes, index: unknown): Set<string> | null {
  if (typeof index !== 'object' || index === null) return null;
  const { ids, mac } = index as Partial<AdoptedIndex>;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) return null;
  return verify(key, indexMessage(ids), mac) ? new Set(ids) : null;
}
