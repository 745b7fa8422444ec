import { pemPrivateKeyPattern } from '../../core/credential-format';
import type { ExchangeDefinition } from '../types';

// Coinbase, keys from the Coinbase Developer Platform (CDP). An ECDSA key's name is
// `organizations/{org id}/apiKeys/{key id}` and its private key an EC P-256 PEM block
// (-----BEGIN EC PRIVATE KEY-----). An Ed25519 key (the CDP default) is shown as a key ID and a
// base64 private key.
// Inferred: the Ed25519 key ID is a bare UUID and its private key 64 bytes (seed and public key),
// 88 base64 characters; the API page path.
//
// The API page (CDP portal, API keys): "Create API key" → "API key nickname", then "API
// restrictions" (portfolio, permissions "View" / "Trade" / "Transfer", "IP allowlist") and
// "Advanced settings" (signature algorithm Ed25519 or ECDSA). The new key is shown once with a
// "Download API key" button. Documented: those settings, and that the allowlist is optional.
// "Transfer" maps to 'withdraw', not 'transfer': Coinbase documents it as sending and receiving
// funds on and off the platform, so a key with it can send funds to any outside address, which is
// what Keyward calls withdraw (its 'transfer' is moving funds between the user's own accounts).
// The key-permissions endpoint likewise has only can_view / can_trade / can_transfer.
// Inferred: the result labels for Ed25519 keys ("API key ID", "API key secret"), the list's
// wording, the /access/api path, and Portfolio as the sub-account selector.
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
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'Secret API Keys'],
    // /projects/api-keys, or with a project id in between; the CDP "Access" page as well.
    apiPages: [/^\/projects\/(?:[\w-]+\/)?api-keys(?:[/?#]|$)/i, /^\/access\/api(?:-keys)?(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['api key name', 'api key id', 'key name', 'key id', 'api key'],
      secret: ['private key', 'api key secret', 'secret', 'api secret'],
      passphrase: null,
      keyLabel: ['nickname', 'api key nickname'],
      ipWhitelist: ['ip allowlist', 'ip allow list', 'ip whitelist', 'allowed ip addresses'],
      permissions: [
        // Sends funds off Coinbase: see above.
        { flag: 'withdraw', words: ['transfer'] },
        { flag: 'trade', words: ['trade'] },
        { flag: 'read', words: ['view', 'view (read-only)'] },
      ],
      ipUnrestricted: ['any ip', 'all ips', 'none', 'no restriction', 'no restrictions', 'unrestricted'],
      subAccount: ['portfolio'],
    },
    limits: {
      maxIps: null,
      maxKeys: null,
      unboundRule: null,
    },
    fixtures: ['portal.cdp.coinbase.com/projects/api-keys/index.html'],
  },
};
