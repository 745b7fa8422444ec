import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
const HTX_KEY = /^[a-z0-9]{4,12}(?:-[a-z0-9]{4,12}){3}$/;

/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.htx.com/en-us/apikey/index.html', 'www.htx.com/zh-cn/apikey/index.html', 'www.htx.com/zh-hk/apikey/index.html'];

export const htx: ExchangeDefinition<'htx'> = {
  id: 'htx',
  name: 'HTX',
  hosts: ['www.htx.com', 'htx.com', 'www.huobi.com', 'huobi.com', 'www.hbg.com', 'hbg.com'],
  brand: { tokens: ['htx', 'huobi'], fuzzy: true },
  platformNames: ['htx', 'htx global', 'htx futures', 'huobi', 'huobi global', 'huobi pro', 'huobi futures', '火币', '火币 htx'],
  apiPageUrl: 'https://www.htx.com/en-us/apikey',
  credentials: {
    apiKeyLabel: 'Access Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [HTX_KEY],
    secretPatterns: [HTX_KEY],
    apiKeyHint: words('credHintHtx'),
    secretHint: words('credHintHtx'),
  },
  page: {
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // /en-us/apikey/, /zh-cn/apikey/, and the sub-account API pages under /sub-account/.
    apiPages: [/^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:apikey|api-management)\b/i, /\/sub-?account\/.*api/i],
    vocabulary: {
      apiKey: ['access key', 'api key', 'access key id', '访问密钥', 'api 访问密钥'],
      secret: ['secret key', 'secret', '密钥', '私钥', '秘钥'],
      passphrase: null,
      keyLabel: ['notes', 'note', 'remark', 'remarks', 'api name', '备注', '名称', 'api 名称'],
      ipWhitelist: ['bind ip address', 'ip address', 'bound ip', 'ip whitelist', 'ip access restriction', 'ip restriction', '绑定 ip 地址', '绑定ip', 'ip地址', 'ip 白名单'],
      permissions: [
        { flag: 'withdraw', words: ['withdraw', 'withdrawal', '提币', '提现'] },
        { flag: 'transfer', words: ['transfer', 'asset transfer', '划转', '资产划转'] },
        { flag: 'futures', words: ['futures', 'swap', 'futures / swap trade', 'swap trade', 'contract', '合约', '合约交易', '永续'] },
        { flag: 'trade', words: ['trade', 'trading', 'spot trade', '交易', '现货交易'] },
        { flag: 'read', words: ['read', 'read-only', 'readonly', '读取', '只读'] },
        { flag: 'other', words: ['account', '账户'] },
      ],
      ipUnrestricted: ['unrestricted', 'not bound', 'none', '未绑定', '无限制'],
      // HTX calls its sub-accounts sub-users.
      subAccount: ['sub-user', 'sub user', 'sub-account', 'sub account', '子用户', '子账户', '子账号'],
    },
    limits: {
      maxIps: 20,
      maxKeys: 20,
      unboundRule: words('noteRuleHtx'),
    },
  },
};
