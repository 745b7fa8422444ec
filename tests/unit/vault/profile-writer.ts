import type { Credentials, KeyDetails } from '../../../src/core/records';
import { aeadDecrypt, aeadEncrypt, importAesKey } from '../../../src/vault/aead';
import { type Bytes, fromBase64, toBase64 } from '../../../src/vault/bytes';
import { unpackCaptureKey } from '../../../src/vault/capture-key';
import { encodeJson } from '../../../src/vault/codec';
import { aad } from '../../../src/vault/keys';
import { generateSealKeyPair, importSealPrivateKey, seal } from '../../../src/vault/seal';
import type { StoredKey, VaultDb } from '../../../src/vault/store';

/**
 * What someone who can write the browser profile, but knows no password, can do to the vault:
 * everything here uses only what is stored in clear (the public key, ids, exchanges) and the
 * published format.
 */

export const PLANTED_CREDENTIALS: Credentials = {
  apiKey: 'planted-api-key-0001',
  secret: 'planted-secret-0001',
  passphrase: '',
};

export function plantedDetails(overrides: Partial<KeyDetails> = {}): KeyDetails {
  return {
    label: 'grid bot',
    account: 'main',
    permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
    ipWhitelist: ['203.0.113.50'],
    source: { kind: 'capture', url: 'https://www.htx.com/en-us/apikey/' },
    bindings: [],
    notes: '',
    apiKeyTail: '0001',
    ...overrides,
  };
}

async function stored(db: VaultDb, id: string): Promise<StoredKey> {
  const record = await db.get('keys', id);
  if (!record) throw new Error(`no record ${id}`);
  return record;
}

/** Boxes sealed to the vault's public key for this id and exchange, as a capture would make them. */
export async function sealedBoxes(db: VaultDb, record: Pick<StoredKey, 'id' | 'exchange'>, details = plantedDetails()) {
  const meta = await db.get('meta', 'vault');
  if (!meta) throw new Error('no vault');
  const publicKey = fromBase64(meta.sealPublicKey);
  return {
    credentials: await seal(publicKey, encodeJson(PLANTED_CREDENTIALS), aad.credentials(record.id, record.exchange)),
    details: await seal(publicKey, encodeJson(details), aad.details(record.id, record.exchange)),
  };
}

/** Replaces an adopted record's boxes with sealed ones, turns its withdraw hint off, drops its tag. */
export async function sealOver(db: VaultDb, id: string, details = plantedDetails()): Promise<StoredKey> {
  const record = await stored(db, id);
  const { mac: _dropped, capturedWhileLocked: _gone, ...rest } = record;
  const forged: StoredKey = {
    ...rest,
    risk: { ...record.risk, withdraw: false, noIpWhitelist: false },
    ...(await sealedBoxes(db, record, details)),
  };
  await db.put('keys', forged);
  return forged;
}

/** Edits one stored record in place. */
export async function rewrite(db: VaultDb, id: string, change: (record: StoredKey) => StoredKey): Promise<void> {
  await db.put('keys', change(await stored(db, id)));
}

/**
 * Swaps the vault's public key for one the writer made, as they would to read what is captured
 * while the vault is locked. Returns the writer's key pair, with which they open those captures.
 */
export async function swapSealPublicKey(db: VaultDb): Promise<{ privateKey: CryptoKey; publicKeyRaw: Bytes }> {
  const meta = await db.get('meta', 'vault');
  if (!meta) throw new Error('no vault');
  const pair = await generateSealKeyPair();
  await db.put('meta', { ...meta, sealPublicKey: toBase64(pair.publicKeyRaw) }, 'vault');
  return { privateKey: await importSealPrivateKey(pair.privateKeyPkcs8), publicKeyRaw: pair.publicKeyRaw };
}

/** Swaps the fingerprint salt for one the writer knows (they can then test guesses of API keys). */
export async function swapFingerprintSalt(db: VaultDb): Promise<string> {
  const meta = await db.get('meta', 'vault');
  if (!meta) throw new Error('no vault');
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(32)));
  await db.put('meta', { ...meta, fingerprintSalt: salt }, 'vault');
  return salt;
}

/** The capture key's PKCS#8 and Keyward's copy of the sealing header, from a version-3 box. */
async function openCaptureKeyBox(db: VaultDb, vaultKeyRaw: Bytes) {
  const meta = await db.get('meta', 'vault');
  if (!meta) throw new Error('no vault');
  const key = await importAesKey(vaultKeyRaw);
  const { pkcs8, header } = unpackCaptureKey(await aeadDecrypt(key, meta.wrappedSealPrivateKey, aad.sealPrivateKey(3)));
  return { meta, key, pkcs8, header };
}

/**
 * Turns a vault written by this version back into what the release before it wrote (version 2:
 * the capture key's box holds the bare private key, under version 2's associated data, and the
 * header's public key and salt are authenticated by nothing). Needs the vault key, which only a
 * test has; used to prove the migration. `pkcs8` replaces the private key (a test's odd one).
 */
export async function toVersion2(db: VaultDb, vaultKeyRaw: Bytes, pkcs8?: Bytes): Promise<void> {
  const opened = await openCaptureKeyBox(db, vaultKeyRaw);
  const { sealKeyReplacedAt: _none, ...header } = opened.meta;
  const wrapped = await aeadEncrypt(opened.key, pkcs8 ?? opened.pkcs8, aad.sealPrivateKey(2));
  await db.put('meta', { ...header, version: 2, wrappedSealPrivateKey: wrapped }, 'vault');
}

/**
 * Turns a vault written by this version back into what version 1 wrote (no tags, no adopted
 * index, the capture key's box under version 1's associated data). Needs the vault key, which
 * only a test has; used to prove the migration.
 */
export async function toVersion1(db: VaultDb, vaultKeyRaw: Bytes): Promise<void> {
  const { meta, key, pkcs8 } = await openCaptureKeyBox(db, vaultKeyRaw);
  const { adopted: _none, sealKeyReplacedAt: _notice, ...header } = meta;
  await db.put('meta', { ...header, version: 1, wrappedSealPrivateKey: await aeadEncrypt(key, pkcs8, aad.sealPrivateKey(1)) }, 'vault');
  for (const record of await db.getAll('keys')) {
    const { mac: _mac, capturedWhileLocked: _flag, ...old } = record;
    await db.put('keys', { ...old, v: 1 });
  }
}
