import { type Bytes, concatBytes, equalBytes, fromBase64, randomBytes, toBase64, utf8 } from './bytes';
import { type Infer, literal, object, string } from '../core/schema';
import { VaultError } from './errors';
import { t } from '../i18n';

/**
 * Sealed box: anyone holding the vault's public key can seal, only the unlocked vault can open.
 * This is what lets a one-time secret be stored the moment the exchange shows it, locked or not.
 * Ephemeral ECDH P-256 -> HKDF-SHA256 -> AES-256-GCM. P-256 rather than X25519 because both
 * browsers' WebCrypto have had it for years.
 */
const SEALED_BOX = object(
  {
    alg: literal('ECDH-P256+HKDF-SHA256+A256GCM'),
    /** The sender's ephemeral public key, raw uncompressed point. */
    epk: string(),
    iv: string(),
    ct: string(),
  },
  { unknownKeys: 'ignore' },
);

export type SealedBox = Infer<typeof SEALED_BOX>;

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const HKDF_INFO = utf8('keyward/seal/v1');

export const isSealedBox = SEALED_BOX.is;

export interface SealKeyPair {
  publicKeyRaw: Bytes;
  privateKeyPkcs8: Bytes;
}

export async function generateSealKeyPair(): Promise<SealKeyPair> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const publicKeyRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privateKeyPkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKeyRaw, privateKeyPkcs8 };
}

export async function importSealPrivateKey(pkcs8: Bytes): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, CURVE, false, ['deriveBits']);
  } catch {
    throw new VaultError('corrupt', t('vaultCaptureKeyUnreadable'));
  }
}

async function importPublic(raw: Bytes): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', raw, CURVE, false, []);
  } catch {
    throw new VaultError('corrupt', t('vaultPublicKeyInvalid'));
  }
}

/**
 * The public key a PKCS#8 private key carries, if it carries one. WebCrypto's export of a P-256
 * key ends with the optional [1] publicKey field (a1 44 03 42 00, then the 65-byte point); this
 * reads only that fixed tail rather than parse DER, and callers prove the result with
 * isPublicKeyOf before trusting it. Null when the tail is not there.
 */
export function embeddedPublicKey(pkcs8: Bytes): Bytes | null {
  const TAIL = [0xa1, 0x44, 0x03, 0x42, 0x00, 0x04];
  const start = pkcs8.length - 70;
  if (start < 0 || TAIL.some((byte, i) => pkcs8[start + i] !== byte)) return null;
  return pkcs8.slice(pkcs8.length - 65);
}

/**
 * Whether `publicRaw` is the public half of `privateKey`, proven without exporting the private
 * key: a throwaway key pair agrees on the same ECDH secret with both only if they match. (The
 * point's negation passes too, since ECDH keeps only x; nobody holds its private key but us.)
 */
export async function isPublicKeyOf(privateKey: CryptoKey, publicRaw: Bytes): Promise<boolean> {
  let candidate: CryptoKey;
  try {
    candidate = await importPublic(publicRaw);
  } catch {
    return false;
  }
  const probe = await crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
  const ours = await crypto.subtle.deriveBits({ name: 'ECDH', public: probe.publicKey }, privateKey, 256);
  const theirs = await crypto.subtle.deriveBits({ name: 'ECDH', public: candidate }, probe.privateKey, 256);
  return equalBytes(new Uint8Array(ours), new Uint8Array(theirs));
}

/** Both ends derive the same AES key; the salt binds it to both public keys. */
async function boxKey(
  privateKey: CryptoKey,
  peerPublic: CryptoKey,
  ephemeralRaw: Bytes,
  recipientRaw: Bytes,
): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: peerPublic }, privateKey, 256);
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: concatBytes(ephemeralRaw, recipientRaw), info: HKDF_INFO },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function seal(recipientPublicRaw: Bytes, plaintext: Bytes, aad: string): Promise<SealedBox> {
  const recipient = await importPublic(recipientPublicRaw);
  const ephemeral = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const ephemeralRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const key = await boxKey(ephemeral.privateKey, recipient, ephemeralRaw, recipientPublicRaw);
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, plaintext);
  return {
    alg: 'ECDH-P256+HKDF-SHA256+A256GCM',
    epk: toBase64(ephemeralRaw),
    iv: toBase64(iv),
    ct: toBase64(new Uint8Array(ct)),
  };
}

export async function openSealed(
  privateKey: CryptoKey,
  recipientPublicRaw: Bytes,
  box: unknown,
  aad: string,
): Promise<Bytes> {
  if (!isSealedBox(box)) throw new VaultError('corrupt', t('vaultSealedMalformed'));
  let epk: Bytes;
  let iv: Bytes;
  let ct: Bytes;
  try {
    epk = fromBase64(box.epk);
    iv = fromBase64(box.iv);
    ct = fromBase64(box.ct);
  } catch {
    throw new VaultError('corrupt', t('vaultSealedBase64'));
  }
  if (iv.length !== 12 || ct.length < 16) throw new VaultError('corrupt', t('vaultSealedLength'));
  let ephemeral: CryptoKey;
  try {
    ephemeral = await crypto.subtle.importKey('raw', epk, CURVE, false, []);
  } catch {
    throw new VaultError('tampered', t('vaultSealedEphemeral'));
  }
  const key = await boxKey(privateKey, ephemeral, epk, recipientPublicRaw);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, ct),
    );
  } catch {
    throw new VaultError('tampered', t('vaultSealedTampered'));
  }
}
