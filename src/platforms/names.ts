import type { ExchangeId } from '../core/records';
import type { PlatformDefinition } from './types';

/**
 * Exchange names as trading platforms write them, to Keyward's ids. Only names that can mean one
 * exchange account are here: "Binance US", "Kraken Futures" (a separate account with separate
 * keys), testnets and demo accounts are deliberately absent, so they map to null rather than to a
 * wrong key. Keys are lower-case; matching ignores case, spaces and punctuation.
 */
export const COMMON_EXCHANGE_NAMES: Readonly<Record<string, ExchangeId>> = Object.freeze({
  htx: 'htx',
  'htx global': 'htx',
  'htx futures': 'htx',
  huobi: 'htx',
  'huobi global': 'htx',
  'huobi pro': 'htx',
  'huobi futures': 'htx',
  xt: 'xt',
  'xt.com': 'xt',
  'xt.com futures': 'xt',
  bitexbit: 'bitexbit',
  binance: 'binance',
  'binance spot': 'binance',
  'binance futures': 'binance',
  'binance margin': 'binance',
  'binance usdt-m futures': 'binance',
  'binance usdⓢ-m futures': 'binance',
  'binance usd-m futures': 'binance',
  'binance coin-m futures': 'binance',
  okx: 'okx',
  okex: 'okx',
  'okx spot': 'okx',
  'okx futures': 'okx',
  bybit: 'bybit',
  'bybit spot': 'bybit',
  'bybit futures': 'bybit',
  'bybit unified': 'bybit',
  'bybit derivatives': 'bybit',
  kucoin: 'kucoin',
  'kucoin spot': 'kucoin',
  'kucoin futures': 'kucoin',
  gate: 'gate',
  'gate.io': 'gate',
  'gate.io futures': 'gate',
  'gate futures': 'gate',
  bitget: 'bitget',
  'bitget spot': 'bitget',
  'bitget futures': 'bitget',
  mexc: 'mexc',
  'mexc global': 'mexc',
  'mexc spot': 'mexc',
  'mexc futures': 'mexc',
  coinbase: 'coinbase',
  'coinbase advanced': 'coinbase',
  'coinbase advanced trade': 'coinbase',
  'coinbase pro': 'coinbase',
  kraken: 'kraken',
  'kraken spot': 'kraken',
  // Chinese brand names, as Chinese-language platforms list them.
  币安: 'binance',
  火币: 'htx',
  '火币 htx': 'htx',
  欧易: 'okx',
  '欧易 okx': 'okx',
});

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
