import { pemPrivateKeyPattern } from '../core/credential-format';
import type { ExchangeDefinition } from './types';

// Coinbase, keys from the Coinbase Developer Platform (CDP). An ECDSA key's name is
// `organizations/{org id}/apiKeys/{key id}` and its private key an EC P-256 PEM block
// (-----BEGIN EC PRIVATE KEY-----). An Ed25519 key (the CDP default) is shown as a key ID and a
// base64 private key.
// Inferred: the Ed25519 key ID is a bare UUID and its private key 64 bytes (seed and public key),
// 88 base64 characters; the API page path.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const coinbase: ExchangeDefinition = {
  id: 'coinbase',
  name: 'Coinbase',
  hosts: ['portal.cdp.coinbase.com'],
  apiPageUrl: 'https://portal.cdp.coinbase.com/projects/api-keys',
  credentials: {
    apiKeyLabel: 'API key name',
    secretLabel: 'Private key',
    passphrase: false,
    apiKeyPatterns: [new RegExp(`^organizations/${UUID}/apiKeys/${UUID}$`, 'i'), new RegExp(`^${UUID}$`, 'i')],
    secretPatterns: [pemPrivateKeyPattern(['EC']), /^[A-Za-z0-9+/]{86}==$/],
    apiKeyHint: 'organizations/{organization id}/apiKeys/{key id}, or a key ID (UUID) for Ed25519 keys',
    secretHint: 'an EC private key (-----BEGIN EC PRIVATE KEY----- …), or 88 base64 characters for Ed25519 keys',
  },
};
