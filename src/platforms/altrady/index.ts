import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
export const altrady: PlatformDefinition = {
  id: 'altrady',
  name: 'Altrady',
  hosts: ['app.altrady.com'],
  selfHosted: false,
  bindPages: [/^\/(?:settings\/)?(?:exchange-api-keys|trading-accounts)\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`api\s*key`),
    secret: words(String.raw`api\s*secret|secret(?:\s*key)?`),
    passphrase: words(String.raw`(?:api\s*)?passphrase|api\s*password`),
    exchange: words(String.raw`exchange|select\s+(?:an\s+)?exchange`),
  },
  exchangeNames: exchangeNamesOf(
    ['binance', 'binance futures', 'okx', 'kucoin', 'kucoin futures', 'bybit', 'bitget', 'gate.io', 'htx', 'huobi', 'kraken', 'coinbase',
      'coinbase advanced', 'coinbase pro', 'mexc'],
    { 'binance usdⓢ-m futures': 'binance', 'binance coin-m futures': 'binance' },
  ),
  publishedIps: null,
  fixtures: ['app.altrady.com/settings/exchange-api-keys/index.html'],
};
