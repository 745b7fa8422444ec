import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';

// 3Commas. Exchange keys are connected from the app ("Connect exchange" / "Add exchange account"):
// the user picks the exchange, names the account and pastes "API Key" and "Secret" (plus a
// passphrase for Coinbase and the exchanges that use one); the flow shows the 3Commas IP
// addresses to whitelist on the exchange, per exchange, and 3Commas now requires them for
// manual connections. The IP list is published per exchange (in the connect flow and through
// the "Supported exchanges IP whitelist" API endpoint) and can change (Binance's is generated).
// Verified: the IP whitelist practice (help.3commas.io). Inferred: the app host's route
// (/accounts/new, /accounts/<id>/edit, optional locale prefix), the field words, the exchange
// names as the app lists them, and the IP addresses themselves (placeholders, see below).

// Placeholders from the documentation ranges (RFC 5737): replace with the platform's published
// list. They exist so the IP-restriction warning has a shape to work with; isDocumentationAddress()
// tells callers not to present them as 3Commas's real addresses.
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
