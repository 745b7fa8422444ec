import type { ExchangeDefinition } from '../types';

// OKX. "API Key" (a UUID), "Secret Key" (32 hex characters, shown in upper case) and a
// passphrase the user chose at creation, which cannot be recovered.
// Inferred: the API page path; hex of either case is accepted; the bare okx.com host.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The API page: "Create API key" opens a dialog with the key's name, the passphrase (read from
// the form: it is never shown again), Read/Trade/Withdraw and an optional IP field; after the
// verification a second dialog shows "API key" and "Secret key". Documented: Read, Trade,
// Withdraw; up to 20 IPs, comma or space separated; 50 keys. Inferred: the page's English
// labels ("API key name", "IP address (optional)", "Not linked"), the locale prefixes, and the
// 14-day rule for keys without an IP (third-party source).

export const okx: ExchangeDefinition = {
  id: 'okx',
  name: 'OKX',
  // my.okx.com serves the EEA, app.okx.com the US.
  hosts: ['www.okx.com', 'okx.com', 'my.okx.com', 'app.okx.com'],
  apiPageUrl: 'https://www.okx.com/account/my-api',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: true,
    apiKeyPatterns: [UUID],
    secretPatterns: [/^[0-9a-f]{32}$/i],
    apiKeyHint: 'a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)',
    secretHint: '32 hexadecimal characters (0-9, A-F)',
  },
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // /account/my-api, /fr/account/my-api, /zh-hans/account/my-api, on every OKX host.
    apiPages: [/^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?account\/my-api(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['api key', 'apikey'],
      secret: ['secret key', 'secretkey'],
      passphrase: ['passphrase', 'api passphrase', '密码短语', 'api 密码'],
      keyLabel: ['api key name', 'name', 'remarks', '备注名', 'api 名称', '名称'],
      ipWhitelist: ['link ip address', 'linked ip address', 'ip address', 'ip whitelist', 'bound ips', '绑定 ip 地址', 'ip 地址'],
      // Documented: Read, Trade, Withdraw (trade covers every product, futures included).
      permissions: [
        { flag: 'withdraw', words: ['withdraw', 'withdrawal', '提币', '提现'] },
        { flag: 'trade', words: ['trade', 'trading', '交易'] },
        { flag: 'read', words: ['read', 'read-only', '读取', '只读'] },
      ],
      ipUnrestricted: ['not linked', 'not bound', 'unlinked', 'none', 'unrestricted', '未绑定'],
      subAccount: ['sub-account', 'sub-accounts', '子账户'],
    },
    limits: {
      maxIps: 20,
      maxKeys: 50,
      unboundRule: 'OKX deletes a key with trade or withdraw permission and no linked IP address after 14 days of inactivity.',
    },
    fixtures: ['www.okx.com/account/my-api/index.html'],
  },
};
