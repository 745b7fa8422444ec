import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.kraken.com/u/security/api/index.html'];

export const kraken: ExchangeDefinition<'kraken'> = {
  id: 'kraken',
  name: 'Kraken',
  hosts: ['www.kraken.com', 'kraken.com', 'pro.kraken.com'],
  platformNames: ['kraken', 'kraken spot'],
  apiPageUrl: 'https://www.kraken.com/u/security/api',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Private Key',
    passphrase: false,
    apiKeyPatterns: [/^(?=.{56}$)[A-Za-z0-9+/]+={0,2}$/],
    secretPatterns: [/^(?=.{88}$)[A-Za-z0-9+/]+={0,2}$/],
    apiKeyHint: words('credHintBase64x56'),
    secretHint: words('credHintBase64x88'),
  },
  page: {
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
  },
};
