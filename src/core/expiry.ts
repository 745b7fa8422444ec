import type { KeyDetails } from './records';

/**
 * Exchanges retire keys on their own: an HTX key with no IP whitelist and trade or withdraw is
 * deactivated after 90 days unused, Binance drops spot trading from an unbound key after 30 days,
 * OKX deletes an unbound, inactive trade key after 14 days (../shared/exchanges.md). Each exchange
 * states its rules as data (its module); this says, for one key, what will happen and when.
 */
export interface ExpiryRule {
  /** What the exchange does at the deadline. */
  effect: 'deactivated' | 'deleted' | 'expires' | 'spot-trading-removed' | 'trading-removed';
  days: number;
  /**
   * `creation`: counted from the key's creation, a date Keyward knows. `inactivity`: from the
   * key's last use, which Keyward cannot see, so the date is the earliest it can happen.
   */
  counted: 'creation' | 'inactivity';
  /** The rule applies to keys without an IP whitelist only (all of today's rules). */
  unboundOnly: boolean;
  /** And only to keys holding one of these permissions; empty: any key. */
  permissions: readonly ('trade' | 'withdraw' | 'futures')[];
}

export interface KeyDeadline {
  effect: ExpiryRule['effect'];
  /** When, in ms since the epoch. */
  at: number;
  /** Whole days from now, rounded down; negative once passed. */
  daysLeft: number;
  /** false: counted from inactivity, so this is the earliest it may happen, not a sure date. */
  certain: boolean;
}

const DAY_MS = 86_400_000;

/** Does the rule apply to a key with these details? Unknown details: it may; said as possible. */
function applies(rule: ExpiryRule, details: Pick<KeyDetails, 'permissions' | 'ipWhitelist'>): boolean {
  if (rule.unboundOnly && details.ipWhitelist !== null && details.ipWhitelist.length > 0) return false;
  if (rule.permissions.length === 0 || details.permissions === null) return true;
  const held = details.permissions;
  return rule.permissions.some((permission) => held[permission] === true);
}

/**
 * The deadlines that apply to a key, soonest first. `validUntil`, when the exchange itself said
 * when the key expires (a self-query's validDays or expiredAt), replaces any counted guess.
 */
export function keyDeadlines(
  rules: readonly ExpiryRule[],
  key: Pick<KeyDetails, 'permissions' | 'ipWhitelist'> & { createdAt: number; validUntil?: number },
  now: number,
  /** What ends at `validUntil`: the key, unless the exchange's date is of a right (Binance's trading). */
  statedEffect: ExpiryRule['effect'] = 'expires',
): KeyDeadline[] {
  const daysLeft = (at: number) => Math.floor((at - now) / DAY_MS);
  if (key.validUntil !== undefined) {
    return [{ effect: statedEffect, at: key.validUntil, daysLeft: daysLeft(key.validUntil), certain: true }];
  }
  return rules
    .filter((rule) => applies(rule, key))
    .map((rule) => {
      // Inactivity can only have begun at creation at the earliest: the same date, as a bound.
      const at = key.createdAt + rule.days * DAY_MS;
      return { effect: rule.effect, at, daysLeft: daysLeft(at), certain: rule.counted === 'creation' };
    })
    .sort((a, b) => a.at - b.at);
}

/** The deadline worth a warning: the soonest one within `withinDays`, or none. */
export function dueSoon(deadlines: readonly KeyDeadline[], withinDays: number): KeyDeadline | undefined {
  return deadlines.find((deadline) => deadline.daysLeft <= withinDays);
}
