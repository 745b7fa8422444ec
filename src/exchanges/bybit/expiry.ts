import type { ExpiryRule } from '../../core/expiry';

/**
 * Bybit's API documentation: "No ip bound api key will be invalid after 90 days" (NOTES.md,
 * "Expiry"). A key check reads the key's own expiredAt, which then replaces this count.
 */
export const expiryRules: readonly ExpiryRule[] = [
  { effect: 'expires', days: 90, counted: 'creation', unboundOnly: true, permissions: [] },
];
