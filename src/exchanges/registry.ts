import { binance } from './binance';
import { bitexbit } from './bitexbit';
import { bitget } from './bitget';
import { bybit } from './bybit';
import { coinbase } from './coinbase';
import { gate } from './gate';
import { htx } from './htx';
import { kraken } from './kraken';
import { kucoin } from './kucoin';
import { mexc } from './mexc';
import { okx } from './okx';
import type { ExchangeDefinition } from './types';
import { xt } from './xt';

/**
 * Every supported exchange, in the order the popup lists them: the only list. The ExchangeId type,
 * the lookalike brands and the platforms' exchange names are all derived from it; a new exchange
 * is its folder (src/exchanges/<id>/) plus its line here.
 */
export const EXCHANGES = Object.freeze([
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
] as const);

type RegisteredId = (typeof EXCHANGES)[number]['id'];

declare module '../core/records' {
  // The registry's ids become core's ExchangeId (see SupportedExchanges there).
  interface SupportedExchanges extends Record<RegisteredId, true> {}
}

export const EXCHANGE_IDS: readonly RegisteredId[] = Object.freeze(EXCHANGES.map((exchange) => exchange.id));

export function isExchangeId(value: unknown): value is RegisteredId {
  return typeof value === 'string' && (EXCHANGE_IDS as readonly string[]).includes(value);
}

export function exchangeById(id: RegisteredId): ExchangeDefinition {
  // The guard covers ids that reached here unchecked (from a message or storage).
  const found = EXCHANGES.find((exchange) => exchange.id === id);
  if (found === undefined) throw new Error(`Unknown exchange: ${String(id)}`);
  return found;
}
