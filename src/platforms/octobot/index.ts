import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
export const octobot: PlatformDefinition = {
  id: 'octobot',
  name: 'OctoBot',
  hosts: [],
  selfHosted: true,
  bindPages: [/^\/(?:accounts|config)\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`api\s*key`),
    secret: words(String.raw`api\s*secret`),
    passphrase: words(String.raw`api\s*password`),
    exchange: words(String.raw`exchanges?|add\s+(?:an\s+)?exchange`),
  },
  exchangeNames: exchangeNamesOf(['binance', 'okx', 'kucoin', 'bybit', 'bitget', 'mexc', 'htx', 'huobi', 'kraken', 'coinbase', 'xt', 'gate.io'], {
    kucoinfutures: 'kucoin',
    binancecoinm: 'binance',
    binanceusdm: 'binance',
    gateio: 'gate',
    okex: 'okx',
  }),
  publishedIps: null,
  fixtures: ['octobot.local/accounts/index.html'],
};
