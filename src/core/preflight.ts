/**
 * What a platform will answer when a key is bound for a trading scope its permissions do not
 * cover. HTX's bind guide (seed 003) names the error: "Permission Denied: ensure Trade is
 * enabled; futures strategies require Futures / Swap Trade". Keyward knows the permissions as the
 * exchange last showed them, so the picker states the expected answer before anything is
 * filled, and lets the user go on (the key may have been changed on the exchange since).
 */
import type { KeyPermissions } from './records';

/** The markets a bind form says the platform will trade with the key. */
export type TradingScope = 'spot' | 'futures' | 'both';

export const TRADING_SCOPES: readonly TradingScope[] = ['spot', 'futures', 'both'];

export function isTradingScope(value: unknown): value is TradingScope {
  return typeof value === 'string' && (TRADING_SCOPES as readonly string[]).includes(value);
}

/**
 * cannot-trade: the key has neither trade nor futures trading (read-only): every bot fails.
 * no-futures: the form trades futures, and the exchange showed its futures permission off.
 */
export type PreflightIssue = 'cannot-trade' | 'no-futures';

export const PREFLIGHT_ISSUES: readonly PreflightIssue[] = ['cannot-trade', 'no-futures'];

/**
 * The Permission Denied the bind will meet, or null. Unknown permissions, or a futures flag the
 * exchange never showed (undefined), say nothing: only what Keyward saw counts as a fact.
 */
export function bindPreflight(permissions: KeyPermissions | null, scope: TradingScope | null): PreflightIssue | null {
  if (!permissions) return null;
  // A futures-only key (trade off, futures on) can still trade: it is not read-only.
  if (!permissions.trade && permissions.futures !== true) return 'cannot-trade';
  if ((scope === 'futures' || scope === 'both') && permissions.futures === false) return 'no-futures';
  return null;
}
