import { type Bytes, fromBase64, randomBytes, toBase64, utf8 } from './bytes';
import { type Infer, literal, object, string } from '../core/schema';
import { VaultError } from './errors';
import { t } from '../i18n';

/** AES-256-GCM ciphertext under a symmetric key (the vault key or a key-encryption key). */
const AEAD_BOX = object({ alg: literal('A256GCM'), iv: string(), ct: string() }, { unknownKeys: 'ignore' });

export type AeadBox = Infer<typeof AEAD_BOX>;

export const isAeadBox = AEAD_BOX.is;

export async function importAesKey(raw: Bytes, usages: KeyUsage[] = ['encrypt', 'decrypt']) {
  if (raw.length !== 32) throw new VaultError('corrupt', t('vaultAesKeyLength'));
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, usages);
}

export async function aeadEncrypt(key: CryptoKey, plaintext: Bytes, aad: string): Promise<AeadBox> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(aad) },
    key,
    plaintext,
  );
  return { alg: 'A256GCM', iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/**
 * Opens a box or throws `tampered`: GCM cannot tell a flipped bit from a wrong key, so callers
 * that can tell (a password check) decide before calling.
 */
export async function aeadDecrypt(key: CryptoKey, box: unknown, aad: string): Promise<Bytes> {
  if (!isAeadBox(box)) throw new VaultError('corrupt', t('vaultFieldMalformed'));
  let iv: Bytes;
  let ct: Bytes;
  try {
    iv = fromBase64(box.iv);
    ct = fromBase64(box.ct);
  } catch {
    throw new VaultError('corrupt', t('vaultFieldBase64'));
  }
  if (iv.length !== 12 || ct.length < 16) {
    throw new VaultError('corrupt', t('vaultFieldLength'));
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(aad) },
      key,
      ct,
    );
    return new Uint8Array(plain);
  } catch {
    throw new VaultError('tampered', t('vaultFieldTampered'));
  }
}
