import type { ExchangeDefinition } from './types';

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
const OPTIONAL = String.raw`(?:\s*[(（](?:optional)[)）])?\s*\*?`;
const words = (source: string) => new RegExp(`^(?:${source})${OPTIONAL}$`, 'i');

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
      apiKey: words(String.raw`key|api\s*key`),
      secret: words(String.raw`secret|api\s*secret|secret\s*key`),
      passphrase: words(String.raw`(?:api\s*)?passphrase`),
      keyLabel: words(String.raw`api\s*name|name|remarks?`),
      ipWhitelist: words(String.raw`ip\s*restrictions?|ip\s*whitelist|ip\s*address(?:es)?`),
      permissions: [
        { flag: 'read', label: words(String.raw`general`) },
        { flag: 'trade', label: words(String.raw`(?:spot|margin|futures)(?:\s*trading)?|trade`) },
        // KuCoin's older "Transfer" permission moved funds in and out, withdrawals included.
        { flag: 'withdraw', label: words(String.raw`withdrawals?|withdraw|transfer`) },
        { flag: 'transfer', label: words(String.raw`flex\s*transfers?|inner\s*transfers?|internal\s*transfers?`) },
      ],
      ipUnrestricted: words(String.raw`no|none|unrestricted|not\s+restricted`),
      subAccount: words(String.raw`sub-?accounts?`),
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
