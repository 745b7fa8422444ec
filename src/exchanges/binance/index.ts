import { pemPrivateKeyPattern } from '../../core/credential-format';
import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.binance.com/en/my/settings/api-management/index.html'];

export const binance: ExchangeDefinition<'binance'> = {
  id: 'binance',
  name: 'Binance',
  hosts: ['www.binance.com', 'binance.com'],
  relatedDomains: ['binance.us', 'binance.vision'],
  platformNames: ['binance', 'binance spot', 'binance futures', 'binance margin', 'binance usdt-m futures', 'binance usdⓢ-m futures', 'binance usd-m futures', 'binance coin-m futures', '币安'],
  apiPageUrl: 'https://www.binance.com/en/my/settings/api-management',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^[A-Za-z0-9]{64}$/],
    secretPatterns: [/^[A-Za-z0-9]{64}$/, pemPrivateKeyPattern(['PKCS8', 'ENCRYPTED', 'RSA'])],
    apiKeyHint: words('credHintAlnum64'),
    secretHint: words('credHintAlnum64OrPem'),
  },
  page: {
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', '创建API', 'API密钥'],
    // /en/my/settings/api-management, /zh-CN/…, /en-IN/…; sub-accounts: /en/my/sub-account/api-management.
    apiPages: [
      /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?my\/settings\/api-management(?:[/?#]|$)/i,
      /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?my\/sub-account\/api-management(?:[/?#]|$)/i,
    ],
    vocabulary: {
      apiKey: ['api key'],
      secret: ['secret key', 'private key'],
      passphrase: null,
      keyLabel: ['label api key to proceed', 'api key label', 'label'],
      ipWhitelist: ['ip access restrictions', 'restrict access to trusted ips only', 'trusted ips', 'ip whitelist', 'ip address'],
      permissions: [
        { flag: 'withdraw', words: ['withdrawals', 'withdraw'] },
        { flag: 'transfer', words: ['universal transfer', 'internal transfer', 'permits universal transfer'] },
        { flag: 'futures', words: ['futures', 'options', 'european options', 'vanilla options', 'portfolio margin trading'] },
        // Borrowing and repaying on margin moves no funds out and places no order.
        { flag: 'other', words: ['margin loan', 'margin loan, repay & transfer', 'repay'] },
        { flag: 'trade', words: ['spot & margin trading', 'spot and margin trading', 'margin', 'margin loan, repay & transfer', 'trading'] },
        { flag: 'read', words: ['reading'] },
      ],
      ipUnrestricted: ['unrestricted', 'unrestricted (less secure)'],
      subAccount: ['sub-account', 'sub-account email'],
    },
    limits: {
      maxIps: 30,
      maxKeys: 30,
      unboundRule: words('noteRuleBinance'),
    },
  },
};
