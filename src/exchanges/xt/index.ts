import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const LOCALE = '(?:[a-z]{2}(?:[-_][a-z]{2,4})?\\/)?';

/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = [
  'www.xt.com/en/accounts/api/index.html',
  'www.xt.com/zh-CN/accounts/api/index.html',
  'www.xt.com/en/accounts/sub-account/api/index.html',
  'www.xt.com/zh-CN/accounts/sub-account/api/index.html',
];

export const xt: ExchangeDefinition<'xt'> = {
  id: 'xt',
  name: 'XT',
  hosts: ['www.xt.com', 'xt.com'],
  brand: { tokens: ['xtcom', 'xt.com'], fuzzy: false },
  platformNames: ['xt', 'xt.com', 'xt.com futures'],
  apiPageUrl: 'https://www.xt.com/en/accounts/api',
  credentials: {
    apiKeyLabel: 'Public Key',
    secretLabel: 'Private Key',
    passphrase: false,
    apiKeyPatterns: [UUID],
    secretPatterns: [/^[0-9a-f]{40}$/i],
    apiKeyHint: words('credHintUuid'),
    secretHint: words('credHintHex40'),
  },
  page: {
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    apiPages: [
      new RegExp(`^\\/${LOCALE}accounts\\/api(?:\\/|$)`, 'i'),
      new RegExp(`^\\/${LOCALE}accounts\\/sub-?accounts?\\/api(?:\\/|$)`, 'i'),
    ],
    vocabulary: {
      apiKey: ['public key', 'api key', 'access key', 'app key', 'appkey', '公钥', 'api 公钥', '用户公钥', '访问密钥'],
      secret: ['private key', 'secret key', 'secretkey', 'secret', '私钥', 'api 私钥', '密钥'],
      passphrase: null,
      keyLabel: ['alias name', 'alias', 'remarks', 'remark', 'notes', 'api name', '备注名', '备注', '别名', '名称'],
      ipWhitelist: ['whitelist ip', 'ip whitelist', 'white list ip', 'bind ip', 'binding ip', 'ip address', 'ip白名单', '白名单 ip', '绑定 ip', '绑定ip地址'],
      permissions: [
        { flag: 'withdraw', words: ['withdraw', 'withdrawal', '提现', '提币'] },
        { flag: 'transfer', words: ['transfer', '划转'] },
        { flag: 'futures', words: ['futures', 'contract', 'futures trading', '合约', '合约交易'] },
        { flag: 'trade', words: ['trade', 'trading', 'spot trade', 'spot trading', '交易', '现货交易'] },
        { flag: 'read', words: ['query', 'read', 'read-only', '查询', '只读', '读取'] },
      ],
      ipUnrestricted: ['unbound', 'not bound', 'unrestricted', 'none', '未绑定', '无限制', '无'],
      subAccount: ['sub-account', 'sub account', 'sub-account name', '子账户', '子账户名称', '子账号'],
    },
    limits: {
      maxIps: null,
      maxKeys: 10,
      unboundRule: null,
    },
  },
};
