import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.mexc.com/user/openapi/index.html'];

export const mexc: ExchangeDefinition<'mexc'> = {
  id: 'mexc',
  name: 'MEXC',
  hosts: ['www.mexc.com', 'mexc.com'],
  platformNames: ['mexc', 'mexc global', 'mexc spot', 'mexc futures'],
  apiPageUrl: 'https://www.mexc.com/user/openapi',
  credentials: {
    apiKeyLabel: 'Access Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^mx0[A-Za-z0-9]{10,40}$/],
    secretPatterns: [/^[0-9a-f]{32}$/i],
    apiKeyHint: words('credHintMexcKey'),
    secretHint: words('credHintHex32'),
  },
  page: {
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // /user/openapi, with an optional locale segment (/en-GB/, /zh-CN/).
    apiPages: [/^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?user\/openapi(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['access key', 'api key', '访问密钥'],
      secret: ['secret key', 'api secret', '密钥', '私钥'],
      passphrase: null,
      keyLabel: ['notes', 'note', 'remarks', 'api key name', '备注'],
      ipWhitelist: ['link ip address', 'linked ip address', 'bind ip address', 'ip whitelist', 'ip address', '绑定 ip 地址', 'ip 地址'],
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
      maxIps: 10,
      maxKeys: 30,
      unboundRule: words('noteRuleMexc'),
    },
  },
};
