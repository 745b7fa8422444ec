import type { ExchangeDefinition } from './types';

// HTX (formerly Huobi). The documented access-key shape is `e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx`:
// four dash-separated groups of lowercase letters and digits (8-8-8-5 in the docs). The secret
// shown next to it has the same shape.
// Inferred: group lengths vary between keys (keys with a 10-character second group are seen in
// the wild), so each group accepts 4 to 12 characters; that the secret shares the key's shape.
const HTX_KEY = /^[a-z0-9]{4,12}(?:-[a-z0-9]{4,12}){3}$/;

export const htx: ExchangeDefinition = {
  id: 'htx',
  name: 'HTX',
  // huobi.com and hbg.com are the older hosts; their www. forms are inferred.
  hosts: ['www.htx.com', 'htx.com', 'www.huobi.com', 'huobi.com', 'www.hbg.com', 'hbg.com'],
  apiPageUrl: 'https://www.htx.com/en-us/apikey',
  credentials: {
    apiKeyLabel: 'Access Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [HTX_KEY],
    secretPatterns: [HTX_KEY],
    apiKeyHint: '4 groups of lowercase letters and digits joined by dashes, like e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx',
    secretHint: '4 groups of lowercase letters and digits joined by dashes, like e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx',
  },
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', 'API 管理', '创建API', '创建 API', 'API密钥'],
    // /en-us/apikey/, /zh-cn/apikey/, and the sub-account API pages under /sub-account/.
    apiPages: [/^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:apikey|api-management)\b/i, /\/sub-?account\/.*api/i],
    vocabulary: {
      apiKey: /^(?:access\s*key|api\s*key|访问密钥|access\s*key\s*id)$/i,
      secret: /^(?:secret\s*key|密钥|私钥|secret)$/i,
      passphrase: null,
      keyLabel: /^(?:notes?|remarks?|api\s*name|备注|名称)(?:\s*[(（](?:optional|选填)[)）])?$/i,
      ipWhitelist: /^(?:bind\s*ip\s*address(?:es)?|ip\s*address(?:es)?|bound\s*ip|ip\s*whitelist|绑定\s*ip\s*地址|绑定ip|ip地址)(?:\s*[(（](?:optional|选填)[)）])?$/i,
      permissions: [
        { flag: 'read', label: /^(?:read(?:-only)?|读取|只读)$/i },
        { flag: 'trade', label: /^(?:trade|trading|交易)$/i },
        { flag: 'withdraw', label: /^(?:withdraw(?:al)?|提币|提现)$/i },
        { flag: 'transfer', label: /^(?:transfer|asset\s*transfer|划转)$/i },
      ],
      ipUnrestricted: /^(?:unrestricted|not\s*bound|none|未绑定|无限制)$/i,
      subAccount: /^(?:sub-?account|子账户|子账号)$/i,
    },
    limits: {
      maxIps: 20,
      maxKeys: 20,
      unboundRule: 'HTX deactivates a key with trade or withdraw permission and no IP address after 90 days unused.',
    },
    fixtures: ['www.htx.com/en-us/apikey/index.html', 'www.htx.com/zh-cn/apikey/index.html'],
  },
};
