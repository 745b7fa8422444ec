import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCredentialFormat } from '../core/credential-format';
import type { ExchangeId } from '../core/records';
import { EXCHANGES, EXCHANGE_IDS, exchangeById } from './registry';

interface Example {
  what: string;
  apiKey: string;
  secret: string;
  passphrase?: string;
}

const UUID_A = '5c2f1a7e-93b4-4d0a-8e6f-1b2c3d4e5f60';
const UUID_B = '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';

// Private keys are generated per run, so no key material sits in the repository.
const rsaPkcs8 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
});
const rsaPkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs1',
  format: 'pem',
});
const ed25519Pkcs8 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
const ed25519Encrypted = generateKeyPairSync('ed25519').privateKey.export({
  type: 'pkcs8',
  format: 'pem',
  cipher: 'aes-256-cbc',
  passphrase: 'test passphrase',
});
const ecSec1 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({
  type: 'sec1',
  format: 'pem',
});
const ed25519Base64 = randomBytes(64).toString('base64');

function pem(value: string | Buffer): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

/** Realistic credentials per exchange, built from the documented shapes. */
const VALID: Record<ExchangeId, Example[]> = {
  htx: [
    { what: 'documented 8-8-8-5 shape', apiKey: 'e2b4c6d8-99f1a3b5-84c7d9e1-7a2b4', secret: 'c1d3e5f7-0a2b4c6d-8e9f0a1b-2c3d4' },
    { what: 'a 10-character second group', apiKey: 'a1b2c3d4-bewr5drtmh-5e6f7a8b-9c0d1', secret: '9f8e7d6c-5b4a3f2e-1d0c9b8a-7f6e5' },
  ],
  xt: [{ what: 'UUID and 40 hex', apiKey: UUID_A, secret: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4' }],
  bitexbit: [{ what: 'token characters', apiKey: 'Zr7kP2mQ9xT4vB8nL3cH6wJ1', secret: 'q8W_s3-Fz1Lk9Pd2Xv7Hm4Tn6Rb0Yc5J' }],
  binance: [
    {
      what: "the docs' HMAC test key",
      apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
      secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
    },
    { what: 'RSA PKCS#8 PEM', apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: pem(rsaPkcs8) },
    { what: 'RSA PKCS#1 PEM', apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: pem(rsaPkcs1) },
    { what: 'Ed25519 PEM', apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: pem(ed25519Pkcs8) },
    {
      what: 'encrypted Ed25519 PEM',
      apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
      secret: pem(ed25519Encrypted),
    },
  ],
  okx: [
    { what: 'upper-case hex secret', apiKey: UUID_A, secret: '7C5B3E0F9A1D2B4C6E8F0A1B2C3D4E5F', passphrase: 'Correct-Horse-9' },
    { what: 'lower-case hex secret', apiKey: UUID_B, secret: '7c5b3e0f9a1d2b4c6e8f0a1b2c3d4e5f', passphrase: 'p4ss!word' },
  ],
  bybit: [
    { what: 'HMAC key (18 + 36)', apiKey: 'XqZ2rT8vLm4NpK6wJs', secret: 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5' },
    { what: 'RSA key', apiKey: 'Hk2Lm9Np4Qr7St1Uv3', secret: pem(rsaPkcs8) },
  ],
  kucoin: [{ what: '24 hex and UUID', apiKey: '5f3b8c2a9d4e1f6a7b8c9d0e', secret: UUID_B, passphrase: 'my kucoin pass' }],
  gate: [
    {
      what: '32 and 64 hex',
      apiKey: '3b5d7f9a1c3e5a7c9e1b3d5f7a9c1e3b',
      secret: '8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    },
  ],
  bitget: [
    {
      what: 'bg_ key',
      apiKey: 'bg_4c8e2a6f0b3d7a1e5c9f2b6d0a4e8c1f',
      secret: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
      passphrase: 'Bitget2024',
    },
  ],
  mexc: [{ what: "the docs' example key and test secret", apiKey: 'mx0aBYs33eIilxBWC5', secret: '45d0b3c26f2644f19bfb98b07741b2f5' }],
  coinbase: [
    { what: 'ECDSA key name and EC PEM', apiKey: `organizations/${UUID_A}/apiKeys/${UUID_B}`, secret: pem(ecSec1) },
    { what: 'Ed25519 key ID and base64 secret', apiKey: UUID_B, secret: ed25519Base64 },
  ],
  kraken: [
    {
      what: "the docs' private key",
      apiKey: 'Xk2Lp9vQ7/rT4mN8wB3cH6jF1zY5sD0gA+eR7uI9oP2lK4nM6bV8xC3q',
      secret: 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
    },
  ],
};

const EXPECTED_LABELS: Record<ExchangeId, [string, string, string, boolean]> = {
  htx: ['HTX', 'Access Key', 'Secret Key', false],
  xt: ['XT', 'Public Key', 'Private Key', false],
  bitexbit: ['bitexbit', 'Access Key', 'Private Key', false],
  binance: ['Binance', 'API Key', 'Secret Key', false],
  okx: ['OKX', 'API Key', 'Secret Key', true],
  bybit: ['Bybit', 'API Key', 'Secret Key', false],
  kucoin: ['KuCoin', 'Key', 'Secret', true],
  gate: ['Gate', 'API Key', 'Secret Key', false],
  bitget: ['Bitget', 'APIKey', 'SecretKey', true],
  mexc: ['MEXC', 'Access Key', 'Secret Key', false],
  coinbase: ['Coinbase', 'API key name', 'Private key', false],
  kraken: ['Kraken', 'API Key', 'Private Key', false],
};

function check(id: ExchangeId, example: Example) {
  const def = exchangeById(id);
  return checkCredentialFormat(
    def.credentials,
    { apiKey: example.apiKey, secret: example.secret, passphrase: example.passphrase ?? '' },
    def.name,
  );
}

describe('registry', () => {
  it('lists every exchange once: ids, names and hosts are not shared', () => {
    expect(new Set(EXCHANGE_IDS).size).toBe(EXCHANGES.length);
    expect(new Set(EXCHANGES.map((def) => def.name)).size).toBe(EXCHANGES.length);
    const hosts = EXCHANGES.flatMap((def) => def.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('looks each exchange up by its own id', () => {
    for (const id of EXCHANGE_IDS) {
      const def = exchangeById(id);
      expect(def.id).toBe(id);
      expect(EXCHANGES).toContain(def);
    }
  });

  it('throws for an id that is not an exchange', () => {
    expect(() => exchangeById('ftx' as string as ExchangeId)).toThrow(/Unknown exchange/);
    expect(() => exchangeById('constructor' as string as ExchangeId)).toThrow(/Unknown exchange/);
  });

  it('uses the names, labels and passphrase flags the exchanges use', () => {
    for (const def of EXCHANGES) {
      const [name, keyLabel, secretLabel, passphrase] = EXPECTED_LABELS[def.id];
      expect([def.name, def.credentials.apiKeyLabel, def.credentials.secretLabel, def.credentials.passphrase]).toEqual([
        name,
        keyLabel,
        secretLabel,
        passphrase,
      ]);
    }
  });

  it('declares bare lower-case hostnames, each owned by one exchange', () => {
    const owner = new Map<string, ExchangeId>();
    for (const def of EXCHANGES) {
      expect(def.hosts.length).toBeGreaterThan(0);
      for (const host of def.hosts) {
        expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(owner.get(host), `${host} listed twice`).toBeUndefined();
        owner.set(host, def.id);
      }
    }
    expect(owner.get('www.htx.com')).toBe('htx');
    expect(owner.get('huobi.com')).toBe('htx');
    expect(owner.get('hbg.com')).toBe('htx');
    expect(owner.get('my.okx.com')).toBe('okx');
    expect(owner.get('app.okx.com')).toBe('okx');
    expect(owner.get('www.gate.com')).toBe('gate');
    expect(owner.get('bybit-tr.com')).toBe('bybit');
    expect(owner.get('portal.cdp.coinbase.com')).toBe('coinbase');
  });

  it('links the API page over https on one of its official hosts', () => {
    for (const def of EXCHANGES) {
      const url = new URL(def.apiPageUrl);
      expect(url.protocol).toBe('https:');
      expect(def.hosts).toContain(url.hostname);
    }
  });

  it('uses anchored, stateless patterns and gives hints', () => {
    for (const def of EXCHANGES) {
      const { apiKeyPatterns, secretPatterns, apiKeyHint, secretHint } = def.credentials;
      expect(apiKeyPatterns.length).toBeGreaterThan(0);
      expect(secretPatterns.length).toBeGreaterThan(0);
      for (const pattern of [...apiKeyPatterns, ...secretPatterns]) {
        expect(pattern.source.startsWith('^'), `${def.id} ${pattern.source}`).toBe(true);
        expect(pattern.source.endsWith('$'), `${def.id} ${pattern.source}`).toBe(true);
        expect(pattern.flags).not.toMatch(/[gy]/);
      }
      expect(apiKeyHint.length).toBeGreaterThan(5);
      expect(secretHint.length).toBeGreaterThan(5);
    }
  });
});

describe('credential shapes per exchange', () => {
  for (const id of EXCHANGE_IDS) {
    describe(id, () => {
      for (const example of VALID[id]) {
        it(`accepts ${example.what}`, () => {
          expect(check(id, example)).toEqual([]);
        });

        it(`accepts ${example.what} with surrounding whitespace and CRLF line endings`, () => {
          const padded: Example = {
            what: example.what,
            apiKey: ` \t${example.apiKey}\r\n`,
            secret: `\n  ${example.secret.replace(/\n/g, '\r\n')}  \r\n`,
            ...(example.passphrase === undefined ? {} : { passphrase: ` ${example.passphrase}\n` }),
          };
          expect(check(id, padded)).toEqual([]);
        });

        it(`flags ${example.what} with a stray character appended`, () => {
          const warnings = check(id, { ...example, apiKey: `${example.apiKey}!`, secret: `${example.secret}"` });
          expect(warnings.map((w) => w.field)).toEqual(['apiKey', 'secret']);
        });

        it(`flags ${example.what} pasted with its label`, () => {
          const def = exchangeById(id);
          const warnings = check(id, { ...example, apiKey: `${def.credentials.apiKeyLabel}: ${example.apiKey}` });
          expect(warnings.some((w) => w.field === 'apiKey' && w.message.includes('does not look like'))).toBe(true);
        });
      }
    });
  }

  // HTX, bitexbit and Binance (HMAC keys) use one shape for both fields; elsewhere a swap shows.
  const sameShape: readonly ExchangeId[] = ['htx', 'bitexbit', 'binance'];
  const distinctShapes = EXCHANGE_IDS.filter((id) => !sameShape.includes(id));
  for (const id of distinctShapes) {
    it(`${id}: flags a secret pasted into the key field, and a key into the secret field`, () => {
      const [example] = VALID[id];
      if (example === undefined) throw new Error(`no example for ${id}`);
      const warnings = check(id, { ...example, apiKey: example.secret, secret: example.apiKey });
      expect(warnings.filter((w) => w.message.includes('does not look like')).map((w) => w.field)).toEqual([
        'apiKey',
        'secret',
      ]);
    });
  }

  it("flags another exchange's key", () => {
    const [okxExample] = VALID.okx;
    const [binanceExample] = VALID.binance;
    if (okxExample === undefined || binanceExample === undefined) throw new Error('missing example');
    const warnings = check('okx', { ...okxExample, apiKey: binanceExample.apiKey });
    expect(warnings).toEqual([
      {
        field: 'apiKey',
        message:
          'API Key does not look like an OKX API key (expected a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)).',
      },
    ]);
  });

  it('rejects shapes near the documented ones', () => {
    const near: [ExchangeId, 'apiKey' | 'secret', string][] = [
      ['htx', 'apiKey', 'E2B4C6D8-99F1A3B5-84C7D9E1-7A2B4'],
      ['htx', 'apiKey', 'e2b4c6d8-99f1a3b5-84c7d9e1'],
      ['xt', 'secret', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e'],
      ['binance', 'apiKey', 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8'],
      ['binance', 'secret', `${'-----BEGIN EC PRIVATE KEY-----'}\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----`],
      ['okx', 'secret', '7C5B3E0F9A1D2B4C6E8F0A1B2C3D4E5G'],
      ['bybit', 'apiKey', 'XqZ2rT8vLm4NpK6wJ'],
      ['kucoin', 'apiKey', '5f3b8c2a9d4e1f6a7b8c9d0'],
      ['gate', 'secret', '8f1e2d3c4b5a69788796a5b4c3d2e1f0'],
      ['bitget', 'apiKey', '4c8e2a6f0b3d7a1e5c9f2b6d0a4e8c1f'],
      ['mexc', 'apiKey', 'aBYs33eIilxBWC5'],
      ['mexc', 'apiKey', 'mx0aBY'],
      ['coinbase', 'apiKey', `organizations/${UUID_A}/apiKeys/`],
      ['coinbase', 'secret', pem(rsaPkcs8)],
      ['kraken', 'secret', 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg='],
      ['bitexbit', 'apiKey', 'short-key'],
    ];
    for (const [id, field, value] of near) {
      const [example] = VALID[id];
      if (example === undefined) throw new Error(`no example for ${id}`);
      const warnings = check(id, { ...example, [field]: value });
      expect(warnings.map((w) => w.field), `${id} ${field} ${value}`).toEqual([field]);
    }
  });
});
