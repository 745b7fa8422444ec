import type { ExchangeDefinition } from './types';

// Kraken. Public "API Key" of 56 base64 characters, "Private Key" of 88 base64 characters (64
// bytes, so it ends in "==").
// Inferred: pro.kraken.com (Kraken Pro, whose settings also manage API keys, per third-party
// guides) and the bare kraken.com host.
export const kraken: ExchangeDefinition = {
  id: 'kraken',
  name: 'Kraken',
  hosts: ['www.kraken.com', 'kraken.com', 'pro.kraken.com'],
  apiPageUrl: 'https://www.kraken.com/u/security/api',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Private Key',
    passphrase: false,
    apiKeyPatterns: [/^(?=.{56}$)[A-Za-z0-9+/]+={0,2}$/],
    secretPatterns: [/^(?=.{88}$)[A-Za-z0-9+/]+={0,2}$/],
    apiKeyHint: '56 base64 characters (letters, digits, + and /)',
    secretHint: '88 base64 characters (letters, digits, + and /, usually ending in ==)',
  },
};
