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
};
