import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
export const hummingbot: PlatformDefinition = {
  id: 'hummingbot',
  name: 'Hummingbot',
  hosts: [],
  selfHosted: true,
  bindPages: [/^\/credentials\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`[a-z0-9_]+_api_key`),
    secret: words(String.raw`[a-z0-9_]+_(?:api_secret|secret_key|api_secret_key)`),
    passphrase: words(String.raw`[a-z0-9_]+_(?:passphrase|api_passphrase)`),
    exchange: words(String.raw`select\s+connector`),
  },
  exchangeNames: exchangeNamesOf(['binance', 'okx', 'kucoin', 'bybit', 'bitget', 'mexc', 'htx', 'huobi', 'kraken'], {
    binance_perpetual: 'binance',
    okx_perpetual: 'okx',
    kucoin_perpetual: 'kucoin',
    bybit_perpetual: 'bybit',
    bitget_perpetual: 'bitget',
    gate_io: 'gate',
    gate_io_perpetual: 'gate',
    htx_perpetual: 'htx',
    coinbase_advanced_trade: 'coinbase',
  }),
  publishedIps: null,
  fixtures: ['hummingbot.local/credentials/index.html'],
};
