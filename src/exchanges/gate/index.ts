import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';


// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.gate.io/myaccount/apikeys/index.html'];

export const gate: ExchangeDefinition<'gate'> = {
  id: 'gate',
  name: 'Gate',
  hosts: ['www.gate.io', 'gate.io', 'www.gate.com', 'gate.com'],
  brand: { tokens: ['gateio', 'gate.io', 'gate.com'], fuzzy: false },
  relatedDomains: ['gateio.ws'],
  platformNames: ['gate', 'gate.io', 'gate.io futures', 'gate futures'],
  apiPageUrl: 'https://www.gate.io/myaccount/apikeys',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^[0-9a-f]{32}$/i],
    secretPatterns: [/^[0-9a-f]{64}$/i],
    apiKeyHint: words('credHintHex32'),
    secretHint: words('credHintHex64'),
  },
  page: {
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
      unboundRule: words('noteRuleGate'),
    },
  },
};
