import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.bitget.com/account/newapi/index.html'];

export const bitget: ExchangeDefinition<'bitget'> = {
  id: 'bitget',
  name: 'Bitget',
  hosts: ['www.bitget.com', 'bitget.com'],
  platformNames: ['bitget', 'bitget spot', 'bitget futures'],
  apiPageUrl: 'https://www.bitget.com/account/newapi',
  credentials: {
    apiKeyLabel: 'APIKey',
    secretLabel: 'SecretKey',
    passphrase: true,
    apiKeyPatterns: [/^bg_[0-9a-f]{32}$/i],
    secretPatterns: [/^[0-9a-f]{64}$/i],
    apiKeyHint: words('credHintBitgetKey'),
    secretHint: words('credHintHex64'),
  },
  page: {
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', '创建API', 'API密钥'],
    // /account/newapi, with an optional locale segment (/en/, /zh-CN/) as on Bitget's other pages.
    apiPages: [/^\/(?:[a-z]{2,4}(?:[-_][a-z]{2,4})?\/)?account\/newapi(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['api key', 'apikey', 'access key'],
      secret: ['secret key', 'secretkey', 'api secret'],
      passphrase: ['passphrase', 'api passphrase'],
      keyLabel: ['notes', 'note', 'remarks', 'api key name', 'api name'],
      ipWhitelist: ['link ip address', 'linked ip address', 'bind ip address', 'ip whitelist', 'ip address'],
      permissions: [
        { flag: 'withdraw', words: ['withdraw', 'withdrawal', 'wallet withdraw'] },
        { flag: 'transfer', words: ['transfer', 'wallet transfer'] },
        { flag: 'futures', words: ['futures', 'futures orders', 'futures holdings', 'contract', 'contract trade'] },
        { flag: 'trade', words: ['trade', 'spot trade', 'trading', 'spot trading', 'orders', 'holdings', 'margin trade', 'margin trading'] },
        // Copy trading follows a trader's positions: no orders of the bot's own.
        { flag: 'other', words: ['copy trading', 'copy trade'] },
        // Both modes include reading; "Read and write" is the mode that enables the boxes.
        { flag: 'read', words: ['read-only', 'read only', 'read and write', 'read & write', 'read/write'] },
      ],
      ipUnrestricted: ['--', 'unlinked', 'not linked', 'none', 'unrestricted'],
      // Sub-account keys are created on the sub-account API page, which names the sub-account in a
      // selector; the main API page has none (the reader takes fields only, never menu entries).
      subAccount: ['sub-account', 'sub account', 'sub-account name'],
    },
    limits: {
      maxIps: null,
      maxKeys: 10,
      unboundRule: words('noteRuleBitget'),
    },
  },
};
