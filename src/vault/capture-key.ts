import { type AeadBox, aeadDecrypt, aeadEncrypt } from './aead';
import { type Bytes, concatBytes, fromBase64, randomBytes, toBase64, wipe } from './bytes';
import { VaultError, isVaultError } from './errors';
import { aad } from './keys';
import { embeddedPublicKey, generateSealKeyPair, importSealPrivateKey, isPublicKeyOf } from './seal';
import type { VaultMeta, VaultVersion } from './store';
import { t } from '../i18n';

/**
 * The capture key pair. Captures are sealed to its public key while the vault is locked; its
 * private key is wrapped under the vault key. The public key and the fingerprint salt must stay in
 * clear for the locked vault to use them, so anyone who can write the profile can swap them, and
 * every key captured while locked afterwards is sealed to their key instead of ours.
 *
 * The locked vault cannot check them (it has no key). So since version 3 the wrapped box also
 * holds Keyward's own copy of both, authenticated by AES-GCM together with the private key: each
 * unlock and resume compares the clear header with it, and on a mismatch puts Keyward's values
 * back rather than only refusing. Restoring, not making a new pair, because the private key was
 * never exposed (it is under the vault key), and captures sealed to our key before the swap then
 * still open.
 */

/** The two clear header fields that code without the vault key reads, base64 as in the header. */
export interface SealingHeader {
  sealPublicKey: string;
  fingerprintSalt: string;
}

export const CAPTURE_KEY_VERSION = 3;

function u16(n: number): Bytes {
  if (n > 0xffff) throw new VaultError('corrupt', t('vaultCaptureFieldLong'));
  return new Uint8Array([n >> 8, n & 0xff]);
}

/** Version 3's plaintext: a 2-byte length and the public key, a 2-byte length and the salt, then the PKCS#8 key. */
export function packCaptureKey(publicKey: Bytes, salt: Bytes, pkcs8: Bytes): Bytes {
  return concatBytes(u16(publicKey.length), publicKey, u16(salt.length), salt, pkcs8);
}

/** The parts of version 3's plaintext; pkcs8 is a copy, so the caller can wipe the plaintext. */
export function unpackCaptureKey(plain: Bytes): { header: SealingHeader; pkcs8: Bytes } {
  const field = (at: number): { bytes: Bytes; end: number } => {
    const length = ((plain[at] ?? 0) << 8) | (plain[at + 1] ?? 0);
    const end = at + 2 + length;
    // Authenticated under the vault key, so only a Keyward bug could get here.
    if (at + 2 > plain.length || end > plain.length) throw new VaultError('corrupt', t('vaultCaptureKeyMalformed'));
    return { bytes: plain.slice(at + 2, end), end };
  };
  const publicKey = field(0);
  const salt = field(publicKey.end);
  return {
    header: { sealPublicKey: toBase64(publicKey.bytes), fingerprintSalt: toBase64(salt.bytes) },
    pkcs8: plain.slice(salt.end),
  };
}

export async function wrapCaptureKey(vaultKey: CryptoKey, publicKey: Bytes, salt: Bytes, pkcs8: Bytes): Promise<AeadBox> {
  const plain = packCaptureKey(publicKey, salt, pkcs8);
  try {
    return await aeadEncrypt(vaultKey, plain, aad.sealPrivateKey(CAPTURE_KEY_VERSION));
  } finally {
    wipe(plain);
  }
}

/**
 * Opens the wrapped capture key, which also tells the vault's real version: the version is bound
 * into the box's associated data, so it cannot be set back by editing the clear header.
 */
async function openBox(vaultKey: CryptoKey, meta: VaultMeta): Promise<{ plain: Bytes; version: VaultVersion }> {
  for (const version of [3, 2, 1] as const) {
    try {
      return { plain: await aeadDecrypt(vaultKey, meta.wrappedSealPrivateKey, aad.sealPrivateKey(version)), version };
    } catch (error) {
      if (!isVaultError(error, 'tampered')) throw error;
    }
  }
  // The vault key itself checked out, so a failure here is not a wrong password.
  throw new VaultError('tampered', t('vaultCaptureKeyAltered'));
}

export interface CaptureKey {
  privateKey: CryptoKey;
  /** The version the box was written at (1 and 2 are migrated by the caller). */
  version: VaultVersion;
  /** Keyward's own public key and salt: the authenticated copy, or for an older vault what could be proven. */
  genuine: SealingHeader;
  /** A version-3 box to store (an older vault's, or a new pair's); null: the stored box stands. */
  rewrapped: AeadBox | null;
}

function decodeOrNull(text: string): Bytes | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

/**
 * The public key of an older vault's private key, proven rather than trusted: the one the PKCS#8
 * carries, else the header's, whichever agrees with the private key. Null if neither does.
 */
async function provenPublicKey(privateKey: CryptoKey, pkcs8: Bytes, headerKey: string): Promise<Bytes | null> {
  for (const candidate of [embeddedPublicKey(pkcs8), decodeOrNull(headerKey)]) {
    if (candidate && (await isPublicKeyOf(privateKey, candidate))) return candidate;
  }
  return null;
}

/**
 * The capture key and Keyward's own sealing header. A version-3 box says both. Versions 1 and 2
 * kept no copy, and are given one here, once:
 * - the public key is not taken from the header but proven against the private key, so a key
 *   swapped before this upgrade is found like any later swap;
 * - the fingerprint salt has nothing to be checked against, and is trusted this once, as stored
 *   at this unlock: the price of the migration, as for version 1's records. (A swapped salt only
 *   lets its writer test guesses of API keys against fingerprints; it exposes no secret.) The
 *   version bound into the new box means that nothing short of putting back a copy of the profile
 *   from before this unlock can make Keyward trust a salt this way again.
 */
export async function loadCaptureKey(vaultKey: CryptoKey, meta: VaultMeta): Promise<CaptureKey> {
  const { plain, version } = await openBox(vaultKey, meta);
  let pkcs8: Bytes = plain;
  try {
    if (version === CAPTURE_KEY_VERSION) {
      const unpacked = unpackCaptureKey(plain);
      wipe(plain);
      pkcs8 = unpacked.pkcs8;
      return { privateKey: await importSealPrivateKey(pkcs8), version, genuine: unpacked.header, rewrapped: null };
    }
    let privateKey = await importSealPrivateKey(pkcs8);
    let publicKey = await provenPublicKey(privateKey, pkcs8, meta.sealPublicKey);
    if (publicKey === null) {
      // The header's key is not ours and the private key does not carry its own (WebCrypto's
      // export always has so far): a new pair. What was sealed to the old one cannot be opened
      // either way, since every box's key derivation takes in its recipient's public key.
      wipe(pkcs8);
      const pair = await generateSealKeyPair();
      pkcs8 = pair.privateKeyPkcs8;
      privateKey = await importSealPrivateKey(pkcs8);
      publicKey = pair.publicKeyRaw;
    }
    // A salt that is not even base64 was not written by Keyward: a new one (fingerprints stored
    // under the old one then stop matching, so a duplicate of an older key goes unnoticed).
    const salt = decodeOrNull(meta.fingerprintSalt) ?? randomBytes(32);
    return {
      privateKey,
      version,
      genuine: { sealPublicKey: toBase64(publicKey), fingerprintSalt: toBase64(salt) },
      rewrapped: await wrapCaptureKey(vaultKey, publicKey, salt, pkcs8),
    };
  } finally {
    wipe(pkcs8);
    wipe(plain);
  }
}
