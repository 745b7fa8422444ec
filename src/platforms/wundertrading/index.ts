import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
export const wundertrading: PlatformDefinition = {
  id: 'wundertrading',
  name: 'WunderTrading',
  hosts: ['wundertrading.com', 'app.wundertrading.com'],
  selfHosted: false,
  bindPages: [/^\/(?:[a-z]{2}\/)?(?:api-keys|exchange-api|api-management)\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`api\s*key`),
    secret: words(String.raw`secret\s*key|api\s*secret|secret`),
    passphrase: words(String.raw`(?:api\s*)?passphrase|api\s*password`),
    exchange: words(String.raw`exchange|select\s+(?:an\s+)?exchange|choose\s+(?:an\s+)?exchange`),
  },
  exchangeNames: exchangeNamesOf(
    ['binance', 'binance futures', 'binance coin-m futures', 'okx', 'bybit', 'kucoin', 'kucoin futures', 'bitget', 'gate.io', 'htx', 'huobi',
      'kraken', 'coinbase', 'coinbase advanced', 'mexc'],
    { 'binance futures usdt-m': 'binance', 'binance futures coin-m': 'binance', 'okx futures': 'okx', 'bybit usdt': 'bybit' },
  ),
  publishedIps: null,
  fixtures: ['wundertrading.com/en/api-keys/index.html'],
};
