import { pemPrivateKeyPattern } from '../core/credential-format';
import type { ExchangeDefinition } from './types';

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
const OPTIONAL = String.raw`(?:\s*[(（](?:optional|recommended)[)）])?\s*\*?`;
const words = (source: string) => new RegExp(`^(?:${source})${OPTIONAL}$`, 'i');

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
    signals: ['API Management', 'API Keys', 'Create API', 'Create API Key', 'API Key Management'],
    // /en/my/settings/api-management, /zh-CN/…, /en-IN/…; sub-accounts: /en/my/sub-account/api-management.
    apiPages: [
      /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?my\/settings\/api-management(?:[/?#]|$)/i,
      /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?my\/sub-account\/api-management(?:[/?#]|$)/i,
    ],
    vocabulary: {
      apiKey: words(String.raw`api\s*key`),
      secret: words(String.raw`secret\s*key`),
      passphrase: null,
      keyLabel: words(String.raw`label\s+api\s+key\s+to\s+proceed|api\s*key\s*label|label`),
      ipWhitelist: words(
        String.raw`ip\s+access\s+restrictions?|restrict\s+access\s+to\s+trusted\s+ips\s+only|trusted\s+ips?|ip\s+whitelist|ip\s+address(?:es)?`,
      ),
      permissions: [
        { flag: 'read', label: words(String.raw`enable\s+reading`) },
        { flag: 'trade', label: words(String.raw`enable\s+spot\s*(?:&|and)\s*margin\s+trading`) },
        // Borrowing and repaying on margin, and moving funds between the user's own spot and
        // margin wallets: a trading permission, not a transfer out of the account.
        { flag: 'trade', label: words(String.raw`enable\s+margin(?:\s+loan,?\s+repay\s*(?:&|and)\s*transfer)?`) },
        { flag: 'trade', label: words(String.raw`enable\s+futures`) },
        { flag: 'trade', label: words(String.raw`enable\s+(?:european\s+|vanilla\s+)?options`) },
        { flag: 'trade', label: words(String.raw`enable\s+portfolio\s+margin\s+trading`) },
        { flag: 'withdraw', label: words(String.raw`enable\s+withdrawals?`) },
        { flag: 'transfer', label: words(String.raw`permits\s+universal\s+transfer|enable\s+internal\s+transfer`) },
      ],
      ipUnrestricted: words(String.raw`unrestricted(?:\s*\(less\s+secure\))?`),
      subAccount: words(String.raw`sub-?accounts?|sub-?account\s+email`),
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
