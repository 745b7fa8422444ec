/**
 * Limits for backup files, shared by the popup (which checks before reading a file) and the
 * background (which checks again, since the popup is not the only possible sender).
 */
import { type Words, words } from '../i18n/keys';

/**
 * The largest backup file Keyward reads. A typical entry (ids, a 64-character key and secret,
 * five IPs, permissions, one binding) is about 0.8 KB of JSON, 1.1 KB once encrypted and base64
 * encoded; a heavy one (a PEM secret, thirty IPs, long notes) about 4 KB. 16 MiB thus holds
 * some 15,000 typical keys, or 4,000 heavy ones. Import holds a few copies of the file at once
 * (the text, the message, the decoded and decrypted bytes, the parsed entries), so a larger cap
 * would let one file cost the service worker hundreds of megabytes.
 */
export const MAX_BACKUP_BYTES = 16 * 1024 * 1024;

/**
 * A separate backup password is attacked offline, with no unlock throttle, as soon as the file
 * leaves this computer: only the KDF slows guessing. So it must be longer than the master
 * password's floor of 8.
 */
export const MIN_BACKUP_PASSWORD_LENGTH = 12;
/** Rejects long-but-trivial choices such as "aaaaaaaaaaaa" or "abababababab". */
const MIN_DISTINCT_CHARACTERS = 6;

/** Why a separate backup password is too weak, as Words for the user; null when it will do. */
export function backupPasswordProblem(password: string): Words | null {
  const chars = [...password];
  if (chars.length < MIN_BACKUP_PASSWORD_LENGTH) {
    return words('vaultBackupPasswordShort', { min: MIN_BACKUP_PASSWORD_LENGTH });
  }
  if (new Set(chars).size < MIN_DISTINCT_CHARACTERS) {
    return words('vaultBackupPasswordRepeats');
  }
  return null;
}
