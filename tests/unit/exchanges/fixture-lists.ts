// Each exchange's fixture pages, as its folder lists them (FIXTURES beside the definition, so no
// content script bundles them). Keyed by ExchangeId: a new exchange without its list does not compile.
import type { ExchangeId } from '../../../src/core/records';
import { FIXTURES as binance } from '../../../src/exchanges/binance';
import { FIXTURES as bitexbit } from '../../../src/exchanges/bitexbit';
import { FIXTURES as bitget } from '../../../src/exchanges/bitget';
import { FIXTURES as bybit } from '../../../src/exchanges/bybit';
import { FIXTURES as coinbase } from '../../../src/exchanges/coinbase';
import { FIXTURES as gate } from '../../../src/exchanges/gate';
import { FIXTURES as htx } from '../../../src/exchanges/htx';
import { FIXTURES as kraken } from '../../../src/exchanges/kraken';
import { FIXTURES as kucoin } from '../../../src/exchanges/kucoin';
import { FIXTURES as mexc } from '../../../src/exchanges/mexc';
import { FIXTURES as okx } from '../../../src/exchanges/okx';
import { FIXTURES as xt } from '../../../src/exchanges/xt';

export const EXCHANGE_FIXTURES: Record<ExchangeId, readonly string[]> = { binance, bitexbit, bitget, bybit, coinbase, gate, htx, kraken, kucoin, mexc, okx, xt };
