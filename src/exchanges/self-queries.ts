// ExchangeId is filled in by the registry (see types.ts): a program that compiles this module compiles it too.
/// <reference path="./registry.ts" />
import type { ExchangeId } from '../core/records';
import { type NoSelfQuery, type SelfQuery, isSelfQuery } from '../core/self-query';
import { selfQuery as binance } from './binance/self-query';
import { selfQuery as bitexbit } from './bitexbit/self-query';
import { selfQuery as bitget } from './bitget/self-query';
import { selfQuery as bybit } from './bybit/self-query';
import { selfQuery as coinbase } from './coinbase/self-query';
import { selfQuery as gate } from './gate/self-query';
import { selfQuery as htx } from './htx/self-query';
import { selfQuery as kraken } from './kraken/self-query';
import { selfQuery as kucoin } from './kucoin/self-query';
import { selfQuery as mexc } from './mexc/self-query';
import { selfQuery as okx } from './okx/self-query';
import { selfQuery as xt } from './xt/self-query';

/**
 * Each exchange's read-only self-query (key health, issue 11), or the mark that it has none
 * (the popup says so). Background only: content scripts must never reach this module (signing
 * code and API hosts have no business in a page; tests/unit/build/boundaries.test.ts). The
 * Record type makes a new exchange in the registry fail to compile until it is listed here.
 */
export const SELF_QUERIES: Readonly<Record<ExchangeId, SelfQuery | NoSelfQuery>> = Object.freeze({
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

/** Every API host pattern a self-query declares ("https://api.binance.com/*"), once each. */
export const SELF_QUERY_ORIGINS: readonly string[] = Object.freeze([
  ...new Set(Object.values(SELF_QUERIES).flatMap((query) => (isSelfQuery(query) ? [...query.origins] : []))),
]);

export function selfQueryOf(id: ExchangeId): SelfQuery | NoSelfQuery {
  return SELF_QUERIES[id];
}

export { isSelfQuery } from '../core/self-query';
