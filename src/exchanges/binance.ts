import { pemPrivateKeyPattern } from '../core/credential-format';
import type { ExchangeDefinition } from './types';

// Binance. "API Key" and "Secret Key", both 64 letters and digits (documented). With a
// self-generated RSA or Ed25519 key pair, Binance issues the API key and the secret the user
// keeps is the PEM private key (PKCS#8, optionally encrypted, or PKCS#1 for RSA).
// Inferred: the API page path; the bare binance.com host.
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
};
