import type { ExchangeDefinition } from '../types';
import { words } from '../../i18n/keys';

// Where each fact here comes from (documentation, seeds, third parties, inference): NOTES.md.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fixture pages (in fixtures/, by host and path) modelled on this exchange's site: its test URLs.
 * Beside the definition rather than in it, so no content script carries test data.
 */
export const FIXTURES: readonly string[] = ['www.okx.com/account/my-api/index.html'];

export const okx: ExchangeDefinition<'okx'> = {
  id: 'okx',
  name: 'OKX',
  // my.okx.com serves the EEA, app.okx.com the US.
  hosts: ['www.okx.com', 'okx.com', 'my.okx.com', 'app.okx.com'],
  platformNames: ['okx', 'okex', 'okx spot', 'okx futures', '欧易', '欧易 okx'],
  apiPageUrl: 'https://www.okx.com/account/my-api',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: true,
    apiKeyPatterns: [UUID],
    secretPatterns: [/^[0-9a-f]{32}$/i],
    apiKeyHint: words('credHintUuid'),
    secretHint: words('credHintHex32Upper'),
  },
  page: {
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // /account/my-api, /fr/account/my-api, /zh-hans/account/my-api, on every OKX host.
    apiPages: [/^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?account\/my-api(?:[/?#]|$)/i],
    vocabulary: {
      apiKey: ['api key', 'apikey'],
      secret: ['secret key', 'secretkey'],
      passphrase: ['passphrase', 'api passphrase', '密码短语', 'api 密码'],
      keyLabel: ['api key name', 'name', 'remarks', '备注名', 'api 名称', '名称'],
      ipWhitelist: ['link ip address', 'linked ip address', 'ip address', 'ip whitelist', 'bound ips', '绑定 ip 地址', 'ip 地址'],
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
      unboundRule: words('noteRuleOkx'),
    },
  },
};
