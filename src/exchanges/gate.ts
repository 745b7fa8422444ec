import type { ExchangeDefinition } from './types';

// Gate (gate.io, rebranding to gate.com).
// Inferred: the shapes (key 32 hex, secret 64 hex), the labels "API Key" / "Secret Key", the API
// page path and the bare hosts.
export const gate: ExchangeDefinition = {
  id: 'gate',
  name: 'Gate',
  hosts: ['www.gate.io', 'gate.io', 'www.gate.com', 'gate.com'],
  apiPageUrl: 'https://www.gate.io/myaccount/apikeys',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^[0-9a-f]{32}$/i],
    secretPatterns: [/^[0-9a-f]{64}$/i],
    apiKeyHint: '32 hexadecimal characters (0-9, a-f)',
    secretHint: '64 hexadecimal characters (0-9, a-f)',
  },
};
