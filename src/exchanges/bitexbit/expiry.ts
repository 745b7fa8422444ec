import type { ExpiryRule } from '../../core/expiry';

/** No source found says this exchange retires keys on its own (NOTES.md, "Expiry"). */
export const expiryRules: readonly ExpiryRule[] = [];
