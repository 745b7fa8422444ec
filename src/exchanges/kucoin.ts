import type { ExchangeDefinition } from './types';

// KuCoin. "Key" (24 hex characters, documented), "Secret" and a user-chosen "Passphrase", none of
// them recoverable.
// Inferred: the secret is a UUID (as observed in client libraries, not documented); the API page
// path (from third-party guides); the bare kucoin.com host.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const kucoin: ExchangeDefinition = {
  id: 'kucoin',
  name: 'KuCoin',
  hosts: ['www.kucoin.com', 'kucoin.com'],
  apiPageUrl: 'https://www.kucoin.com/account/api',
  credentials: {
    apiKeyLabel: 'Key',
    secretLabel: 'Secret',
    passphrase: true,
    apiKeyPatterns: [/^[0-9a-f]{24}$/i],
    secretPatterns: [UUID],
    apiKeyHint: '24 hexadecimal characters (0-9, a-f)',
    secretHint: 'a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)',
  },
};
