import type { ExpiryRule } from '../../core/expiry';

/**
 * KuCoin's help centre: keys with spot, margin or futures trading and no IP "will be automatically
 * deleted or have their trade permissions disabled after 30 days of inactivity" (NOTES.md,
 * "Expiry"). Which of the two is not said; the milder one is named, and the popup says the date is
 * the earliest.
 */
export const expiryRules: readonly ExpiryRule[] = [
  { effect: 'trading-removed', days: 30, counted: 'inactivity', unboundOnly: true, permissions: ['trade', 'futures'] },
];
