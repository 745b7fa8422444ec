import { pemPrivateKeyPattern } from '../../core/credential-format';
import type { ExchangeDefinition } from '../types';

// Binance. "API Key" and "Secret Key", both 64 letters and digits (documented). With a
// self-generated RSA or Ed25519 key pair, Binance issues the API key and the secret the user
// keeps is the PEM private key (PKCS#8, optionally encrypted, or PKCS#1 for RSA).
// Inferred: the API page path; the bare binance.com host.
//
// The API page has no separate permission form: "Create API" asks for a key type and a label,
// the new key appears at the top of the list as a card showing its Secret Key once, and each
// card's "Edit restrictions" turns its checkboxes and IP radios into the form. Documented: the
// permission names (enableReading, enableSpotAndMarginTrading, enableMargin, enableFutures,
// enableWithdrawals, permitsUniversalTransfer, enableInternalTransfer, enableVanillaOptions),
// withdrawals need an IP restriction, up to 30 IPs, spot trading removed after 30 days without
// an IP restriction. Inferred: the English labels on the page (from guides and screenshots),
// that margin loan/repay maps to 'trade', the sub-account API page path, the 30-key limit
// (third-party).

export const binance: ExchangeDefinition = {
  id: 'binance',
  name: 'Binance',
  hosts: ['www.binance.com', 'binance.com'],
  apiPageUrl: 'https://www.binance.com/en/my/settings/api-management',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^[A-Za-z0-9]{64}$/],
    secretPatterns: [/^[A-Za-z0-9]{64}$/, pemPrivateKeyPattern(['PKCS8', 'ENCRYPTED', 'RSA'])],
    apiKeyHint: '64 letters and digits',
    secretHint: '64 letters and digits, or a PEM private key for RSA and Ed25519 keys',
  },
  page: {
    // What only an API-management page shows (title, heading, tab, button), in the site's languages:
    // how Keyward recognises the page on a route it does not know.
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management', 'API管理', '创建API', 'API密钥'],
    // /en/my/settings/api-management, /zh-CN/…, /en-IN/…; sub-accounts: /en/my/sub-account/api-management.
    apiPages: [
      /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?my\/settings\/api-management(?:[/?#]|$)/i,
      /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?my\/sub-account\/api-management(?:[/?#]|$)/i,
    ],
    vocabulary: {
      apiKey: ['api key'],
      secret: ['secret key', 'private key'],
      passphrase: null,
      keyLabel: ['label api key to proceed', 'api key label', 'label'],
      ipWhitelist: ['ip access restrictions', 'restrict access to trusted ips only', 'trusted ips', 'ip whitelist', 'ip address'],
      permissions: [
        { flag: 'withdraw', words: ['withdrawals', 'withdraw'] },
        { flag: 'transfer', words: ['universal transfer', 'internal transfer', 'permits universal transfer'] },
        { flag: 'futures', words: ['futures', 'options', 'european options', 'vanilla options', 'portfolio margin trading'] },
        // Borrowing and repaying on margin moves no funds out and places no order.
        { flag: 'other', words: ['margin loan', 'margin loan, repay & transfer', 'repay'] },
        { flag: 'trade', words: ['spot & margin trading', 'spot and margin trading', 'margin', 'margin loan, repay & transfer', 'trading'] },
        { flag: 'read', words: ['reading'] },
      ],
      ipUnrestricted: ['unrestricted', 'unrestricted (less secure)'],
      subAccount: ['sub-account', 'sub-account email'],
    },
    limits: {
      maxIps: 30,
      maxKeys: 30,
      unboundRule:
        'Binance removes the Spot & Margin Trading permission 30 days after it was enabled on a key without an IP restriction, and allows withdrawals only with an IP restriction.',
    },
    fixtures: ['www.binance.com/en/my/settings/api-management/index.html'],
  },
};
