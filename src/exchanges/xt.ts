import type { ExchangeDefinition } from './types';

// XT.COM. The API docs call the pair appKey/secretKey: key a UUID, secret 40 hex characters.
// The web page labels them "Public Key" and "Private Key" (seed 000).
// Inferred: hex of either case is accepted; the bare xt.com host.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const xt: ExchangeDefinition = {
  id: 'xt',
  name: 'XT',
  hosts: ['www.xt.com', 'xt.com'],
  // Inferred from third-party setup guides ("Account Center > API Management").
  apiPageUrl: 'https://www.xt.com/en/accounts/api',
  credentials: {
    apiKeyLabel: 'Public Key',
    secretLabel: 'Private Key',
    passphrase: false,
    apiKeyPatterns: [UUID],
    secretPatterns: [/^[0-9a-f]{40}$/i],
    apiKeyHint: 'a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)',
    secretHint: '40 hexadecimal characters (0-9, a-f)',
  },
};
