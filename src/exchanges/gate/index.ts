import type { ExchangeDefinition } from '../types';

// Gate (gate.io, rebranding to gate.com).
// Inferred: the shapes (key 32 hex, secret 64 hex), the labels "API Key" / "Secret Key", the API
// page path and the bare hosts.
//
// The API page: "Create API Key" opens a drawer with "API Key Remarks", "IP Permissions" (Bind IP
// / Later, with an IP field), and one row per permission area, each switched on and then set to
// "Read only" or "Read-write"; after a risk reminder and the verification a dialog shows the key
// and secret. Documented: the areas (wallet, spot, futures, delivery, earn, options, account,
// unified, loan), each read-only or read-write, and the IP whitelist. Inferred: the page's
// English labels, that the Wallet area carries withdrawals and transfers, the 90-day life of a
// key without a bound IP (Gate's help centre, read on a mirror), the locale prefix. Unknown:
// the IP and key limits.
//
// A flag is per area; the mode counts only where it is written beside the area, as in the key
// list's "Wallet (Read only)". On the create form the "Wallet" switch maps to 'withdraw' whatever
// its mode radio says, which overstates a read-only key rather than hide a withdrawal right.

export const gate: ExchangeDefinition = {
  id: 'gate',
  name: 'Gate',
  hosts: ['www.gate.io', 'gate.io', 'www.gate.com', 'gate.com'],
  apiPageUrl: 'https://www.gate.io/myaccount/apikeys',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^[0-9a-f]{32}$/i],
    secretPatterns: [/^[0-9a-f]{64}$/i],
    apiKeyHint: '32 hexadecimal characters (0-9, a-f)',
    secretHint: '64 hexadecimal characters (0-9, a-f)',
  },
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // /myaccount/apikeys on gate.io and gate.com, with or without a locale prefix (/zh/, /zh-tw/).
    apiPages: [/^\/(?:[a-z]{2}(?:[-_][a-z]{2,4})?\/)?myaccount\/api[-_]?keys(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['api key', 'api v4 key', 'apiv4 key', 'key', 'api 密钥'],
      secret: ['secret key', 'api secret', 'secret', '私钥', '密钥 secret'],
      passphrase: null,
      keyLabel: ['api key remarks', 'remarks', 'remark', 'notes', 'name', '备注', 'api 备注'],
      // Only the words on the field itself: with "Later" chosen there is no IP field, and the
      // group's "IP Permissions" would lead the reader to the nearest text field, the remarks.
      ipWhitelist: ['ip address', 'ip whitelist', 'ip 地址', 'ip 白名单'],
      // Areas, each read-only or read-write; the key list writes the mode beside the area
      // ("Wallet (Read only)"): a read-only mode grants reading only, so it wins a tie.
      permissions: [
        { flag: 'read', words: ['read only', 'read-only', '只读'] },
        { flag: 'withdraw', words: ['wallet', 'withdraw', 'withdrawal', 'withdrawals', '钱包', '提现'] },
        { flag: 'transfer', words: ['transfer', 'transfers', 'sub-account transfer', '划转'] },
        { flag: 'futures', words: ['perpetual futures', 'futures', 'delivery', 'delivery futures', 'options', '合约', '永续合约', '交割合约', '期权'] },
        { flag: 'trade', words: ['spot', 'spot/margin trade', 'spot trade', 'margin', 'margin trade', 'spot trading', '现货', '现货交易', '杠杆'] },
        { flag: 'other', words: ['earn', 'account', 'unified account', 'loan', 'rebate', '理财', '账户'] },
      ],
      ipUnrestricted: ['not bound', 'unbound', 'unrestricted', 'none', '未绑定'],
      subAccount: ['sub-account', 'sub-accounts', '子账户'],
    },
    limits: {
      maxIps: null,
      maxKeys: null,
      unboundRule: 'Gate keeps a key without a bound IP address valid for 90 days.',
    },
    fixtures: ['www.gate.io/myaccount/apikeys/index.html'],
  },
};
