import type { ExchangeId } from '../core/records';
import { type Bytes, toBase64, utf8 } from './bytes';
import type { KdfParams } from './kdf';
import type { VaultVersion } from './store';

/**
 * Associated data for every box. Binding the record id and exchange means a ciphertext cannot
 * be moved to another record or relabelled to another exchange without failing to open.
 */
export const aad = {
  vaultKey: (kdf: KdfParams, salt: string) =>
    `keyward/vault-key/v1|${kdf.algorithm}|${kdf.version}|${kdf.memoryKiB}|${kdf.iterations}|${kdf.parallelism}|${salt}`,
  /**
   * The vault version is bound here, under the vault key: a profile writer can set the clear
   * version back, but cannot make a version-3 capture key open as version 1 or 2, so cannot make
   * Keyward "migrate" (trust) records, or the sealing header, again.
   */
  sealPrivateKey: (version: VaultVersion) => `keyward/seal-private-key/v${version}`,
  credentials: (id: string, exchange: ExchangeId) => `keyward/credentials/v1|${id}|${exchange}`,
  details: (id: string, exchange: ExchangeId) => `keyward/details/v1|${id}|${exchange}`,
  observed: (id: string, exchange: ExchangeId) => `keyward/observed/v1|${id}|${exchange}`,
};

async function hmac(keyBytes: Bytes, message: string): Promise<Bytes> {
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(message)));
}

/** A short tag of the key-encryption key: a mismatch means a wrong password, not tampering. */
export async function kekCheck(kek: Bytes): Promise<string> {
  return toBase64((await hmac(kek, 'keyward/kek-check/v1')).subarray(0, 16));
}

/** Fingerprint of an API key; the salt is random per vault, so fingerprints do not link vaults. */
export async function apiKeyFingerprint(
  salt: Bytes,
  exchange: ExchangeId,
  apiKey: string,
): Promise<string> {
  return toBase64(await hmac(salt, `${exchange}\n${apiKey}`));
}

export function newRecordId(): string {
  return crypto.randomUUID();
}
