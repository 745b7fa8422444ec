import type { ExchangeDefinition } from './types';

// Bitget. "APIKey", "SecretKey" and a user-set "Passphrase" (documented labels).
// Inferred: the shapes (key "bg_" followed by 32 hex characters, secret 64 hex characters), the
// API page path and the bare bitget.com host.
export const bitget: ExchangeDefinition = {
  id: 'bitget',
  name: 'Bitget',
  hosts: ['www.bitget.com', 'bitget.com'],
  apiPageUrl: 'https://www.bitget.com/account/newapi',
  credentials: {
    apiKeyLabel: 'APIKey',
    secretLabel: 'SecretKey',
    passphrase: true,
    apiKeyPatterns: [/^bg_[0-9a-f]{32}$/i],
    secretPatterns: [/^[0-9a-f]{64}$/i],
    apiKeyHint: '"bg_" followed by 32 hexadecimal characters',
    secretHint: '64 hexadecimal characters (0-9, a-f)',
  },
};
