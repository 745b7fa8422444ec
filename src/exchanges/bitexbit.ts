import type { ExchangeDefinition } from './types';

// bitexbit. Labels "Access Key" and "Private Key" (seed 001); the API page is
// bitexbit.com/profile/api.
// Inferred: the credential shapes are not documented, so both fields accept any 16 to 128
// letters, digits, dashes or underscores: enough to catch stray text, a label or a URL pasted
// by mistake, never a real key. Tighten once real keys have been seen. The www. host is inferred.
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const HINT = '16 to 128 letters, digits, dashes or underscores';

export const bitexbit: ExchangeDefinition = {
  id: 'bitexbit',
  name: 'bitexbit',
  hosts: ['bitexbit.com', 'www.bitexbit.com'],
  apiPageUrl: 'https://bitexbit.com/profile/api',
  credentials: {
    apiKeyLabel: 'Access Key',
    secretLabel: 'Private Key',
    passphrase: false,
    apiKeyPatterns: [TOKEN],
    secretPatterns: [TOKEN],
    apiKeyHint: HINT,
    secretHint: HINT,
  },
};
