import type { ExpiryRule } from '../../core/expiry';

/**
 * MEXC's key form: "Keys that are not linked to an IP address are valid for 90 days only"
 * (NOTES.md, "Expiry"): any key, whatever its permissions, from its creation.
 */
export const expiryRules: readonly ExpiryRule[] = [
  { effect: 'expires', days: 90, counted: 'creation', unboundOnly: true, permissions: [] },
];
