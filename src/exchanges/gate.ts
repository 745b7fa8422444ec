import type { ExchangeDefinition } from './types';

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
const MODE = String.raw`(?:\s*[(（:：]\s*(?:read[\s-]*only|read[\s-]*write|read\s+and\s+write)\s*[)）]?)?`;
const OPTIONAL = String.raw`(?:\s*[(（](?:optional)[)）])?\s*\*?`;
const words = (source: string) => new RegExp(`^(?:${source})${OPTIONAL}$`, 'i');
/** An area as the form names it, or as the key list does, "Wallet (Read-write)". */
const area = (source: string) => new RegExp(`^(?:${source})${MODE}$`, 'i');

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
      apiKey: words(String.raw`api\s*(?:v4\s*)?key|apiv4\s*key|key`),
      secret: words(String.raw`secret\s*key|api\s*secret|secret`),
      passphrase: null,
      keyLabel: words(String.raw`api\s*key\s*remarks?|remarks?|notes?|name`),
      // Only the words on the field itself: with "Later" chosen there is no IP field, and the
      // group's "IP Permissions" would lead the reader to the nearest text field, the remarks.
      ipWhitelist: words(String.raw`ip\s*address(?:es)?|ip\s*whitelist`),
      permissions: [
        // In the key list "Spot/Margin Trade (Read-write)" is split at the slash.
        { flag: 'trade', label: area(String.raw`spot(?:\s*\/\s*margin)?(?:\s+trad(?:e|ing))?|margin(?:\s+trad(?:e|ing))?`) },
        { flag: 'trade', label: area(String.raw`(?:perpetual\s+)?futures|delivery(?:\s+futures)?|options`) },
        // The key list writes the mode beside the area: a read-only wallet cannot withdraw.
        { flag: 'read', label: /^wallet\s*[(（:：]\s*read[\s-]*only\s*[)）]?$/i },
        { flag: 'withdraw', label: area(String.raw`wallet|withdraw(?:al)?s?`) },
        { flag: 'transfer', label: area(String.raw`transfers?|sub-?account\s+transfers?`) },
        { flag: 'other', label: area(String.raw`earn|account|unified(?:\s+account)?|loan|rebate`) },
      ],
      ipUnrestricted: words(String.raw`not\s+bound|unbound|unrestricted|none`),
      subAccount: words(String.raw`sub-?accounts?`),
    },
    limits: {
      maxIps: null,
      maxKeys: null,
      unboundRule: 'Gate keeps a key without a bound IP address valid for 90 days.',
    },
    fixtures: ['www.gate.io/myaccount/apikeys/index.html'],
  },
};
