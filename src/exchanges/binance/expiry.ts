import type { ExpiryRule } from '../../core/expiry';

/**
 * Binance (announcement of 2021-07-08): on a key without trusted IPs, "Enable Spot & Margin
 * Trading" is valid for 30 days from its activation, then unticked; the key itself stays. Counted
 * from the key's creation, when the permission is usually ticked (NOTES.md, "Expiry", says what
 * this cannot see). Futures, withdraw and reading are not touched.
 */
export const expiryRules: readonly ExpiryRule[] = [
  { effect: 'spot-trading-removed', days: 30, counted: 'creation', unboundOnly: true, permissions: ['trade'] },
];
