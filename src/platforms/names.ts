import type { ExchangeId } from '../core/records';
import { PLATFORM_NAMES } from '../exchanges/platform-names';
import type { PlatformDefinition } from './types';

/**
 * Exchange names as trading platforms write them, to Keyward's ids: each exchange folder's
 * `platformNames`. Only names that can mean one exchange account are there ("Binance US", "Kraken
 * Futures", testnets and demo accounts map to null rather than to a wrong key). Keys are
 * lower-case; matching ignores case, spaces and punctuation.
 */
export const COMMON_EXCHANGE_NAMES: Readonly<Record<string, ExchangeId>> = PLATFORM_NAMES;

/** Lower-case letters and digits only: "Gate.io", "gate_io" and "GATE IO" all become "gateio". */
export function nameKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const tables = new WeakMap<object, Map<string, ExchangeId>>();

function tableFor(names: Readonly<Record<string, ExchangeId>>): Map<string, ExchangeId> {
  let table = tables.get(names);
  if (!table) {
    table = new Map(Object.entries(names).map(([name, id]) => [nameKey(name), id]));
    tables.set(names, table);
  }
  return table;
}

const MARKET_PARENTHESIS =
  /\s*[(（]\s*(?:spot|margin|futures?|perpetuals?|swaps?|derivatives|unified|classic|usd[tⓢs]?-?m(?:\s+futures)?|coin-?m(?:\s+futures)?|现货|合约|спот|фьючерсы)\s*[)）]\s*$/i;

/**
 * The Keyward exchange a platform's exchange name means, or null. The platform's own table is
 * authoritative; without a platform (the generic detector) the common table is used. A trailing
 * market-type parenthesis ("Binance (Spot)", "OKX (Futures)") is tried without it when the
 * whole text does not match; any other parenthesis ("Binance (US)") is part of the name.
 */
export function mapExchangeName(
  platform: Pick<PlatformDefinition, 'exchangeNames'> | null | undefined,
  text: string | null | undefined,
): ExchangeId | null {
  if (!text) return null;
  const table = tableFor(platform ? platform.exchangeNames : COMMON_EXCHANGE_NAMES);
  const whole = table.get(nameKey(text));
  if (whole) return whole;
  // Only a market-type parenthesis is dropped: "Binance (Spot)" is Binance, "Binance (US)" is not.
  const bare = text.replace(MARKET_PARENTHESIS, '');
  if (bare !== text && bare.trim()) return table.get(nameKey(bare)) ?? null;
  return null;
}

/** A platform's table from common names it uses, plus its own spellings. Throws on a typo. */
export function exchangeNamesOf(
  common: readonly string[],
  own: Readonly<Record<string, ExchangeId>> = {},
): Record<string, ExchangeId> {
  const table: Record<string, ExchangeId> = {};
  for (const name of common) {
    const id = COMMON_EXCHANGE_NAMES[name];
    if (!id) throw new Error(`Not a common exchange name: ${name}`);
    table[name] = id;
  }
  for (const [name, id] of Object.entries(own)) table[name.toLowerCase()] = id;
  return table;
}
