import type { ExchangeDefinition } from '../types';

// Kraken. Public "API Key" of 56 base64 characters, "Private Key" of 88 base64 characters (64
// bytes, so it ends in "==").
// Inferred: pro.kraken.com (Kraken Pro, whose settings also manage API keys, per third-party
// guides) and the bare kraken.com host.
//
// The API page: "Key description" (pre-filled "api-key-<timestamp>"), permission groups — Funds:
// "Query", "Deposit", "Withdraw" (and Earn); Orders and trades: "Query open orders & trades",
// "Query closed orders & trades", "Create & modify orders", "Cancel & close orders"; Data: "Query
// ledger entries", "Export data"; "WebSocket interface" — and "Advanced settings" with the nonce
// window, key expiration, query date limits and IP whitelisting. The new key is shown with its
// private key and QR codes. Documented: the permission names (Kraken's guides also use the older
// "Query Funds", "Withdraw Funds", "Modify Orders", "Cancel/Close Orders", "Access WebSockets
// API"), an IP allowlist accepting IPv4 and IPv6 CIDR ranges, the key description of 1-32
// characters. Inferred: the key list's wording, "IP whitelisting" as the field's label, and the
// pro.kraken.com settings path.
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
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'Add key'],
    // www.kraken.com/u/security/api, and Kraken Pro's settings (pro.kraken.com/app/settings/api).
    apiPages: [/^\/u\/security\/api(?:[/?#]|$)/i, /^\/app\/settings\/api(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['api key', 'public key'],
      secret: ['private key', 'api secret', 'secret key'],
      passphrase: null,
      keyLabel: ['key description', 'description', 'key name'],
      ipWhitelist: ['ip whitelist', 'ip whitelisting', 'ip allowlist', 'ip allow list', 'ip address whitelist', 'ip address allowlist', 'ip restriction'],
      permissions: [
        { flag: 'withdraw', words: ['withdraw', 'withdraw funds'] },
        { flag: 'trade', words: ['modify orders', 'create & modify orders', 'create and modify orders', 'cancel & close orders', 'cancel/close orders'] },
        { flag: 'read', words: ['query', 'query funds', 'query open orders & trades', 'query closed orders & trades', 'query ledger entries', 'export data'] },
        // Deposits only create addresses; Earn moves funds between the user's own Kraken wallets.
        { flag: 'other', words: ['deposit', 'deposit funds', 'earn', 'earn funds', 'websocket interface', 'access websockets api'] },
      ],
      ipUnrestricted: ['any ip', 'any ip address', 'all ips', 'none', 'unrestricted', 'not set'],
      subAccount: null,
    },
    limits: {
      maxIps: null,
      maxKeys: null,
      unboundRule: null,
    },
    fixtures: ['www.kraken.com/u/security/api/index.html'],
  },
};
