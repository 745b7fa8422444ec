import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
// Placeholders from the documentation ranges (RFC 5737): replace with the platform's published list.
// 
const EXAMPLE_IPS = ['198.51.100.21', '198.51.100.22'];

export const bitsgap: PlatformDefinition = {
  id: 'bitsgap',
  name: 'Bitsgap',
  hosts: ['app.bitsgap.com'],
  selfHosted: false,
  bindPages: [/^\/(?:my-exchanges|exchanges)\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`api\s*key|enter\s+(?:your\s+)?api\s*key`),
    secret: words(String.raw`secret\s*key|api\s*secret|enter\s+(?:your\s+)?secret\s*key`),
    passphrase: words(String.raw`(?:api\s*)?passphrase|enter\s+(?:your\s+)?passphrase`),
    exchange: words(String.raw`exchange|select\s+(?:an\s+)?exchange`),
  },
  exchangeNames: exchangeNamesOf(
    ['binance', 'binance futures', 'okx', 'okx futures', 'bybit', 'bybit futures', 'kucoin', 'kucoin futures', 'gate.io', 'gate.io futures',
      'bitget', 'bitget futures', 'htx', 'huobi global', 'kraken', 'coinbase', 'coinbase advanced', 'coinbase pro', 'mexc'],
    { 'binance usd-m futures': 'binance', 'binance coin-m futures': 'binance' },
  ),
  publishedIps: { all: EXAMPLE_IPS },
  fixtures: ['app.bitsgap.com/my-exchanges/index.html'],
};
