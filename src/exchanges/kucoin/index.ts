import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.kucoin.com/account/api/index.html'];

export const kucoin: ExchangeDefinition<'kucoin'> = {
  id: 'kucoin',
  name: 'KuCoin',
  hosts: ['www.kucoin.com', 'kucoin.com'],
  platformNames: ['kucoin', 'kucoin spot', 'kucoin futures'],
  apiPageUrl: 'https://www.kucoin.com/account/api',
  credentials: {
    apiKeyLabel: 'Key',
    secretLabel: 'Secret',
    passphrase: true,
    apiKeyPatterns: [/^[0-9a-f]{24}$/i],
    secretPatterns: [UUID],
    apiKeyHint: words('credHintHex24'),
    secretHint: words('credHintUuid'),
  },
  page: {
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // /account/api, /ru/account/api, /zh-hant/account/api.
    apiPages: [/^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?account\/api(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['key', 'api key', '密钥 key'],
      secret: ['secret', 'api secret', 'secret key', '私钥'],
      passphrase: ['passphrase', 'api passphrase', '密码', 'api 密码'],
      keyLabel: ['api name', 'name', 'remarks', 'api 名称', '名称', '备注'],
      ipWhitelist: ['ip restriction', 'ip whitelist', 'ip address', 'ip 白名单', 'ip 限制'],
      permissions: [
        // KuCoin's older "Transfer" permission moved funds in and out, withdrawals included.
        { flag: 'withdraw', words: ['withdrawal', 'withdraw', 'transfer', '提现', '提币'] },
        { flag: 'transfer', words: ['flex transfers', 'inner transfer', 'internal transfer', '内部划转'] },
        { flag: 'futures', words: ['futures', 'futures trading', '合约', '合约交易'] },
        { flag: 'trade', words: ['spot', 'spot trading', 'margin', 'margin trading', 'trade', '现货', '现货交易', '杠杆'] },
        { flag: 'read', words: ['general', '通用'] },
      ],
      ipUnrestricted: ['no', 'none', 'unrestricted', 'not restricted', '否', '不限制'],
      subAccount: ['sub-account', 'sub-accounts', '子账户'],
    },
    limits: {
      maxIps: null,
      maxKeys: null,
      unboundRule: words('noteRuleKucoin'),
    },
  },
};
