import type { ExchangeDefinition } from './types';

// MEXC. Documented: keys look like `mx0aBYs33eIilxBWC5`; secrets are 32 hex characters.
// Inferred: the key length range after "mx0" (10 to 40), the labels "Access Key" / "Secret Key",
// the API page path and the bare mexc.com host.
export const mexc: ExchangeDefinition = {
  id: 'mexc',
  name: 'MEXC',
  hosts: ['www.mexc.com', 'mexc.com'],
  apiPageUrl: 'https://www.mexc.com/user/openapi',
  credentials: {
    apiKeyLabel: 'Access Key',
    secretLabel: 'Secret Key',
    passphrase: false,
    apiKeyPatterns: [/^mx0[A-Za-z0-9]{10,40}$/],
    secretPatterns: [/^[0-9a-f]{32}$/i],
    apiKeyHint: '"mx0" followed by letters and digits, like mx0aBYs33eIilxBWC5',
    secretHint: '32 hexadecimal characters (0-9, a-f)',
  },
};
