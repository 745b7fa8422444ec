import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { type Bytes, toBase64, utf8, wipe } from './bytes';

/**
 * The leak guard's fingerprint key: derived from the vault key with HKDF (as the integrity key
 * is, integrity.ts), under its own label, so it exists only while the vault is open and no second
 * secret is kept. Its fingerprints (HMAC-SHA256 of a secret or passphrase) are worthless without
 * it: a user-chosen passphrase, low in entropy, cannot be guessed from one offline.
 */
export async function leakFingerprintKey(vaultKeyRaw: Bytes): Promise<CryptoKey> {
  const raw = new Uint8Array(hkdf(sha256, vaultKeyRaw, utf8('keyward/leak-guard'), utf8('keyward/leak-key/v1'), 32));
  try {
    // Not extractable: the key stays inside WebCrypto; only the raw bytes here are wiped.
    return await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  } finally {
    wipe(raw);
  }
}

/** A credential's fingerprint under the leak key, base64. */
export async function leakFingerprint(key: CryptoKey, value: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(value))));
}
