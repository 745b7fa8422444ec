import { pemPrivateKeyPattern } from '../core/credential-format';
import type { ExchangeDefinition } from './types';

// Bybit. A system-generated key and secret (HMAC), or the user's own RSA key pair, in which case
// the secret the user keeps is the PEM private key.
// Inferred: the lengths (keys are usually 18 and secrets 36 letters and digits; the ranges leave
// room), the labels "API Key" / "Secret Key", the API page path, and the www. forms of the
// regional hosts.
export const bybit: ExchangeDefinition = {
  id: 'bybit',
  name: 'Bybit',
  hosts: [
    'www.bybit.com',
    'bybit.com',
    'www.bybit.eu',
    'bybit.eu',
    'www.bybit.nl',
    'bybit.nl',
    'www.bybit-tr.com',
    'bybit-tr.com',
    'www.bybit.kz',
    'bybit.kz',
    'www.bybit.ae',
    'bybit.ae',
    'www.bybit.id',
    'bybit.id',
  ],
  apiPageUrl: 'https://www.bybit.com/app/user/api-management',
  credentials: {
    apiKeyLabel: 'API Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^[A-Za-z0-9]{18,24}$/],
    secretPatterns: [/^[A-Za-z0-9]{36,48}$/, pemPrivateKeyPattern(['PKCS8', 'ENCRYPTED', 'RSA'])],
    apiKeyHint: '18 to 24 letters and digits',
    secretHint: '36 to 48 letters and digits, or a PEM private key for RSA keys',
  },
};
