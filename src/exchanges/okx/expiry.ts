import type { ExpiryRule } from '../../core/expiry';

/**
 * OKX deletes a key with trade or withdraw permission and no IP bound after 14 days of inactivity
 * (third-party sources only, which disagree: NOTES.md, "Expiry"). The shorter period is kept, so
 * the warning comes too early rather than too late.
 */
export const expiryRules: readonly ExpiryRule[] = [
  { effect: 'deleted', days: 14, counted: 'inactivity', unboundOnly: true, permissions: ['trade', 'withdraw'] },
];
