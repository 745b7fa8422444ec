import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type CredentialFormat,
  checkCredentialFormat,
  isPem,
  normaliseCredential,
  pemPrivateKeyPattern,
  sayWarning,
} from './credential-format';
import { tWords, words } from '../i18n';

/** The warnings as the popup shows them (English: the tests read the English catalogue). */
const checkCredentials = (...args: Parameters<typeof checkCredentialFormat>) =>
  checkCredentialFormat(...args).map((warning) => ({ field: warning.field, message: sayWarning(warning, tWords).join(' ') }));

// Local formats, so these tests exercise the checker alone (the exchange modules have their own
// tests in src/exchanges/registry.test.ts).
const HTX_LIKE: CredentialFormat = {
  apiKeyLabel: 'Access Key',
  secretLabel: 'Secret Key',
  passphrase: false,
  apiKeyPatterns: [/^[a-z0-9]{4,12}(?:-[a-z0-9]{4,12}){3}$/],
  secretPatterns: [/^[a-z0-9]{4,12}(?:-[a-z0-9]{4,12}){3}$/],
  apiKeyHint: words('credHintHtx'),
  secretHint: words('credHintHtx'),
};

const OKX_LIKE: CredentialFormat = {
  apiKeyLabel: 'API Key',
  secretLabel: 'Secret Key',
  passphrase: true,
  apiKeyPatterns: [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  secretPatterns: [/^[0-9a-f]{32}$/i],
  apiKeyHint: words('credHintUuid'),
  secretHint: words('credHintHex32Upper'),
};

const PEM_SECRET: CredentialFormat = {
  apiKeyLabel: 'API Key',
  secretLabel: 'Secret Key',
  passphrase: false,
  apiKeyPatterns: [/^[A-Za-z0-9]{64}$/],
  secretPatterns: [/^[A-Za-z0-9]{64}$/, pemPrivateKeyPattern(['PKCS8', 'RSA'])],
  apiKeyHint: words('credHintAlnum64'),
  secretHint: words('credHintAlnum64OrPem'),
};

const HTX_KEY = 'e2b4c6d8-99f1a3b5-84c7d9e1-7a2b4';
const HTX_SECRET = 'c1d3e5f7-0a2b4c6d-8e9f0a1b-2c3d4';
const OKX_KEY = '5c2f1a7e-93b4-4d0a-8e6f-1b2c3d4e5f60';
const OKX_SECRET = '7C5B3E0F9A1D2B4C6E8F0A1B2C3D4E5F';
const BINANCE_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';

const rsaPem = String(
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
);
const rsaPkcs1Pem = String(
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }),
);
const ecPem = String(
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }),
);

describe('normaliseCredential', () => {
  it('trims the ends only and turns CRLF and CR into LF', () => {
    expect(normaliseCredential('  \tabc def\r\n')).toBe('abc def');
    expect(normaliseCredential('\r\n-----BEGIN X-----\r\nAAAA\rBBBB\r\n-----END X-----\r\n')).toBe(
      '-----BEGIN X-----\nAAAA\nBBBB\n-----END X-----',
    );
  });
});

describe('isPem', () => {
  it('recognises a PEM block and nothing else', () => {
    expect(isPem(rsaPem.trim())).toBe(true);
    expect(isPem(BINANCE_KEY)).toBe(false);
    expect(isPem('-----not a pem')).toBe(false);
  });
});

describe('pemPrivateKeyPattern', () => {
  const pkcs8OrRsa = pemPrivateKeyPattern(['PKCS8', 'RSA']);

  it('accepts the listed kinds, multi-line or flattened onto one line', () => {
    expect(pkcs8OrRsa.test(rsaPem.trim())).toBe(true);
    expect(pkcs8OrRsa.test(rsaPkcs1Pem.trim())).toBe(true);
    expect(pkcs8OrRsa.test(rsaPem.trim().replace(/\n/g, ' '))).toBe(true);
    expect(pemPrivateKeyPattern(['EC']).test(ecPem.trim())).toBe(true);
  });

  it('accepts a legacy encrypted RSA key with RFC 1421 headers', () => {
    const legacy = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'Proc-Type: 4,ENCRYPTED',
      'DEK-Info: AES-256-CBC,8A72BD3C8E6F1A2B3C4D5E6F7A8B9C0D',
      '',
      'MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    expect(pkcs8OrRsa.test(legacy)).toBe(true);
  });

  it('rejects other kinds, mismatched armour, trailing text and two blocks', () => {
    expect(pkcs8OrRsa.test(ecPem.trim())).toBe(false);
    expect(pkcs8OrRsa.test(rsaPem.trim().replace('-----END PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----'))).toBe(
      false,
    );
    expect(pkcs8OrRsa.test(`${rsaPem.trim()} trailing`)).toBe(false);
    expect(pkcs8OrRsa.test(`${rsaPem.trim()}\n${rsaPem.trim()}`)).toBe(false);
    expect(pkcs8OrRsa.test('-----BEGIN PUBLIC KEY-----\nMFkwEw==\n-----END PUBLIC KEY-----')).toBe(false);
    expect(pkcs8OrRsa.test('-----BEGIN PRIVATE KEY-----\nMIIE<script>\n-----END PRIVATE KEY-----')).toBe(false);
  });
});

describe('checkCredentialFormat', () => {
  it('accepts well-formed credentials with no warnings', () => {
    expect(checkCredentials(HTX_LIKE, { apiKey: HTX_KEY, secret: HTX_SECRET, passphrase: '' }, 'HTX')).toEqual([]);
    expect(
      checkCredentials(OKX_LIKE, { apiKey: OKX_KEY, secret: OKX_SECRET, passphrase: 'my passphrase' }, 'OKX'),
    ).toEqual([]);
    expect(checkCredentials(PEM_SECRET, { apiKey: BINANCE_KEY, secret: rsaPem, passphrase: '' })).toEqual([]);
  });

  it('tolerates whitespace around every value, and CRLF inside a PEM', () => {
    expect(
      checkCredentials(OKX_LIKE, { apiKey: `  ${OKX_KEY}\n`, secret: `\t${OKX_SECRET}\r\n`, passphrase: ' pass \n' }),
    ).toEqual([]);
    expect(
      checkCredentials(PEM_SECRET, {
        apiKey: `\n${BINANCE_KEY} `,
        secret: `\r\n${rsaPem.replace(/\n/g, '\r\n')}\r\n\r\n`,
        passphrase: '',
      }),
    ).toEqual([]);
  });

  it('names the label, the exchange and the hint when a value does not match', () => {
    expect(
      checkCredentials(HTX_LIKE, { apiKey: HTX_KEY, secret: 'not-a-secret', passphrase: '' }, 'HTX'),
    ).toEqual([
      { field: 'secret', message: 'Secret Key does not look like an HTX secret (expected 4 groups of lowercase letters and digits joined by dashes, like e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx).' },
    ]);
    expect(
      checkCredentials(PEM_SECRET, { apiKey: 'abc', secret: rsaPem, passphrase: '' }, 'Binance'),
    ).toEqual([{ field: 'apiKey', message: 'API Key does not look like a Binance API key (expected 64 letters and digits).' }]);
  });

  it('still names the label and hint without an exchange name', () => {
    expect(checkCredentials(OKX_LIKE, { apiKey: 'hello', secret: OKX_SECRET, passphrase: 'p' })).toEqual([
      { field: 'apiKey', message: 'API Key does not look like a valid API key (expected a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)).' },
    ]);
  });

  it('points out swapped fields', () => {
    const warnings = checkCredentials(
      OKX_LIKE,
      { apiKey: OKX_SECRET, secret: OKX_KEY, passphrase: 'p' },
      'OKX',
    );
    expect(warnings).toEqual([
      {
        field: 'apiKey',
        message:
          'API Key does not look like an OKX API key (expected a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)). It has the shape of the Secret Key: were the two swapped?',
      },
      {
        field: 'secret',
        message:
          'Secret Key does not look like an OKX secret (expected 32 hexadecimal characters (0-9, A-F)). It has the shape of the API Key: were the two swapped?',
      },
    ]);
  });

  it('warns once about inner whitespace when that is the only problem', () => {
    const broken = `${OKX_SECRET.slice(0, 16)} ${OKX_SECRET.slice(16)}`;
    expect(checkCredentials(OKX_LIKE, { apiKey: OKX_KEY, secret: broken, passphrase: 'p' })).toEqual([
      { field: 'secret', message: 'Secret Key contains spaces or line breaks.' },
    ]);
    const wrapped = `${OKX_KEY.slice(0, 10)}\n${OKX_KEY.slice(10)}`;
    expect(checkCredentials(OKX_LIKE, { apiKey: wrapped, secret: OKX_SECRET, passphrase: 'p' })).toEqual([
      { field: 'apiKey', message: 'API Key contains spaces or line breaks.' },
    ]);
  });

  it('warns about inner whitespace and the shape when both are wrong', () => {
    const warnings = checkCredentials(OKX_LIKE, { apiKey: `key: ${OKX_KEY}`, secret: OKX_SECRET, passphrase: 'p' });
    expect(warnings.map((w) => w.field)).toEqual(['apiKey', 'apiKey']);
    expect(warnings[0]?.message).toBe('API Key contains spaces or line breaks.');
    expect(warnings[1]?.message).toContain('does not look like');
  });

  it('does not treat the line breaks of a PEM key as a mistake', () => {
    expect(rsaPem.trim()).toContain('\n');
    expect(checkCredentials(PEM_SECRET, { apiKey: BINANCE_KEY, secret: rsaPem, passphrase: '' })).toEqual([]);
  });

  it('warns when the passphrase is missing, even if it is only whitespace', () => {
    for (const passphrase of ['', '  \n']) {
      expect(checkCredentials(OKX_LIKE, { apiKey: OKX_KEY, secret: OKX_SECRET, passphrase }, 'OKX')).toEqual([
        {
          field: 'passphrase',
          message: 'Passphrase is missing: OKX keys need the passphrase chosen when the key was created.',
        },
      ]);
    }
  });

  it('warns that a passphrase will not be used where the exchange has none', () => {
    expect(
      checkCredentials(HTX_LIKE, { apiKey: HTX_KEY, secret: HTX_SECRET, passphrase: 'hunter2' }, 'HTX'),
    ).toEqual([
      { field: 'passphrase', message: 'A passphrase was given, but HTX keys do not use one: it will not be used.' },
    ]);
  });

  it('warns when key and secret are the same', () => {
    expect(
      checkCredentials(HTX_LIKE, { apiKey: HTX_KEY, secret: ` ${HTX_KEY}\n`, passphrase: '' }, 'HTX'),
    ).toEqual([
      { field: 'secret', message: 'Access Key and Secret Key are the same: one of them was pasted twice.' },
    ]);
  });

  it('says which field is empty, once', () => {
    expect(checkCredentials(HTX_LIKE, { apiKey: ' ', secret: '', passphrase: '' })).toEqual([
      { field: 'apiKey', message: 'Access Key is empty.' },
      { field: 'secret', message: 'Secret Key is empty.' },
    ]);
  });

  it('gives the same answer every time with global or sticky patterns', () => {
    const stateful: CredentialFormat = {
      ...OKX_LIKE,
      apiKeyPatterns: [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/gi],
      secretPatterns: [/^[0-9a-f]{32}$/iy],
    };
    for (let i = 0; i < 3; i += 1) {
      expect(checkCredentials(stateful, { apiKey: OKX_KEY, secret: OKX_SECRET, passphrase: 'p' })).toEqual([]);
    }
  });

  it('chooses "a" or "an" for the exchange name', () => {
    const message = (name: string) =>
      checkCredentials(HTX_LIKE, { apiKey: HTX_KEY, secret: 'x', passphrase: '' }, name)[0]?.message ?? '';
    expect(message('MEXC')).toContain('like an MEXC secret');
    expect(message('XT')).toContain('like an XT secret');
    expect(message('KuCoin')).toContain('like a KuCoin secret');
    expect(message('bitexbit')).toContain('like a bitexbit secret');
    expect(message('Binance')).toContain('like a Binance secret');
  });
});
