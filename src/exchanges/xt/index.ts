import type { ExchangeDefinition } from '../types';

// XT.COM. The API docs call the pair appKey/secretKey: key a UUID, secret 40 hex characters.
// The web page labels them "Public Key" and "Private Key" (seed 000).
// Inferred: hex of either case is accepted; the bare xt.com host.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A locale segment as XT writes it: /en/, /zh-CN/, /ja/, /zh-Hans/ (inferred beyond /en/).
const LOCALE = '(?:[a-z]{2}(?:[-_][a-z]{2,4})?\\/)?';

export const xt: ExchangeDefinition = {
  id: 'xt',
  name: 'XT',
  hosts: ['www.xt.com', 'xt.com'],
  // Inferred from third-party setup guides ("Account Center > API Management").
  apiPageUrl: 'https://www.xt.com/en/accounts/api',
  credentials: {
    apiKeyLabel: 'Public Key',
    secretLabel: 'Private Key',
    passphrase: false,
    apiKeyPatterns: [UUID],
    secretPatterns: [/^[0-9a-f]{40}$/i],
    apiKeyHint: 'a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)',
    secretHint: '40 hexadecimal characters (0-9, a-f)',
  },
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // Seed 000: "User Center > API Management", and for sub-accounts "User Center > Sub-account >
    // API Management", where the user picks the sub-account and the list shows every
    // sub-account's keys. Inferred: the paths. /en/accounts/api is the page third-party guides
    // link to; its create view (/en/accounts/api/create), the /zh-CN/ locale and the sub-account
    // page at /<locale>/accounts/sub-account/api are our best guess (subAccount/subaccount spellings
    // accepted too). The sub-account list itself (/<locale>/accounts/sub-account) is not an API page.
    apiPages: [
      new RegExp(`^\\/${LOCALE}accounts\\/api(?:\\/|$)`, 'i'),
      new RegExp(`^\\/${LOCALE}accounts\\/sub-?accounts?\\/api(?:\\/|$)`, 'i'),
    ],
    vocabulary: {
      // Seed 000 names "Public Key"/"Private Key" and, in the same article, "Secret Key"; the API
      // docs say appKey/secretKey and, in Chinese, 用户公钥. Inferred: the Chinese page's 公钥/私钥.
      apiKey: ['public key', 'api key', 'access key', 'app key', 'appkey', '公钥', 'api 公钥', '用户公钥', '访问密钥'],
      secret: ['private key', 'secret key', 'secretkey', 'secret', '私钥', 'api 私钥', '密钥'],
      passphrase: null,
      // "Alias Name" (required, seed 000); the sub-account article says "remarks". Inferred:
      // 备注名/别名 in Chinese.
      keyLabel: ['alias name', 'alias', 'remarks', 'remark', 'notes', 'api name', '备注名', '备注', '别名', '名称'],
      // "Whitelist IP" (optional, seed 000). Inferred: IP白名单/白名单IP/绑定IP in Chinese.
      ipWhitelist: ['whitelist ip', 'ip whitelist', 'white list ip', 'bind ip', 'binding ip', 'ip address', 'ip白名单', '白名单 ip', '绑定 ip', '绑定ip地址'],
      // Seed 000: query by default; trading and withdrawal must be authorised. Transfer and
      // futures are not documented for XT keys; the words are accepted in case the page shows them.
      permissions: [
        { flag: 'withdraw', words: ['withdraw', 'withdrawal', '提现', '提币'] },
        { flag: 'transfer', words: ['transfer', '划转'] },
        { flag: 'futures', words: ['futures', 'contract', 'futures trading', '合约', '合约交易'] },
        { flag: 'trade', words: ['trade', 'trading', 'spot trade', 'spot trading', '交易', '现货交易'] },
        { flag: 'read', words: ['query', 'read', 'read-only', '查询', '只读', '读取'] },
      ],
      // Inferred: how the list says a key has no IP whitelist.
      ipUnrestricted: ['unbound', 'not bound', 'unrestricted', 'none', '未绑定', '无限制', '无'],
      subAccount: ['sub-account', 'sub account', 'sub-account name', '子账户', '子账户名称', '子账号'],
    },
    limits: {
      // Seed 000: separate IPs with commas; no maximum count is documented.
      maxIps: null,
      maxKeys: 10,
      unboundRule: null,
    },
    fixtures: [
      'www.xt.com/en/accounts/api/index.html',
      'www.xt.com/zh-CN/accounts/api/index.html',
      'www.xt.com/en/accounts/sub-account/api/index.html',
      'www.xt.com/zh-CN/accounts/sub-account/api/index.html',
    ],
  },
};
