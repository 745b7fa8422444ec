import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';

// WunderTrading. "API keys" > "Add API key": exchange chosen from a grid of exchange cards, then
// a name, "API Key", "Secret Key" and "Passphrase" where the exchange uses one.
// Inferred (decision): the web app is served from wundertrading.com under a locale prefix
// (/en/api-keys); app.wundertrading.com is listed too in case the app moves there. Both are
// exact hosts of the platform's own registrable domain. Inferred: labels and names; no published
// IP list was found, so none is claimed.

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
