import type { ExchangeDefinition } from '../types';

// MEXC. Documented: keys look like `mx0aBYs33eIilxBWC5`; secrets are 32 hex characters.
// Inferred: the key length range after "mx0" (10 to 40), the labels "Access Key" / "Secret Key",
// the API page path and the bare mexc.com host.
//
// The API page: "Notes", permission rows Account / Trade / Transfer / Withdraw whose options map
// to SPOT_ACCOUNT_READ/WRITE, SPOT_DEAL_READ/WRITE, SPOT_TRANSFER_READ/WRITE and withdraw (the
// documented permission names), and "Link IP Address (Optional)". Documented: keys without a
// linked IP expire after 90 days; 30 keys per account; up to 10 IPs per the FAQ, 20 per the API.
// Inferred: the option wording ("View", "Modify", "Trade", "Transfer"), the key cards naming
// them "Account (View)", "Trade (Trade)"…, the optional locale prefix, and that account write
// ("Modify") is neither trade nor a fund movement.
export const mexc: ExchangeDefinition = {
  id: 'mexc',
  name: 'MEXC',
  hosts: ['www.mexc.com', 'mexc.com'],
  apiPageUrl: 'https://www.mexc.com/user/openapi',
  credentials: {
    apiKeyLabel: 'Access Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^mx0[A-Za-z0-9]{10,40}$/],
    secretPatterns: [/^[0-9a-f]{32}$/i],
    apiKeyHint: '"mx0" followed by letters and digits, like mx0aBYs33eIilxBWC5',
    secretHint: '32 hexadecimal characters (0-9, a-f)',
  },
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // /user/openapi, with an optional locale segment (/en-GB/, /zh-CN/).
    apiPages: [/^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?user\/openapi(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['access key', 'api key', '访问密钥'],
      secret: ['secret key', 'api secret', '密钥', '私钥'],
      passphrase: null,
      keyLabel: ['notes', 'note', 'remarks', 'api key name', '备注'],
      ipWhitelist: ['link ip address', 'linked ip address', 'bind ip address', 'ip whitelist', 'ip address', '绑定 ip 地址', 'ip 地址'],
      // Read words first: a row title ("Trade", "Transfer") names the row, and "Trade (View)" is a
      // view right, not trading. Documented: SPOT_ACCOUNT_READ/WRITE, SPOT_DEAL_READ/WRITE, withdraw.
      permissions: [
        { flag: 'read', words: ['view', 'spot account read', 'spot deal read', 'spot transfer read', '查看'] },
        { flag: 'withdraw', words: ['withdraw', 'withdrawal', 'spot withdraw write', '提现', '提币'] },
        { flag: 'transfer', words: ['transfer', 'spot transfer write', '划转'] },
        { flag: 'futures', words: ['futures', 'futures (trade)', 'contract', '合约'] },
        { flag: 'trade', words: ['trade', 'spot deal write', '交易', '现货交易'] },
        { flag: 'other', words: ['modify', 'spot account write'] },
      ],
      ipUnrestricted: ['not linked', 'unlinked', 'none', 'unrestricted', '未绑定'],
      // Sub-account keys are created on the sub-account pages, not on this one; and the user
      // center's side menu has a "Sub-Account" entry that must not be read as a selector.
      subAccount: null,
    },
    limits: {
      // The FAQ's 10, which is what the web form enforces; the API accepts 20.
      maxIps: 10,
      maxKeys: 30,
      unboundRule: 'MEXC keys without a linked IP address expire after 90 days.',
    },
    fixtures: ['www.mexc.com/user/openapi/index.html'],
  },
};
