import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';

// Altrady. Settings > Exchange API Keys > "Add trading account": an exchange <select>, an account
// name, "API Key", "API Secret" and "Passphrase" where needed.
// Verified (support.altrady.com, "How to add an IP whitelist to your API keys"): Altrady allocates
// a set of 20 IP addresses to each API key, shown when the trading account is edited after it is
// added; the list differs per key. There is no static list to carry here, so publishedIps is null:
// the addresses must be read from the page once Altrady shows them.
// Inferred: the route (/settings/exchange-api-keys), the labels' exact words, the names.

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
