import type { ExpiryRule } from '../../core/expiry';

/**
 * HTX's API page: "An API key not linked with an IP address but has trading or withdrawal
 * permissions will be automatically deactivated after 90 days of inactivity"; each use extends it
 * by 90 days from that use (NOTES.md, "Expiry"). Keyward cannot see the key's use, so the date is
 * the earliest it can happen.
 */
export const expiryRules: readonly ExpiryRule[] = [
  { effect: 'deactivated', days: 90, counted: 'inactivity', unboundOnly: true, permissions: ['trade', 'withdraw'] },
];
