import type { ExchangeId } from '../core/records';
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

/** Every supported exchange, in the order the popup lists them. */
export const EXCHANGES: readonly ExchangeDefinition[] = Object.freeze([
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
]);

// A Record over ExchangeId: adding an id to EXCHANGE_IDS without a module fails to compile here.
const BY_ID: Readonly<Record<ExchangeId, ExchangeDefinition>> = Object.freeze({
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
});

export function exchangeById(id: ExchangeId): ExchangeDefinition {
  // The guard covers ids that reached here unchecked (from a message or storage).
  if (!Object.hasOwn(BY_ID, id)) {
    throw new Error(`Unknown exchange: ${String(id)}`);
  }
  return BY_ID[id];
}
