import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
// Placeholders from the documentation ranges (RFC 5737): replace with the platform's published list.
// 
const EXAMPLE_IPS = ['203.0.113.40', '203.0.113.41'];

export const coinrule: PlatformDefinition = {
  id: 'coinrule',
  name: 'Coinrule',
  hosts: ['web.coinrule.com'],
  selfHosted: false,
  bindPages: [/^\/(?:exchanges?|settings\/exchanges)(?:\/[\w-]+)?\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`api\s*key|(?:enter|paste)\s+(?:your\s+)?api\s*key`),
    secret: words(String.raw`secret\s*key|api\s*secret|(?:enter|paste)\s+(?:your\s+)?(?:secret\s*key|api\s*secret)`),
    passphrase: words(String.raw`(?:api\s*)?passphrase|(?:enter|paste)\s+(?:your\s+)?passphrase`),
    exchange: words(String.raw`exchange|select\s+(?:an\s+)?exchange`),
  },
  exchangeNames: exchangeNamesOf(
    ['binance', 'binance futures', 'okx', 'kucoin', 'bybit', 'bitget', 'kraken', 'coinbase', 'coinbase advanced', 'coinbase pro', 'htx',
      'huobi', 'gate.io', 'mexc'],
    {},
  ),
  publishedIps: { all: EXAMPLE_IPS },
  fixtures: ['web.coinrule.com/exchanges/index.html'],
};
