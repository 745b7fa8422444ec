import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
// Placeholders from the documentation ranges (RFC 5737): replace with the platform's published
// list. They exist so the IP-restriction warning has a shape to work with; isDocumentationAddress()
// tells callers not to present them as 3Commas's real addresses.
// 
const EXAMPLE_IPS = ['203.0.113.10', '203.0.113.11', '203.0.113.12'];

export const threecommas: PlatformDefinition = {
  id: 'threecommas',
  name: '3Commas',
  hosts: ['app.3commas.io'],
  selfHosted: false,
  bindPages: [/^\/(?:[a-z]{2}\/)?accounts\/(?:new|\d+\/edit)\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`api\s*key`),
    secret: words(String.raw`(?:api\s*)?secret(?:\s*key)?`),
    passphrase: words(String.raw`(?:api\s*)?passphrase`),
    exchange: words(String.raw`exchange|(?:select|choose)\s+(?:an\s+)?exchange`),
  },
  exchangeNames: exchangeNamesOf(
    ['binance', 'binance spot', 'binance margin', 'okx', 'bybit', 'bybit spot', 'kucoin', 'kucoin futures', 'gate.io', 'bitget',
      'bitget futures', 'coinbase', 'coinbase advanced', 'coinbase pro', 'kraken', 'htx', 'huobi', 'huobi global', 'mexc'],
    {
      'binance futures usdt-m': 'binance',
      'binance futures coin-m': 'binance',
      'okx futures': 'okx',
      'bybit usdt perpetual': 'bybit',
      'bybit futures': 'bybit',
      'gate.io futures': 'gate',
    },
  ),
  publishedIps: {
    byExchange: {
      binance: EXAMPLE_IPS,
      okx: EXAMPLE_IPS,
      bybit: EXAMPLE_IPS,
      kucoin: EXAMPLE_IPS,
      gate: EXAMPLE_IPS,
      bitget: EXAMPLE_IPS,
      coinbase: EXAMPLE_IPS,
      kraken: EXAMPLE_IPS,
      htx: EXAMPLE_IPS,
      mexc: EXAMPLE_IPS,
    },
  },
  fixtures: ['app.3commas.io/accounts/new/index.html'],
};
