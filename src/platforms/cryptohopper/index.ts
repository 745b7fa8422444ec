import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
export const cryptohopper: PlatformDefinition = {
  id: 'cryptohopper',
  name: 'Cryptohopper',
  hosts: ['www.cryptohopper.com'],
  selfHosted: false,
  bindPages: [/^\/(?:config|hoppers\/\d+\/config)\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`(?:exchange\s+)?api\s*key`),
    secret: words(String.raw`(?:exchange\s+)?api\s*secret|secret(?:\s*key)?`),
    passphrase: words(String.raw`(?:api\s*)?passphrase|api\s*password`),
    exchange: words(String.raw`exchange|select\s+exchange`),
  },
  exchangeNames: exchangeNamesOf(
    ['binance', 'okx', 'kucoin', 'bybit', 'bitget', 'kraken', 'coinbase', 'coinbase advanced', 'coinbase pro', 'htx', 'huobi', 'gate.io', 'mexc'],
    {},
  ),
  publishedIps: null,
  fixtures: ['www.cryptohopper.com/config/index.html'],
};
