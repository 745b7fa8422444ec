import type { ExchangeDefinition } from './types';

// OKX. "API Key" (a UUID), "Secret Key" (32 hex characters, shown in upper case) and a
// passphrase the user chose at creation, which cannot be recovered.
// Inferred: the API page path; hex of either case is accepted; the bare okx.com host.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const okx: ExchangeDefinition = {
  id: 'okx',
  name: 'OKX',
  // my.okx.com serves the EEA, app.okx.com the US.
  hosts: ['www.okx.com', 'okx.com', 'my.okx.com', 'app.okx.com'],
  apiPageUrl: 'https://www.okx.com/account/my-api',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: true,
    apiKeyPatterns: [UUID],
    secretPatterns: [/^[0-9a-f]{32}$/i],
    apiKeyHint: 'a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)',
    secretHint: '32 hexadecimal characters (0-9, A-F)',
  },
};
