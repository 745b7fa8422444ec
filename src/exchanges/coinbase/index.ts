import { pemPrivateKeyPattern } from '../../core/credential-format';
import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['portal.cdp.coinbase.com/projects/api-keys/index.html'];

export const coinbase: ExchangeDefinition<'coinbase'> = {
  id: 'coinbase',
  name: 'Coinbase',
  hosts: ['portal.cdp.coinbase.com'],
  platformNames: ['coinbase', 'coinbase advanced', 'coinbase advanced trade', 'coinbase pro'],
  apiPageUrl: 'https://portal.cdp.coinbase.com/projects/api-keys',
  credentials: {
    apiKeyLabel: 'API key name',
    secretLabel: 'Private key',
    passphrase: false,
    apiKeyPatterns: [new RegExp(`^organizations/${UUID}/apiKeys/${UUID}$`, 'i'), new RegExp(`^${UUID}$`, 'i')],
    secretPatterns: [pemPrivateKeyPattern(['EC']), /^[A-Za-z0-9+/]{86}==$/],
    apiKeyHint: words('credHintCoinbaseKey'),
    secretHint: words('credHintCoinbaseSecret'),
  },
  page: {
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
        // Sends funds off Coinbase (see NOTES.md).
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
  },
};
