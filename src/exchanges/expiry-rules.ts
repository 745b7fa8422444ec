import { type ExpiryRule, type KeyDeadline, dueSoon, keyDeadlines } from '../core/expiry';
import type { ExchangeId, KeySummary } from '../core/records';
import { expiryRules as binance } from './binance/expiry';
import { expiryRules as bitexbit } from './bitexbit/expiry';
import { expiryRules as bitget } from './bitget/expiry';
import { expiryRules as bybit } from './bybit/expiry';
import { expiryRules as coinbase } from './coinbase/expiry';
import { expiryRules as gate } from './gate/expiry';
import { expiryRules as htx } from './htx/expiry';
import { expiryRules as kraken } from './kraken/expiry';
import { expiryRules as kucoin } from './kucoin/expiry';
import { expiryRules as mexc } from './mexc/expiry';
import { expiryRules as okx } from './okx/expiry';
import { expiryRules as xt } from './xt/expiry';

/**
 * Each exchange's expiry rules, kept apart from its definition (index.ts) so that content scripts,
 * which import the definitions, do not carry them. Keyed by ExchangeId, so an exchange added to
 * the registry without its expiry.ts does not compile: registry.ts stays the only list.
 */
const RULES: Readonly<Record<ExchangeId, readonly ExpiryRule[]>> = {
  htx,
  xt,
  bitexbit,
  binance,
  okx,
  bybit,
  kucoin,
  gate,
  bitget,
  mexc,
  coinbase,
  kraken,
};

/**
 * What ends at the date an exchange's self-query states, where it is not the key itself: Binance's
 * tradingAuthorityExpirationTime is when spot trading is taken from the key (binance/NOTES.md).
 */
const STATED_END: Partial<Record<ExchangeId, ExpiryRule['effect']>> = { binance: 'spot-trading-removed' };

export function expiryRulesOf(id: ExchangeId): readonly ExpiryRule[] {
  // Guarded like exchangeById: an id read from storage may be one this build does not know.
  return RULES[id] ?? [];
}

/**
 * An inactivity deadline passed this long ago says only that the key was used since (the exchange
 * extended it) or is gone; Keyward cannot tell which, so it stops repeating it.
 */
export const STALE_GUESS_DAYS = 30;

/** The fields of a key its deadlines depend on. */
export type DeadlineFacts = Pick<KeySummary, 'exchange' | 'createdAt' | 'permissions' | 'ipWhitelist' | 'validUntil' | 'retired' | 'damaged'>;

/**
 * A key's deadlines, soonest first: none for a retired key (it is being replaced) or a damaged
 * record (its details are not known), and no inactivity guess passed long ago.
 */
export function deadlinesOf(key: DeadlineFacts, now: number): KeyDeadline[] {
  if (key.retired !== undefined || key.damaged !== undefined) return [];
  return keyDeadlines(expiryRulesOf(key.exchange), key, now, STATED_END[key.exchange]).filter(
    (deadline) => deadline.certain || deadline.daysLeft >= -STALE_GUESS_DAYS,
  );
}

/** A key due within this many days (or past due) needs attention: the list's filter, the badge. */
export const ATTENTION_DAYS = 7;

/** Is one of the key's deadlines within ATTENTION_DAYS, or passed? */
export function isDueSoon(key: DeadlineFacts, now: number): boolean {
  return dueSoon(deadlinesOf(key, now), ATTENTION_DAYS) !== undefined;
}
