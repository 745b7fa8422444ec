/**
 * Every way the vault can refuse. The code is for programs; the message is for people, in the
 * catalogue's language (t()), shown by the popup, and never contains a secret or a password.
 */
export type VaultErrorCode =
  | 'no-vault'
  | 'vault-exists'
  | 'locked'
  | 'wrong-password'
  | 'throttled'
  | 'kdf-downgrade'
  | 'kdf-too-costly'
  | 'tampered'
  | 'corrupt'
  | 'not-found'
  | 'invalid-input'
  | 'newer-format'
  | 'backup-format'
  | 'backup-truncated'
  | 'backup-too-large'
  | 'backup-tampered'
  | 'backup-password'
  // Too many captured keys wait, sealed, for an unlock (capture flooding, issue 9 item 7).
  | 'too-many-pending';

export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
