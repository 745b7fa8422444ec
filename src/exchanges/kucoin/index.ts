import type { ExchangeDefinition } from '../types';

// KuCoin. "Key" (24 hex characters, documented), "Secret" and a user-chosen "Passphrase", none of
// them recoverable.
// Inferred: the secret is a UUID (as observed in client libraries, not documented); the API page
// path (from third-party guides); the bare kucoin.com host.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The API page: "Create API" opens a modal with "API Name", "API Passphrase" (read from the
// form: it is never shown again), the permissions and "IP Restriction" (Yes/No, with an IP
// field under Yes); after the security verification a modal shows "Key" and "Secret".
// Documented: General, Spot, Margin, Futures, Withdrawal; keys with trade permissions and no IP
// are deleted or lose trading after 30 days inactive; the older "Transfer" permission covered
// deposits and withdrawals. Inferred: the page's labels ("Spot Trading"…, "IP Restriction",
// "No" in the list), "Flex Transfers" / "Inner Transfer" as the internal-transfer permission,
// the locale prefix. Unknown: the IP and key limits.

export const kucoin: ExchangeDefinition = {
  id: 'kucoin',
  name: 'KuCoin',
  hosts: ['www.kucoin.com', 'kucoin.com'],
  apiPageUrl: 'https://www.kucoin.com/account/api',
  credentials: {
    apiKeyLabel: 'Key',
    secretLabel: 'Secret',
    passphrase: true,
    apiKeyPatterns: [/^[0-9a-f]{24}$/i],
    secretPatterns: [UUID],
    apiKeyHint: '24 hexadecimal characters (0-9, a-f)',
    secretHint: 'a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)',
  },
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
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
      unboundRule:
        'KuCoin deletes a key with spot, margin or futures trading and no IP address, or disables its trading, after 30 days of inactivity; General-only keys do not expire.',
    },
    fixtures: ['www.kucoin.com/account/api/index.html'],
  },
};
