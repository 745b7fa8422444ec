import { expect, it } from 'vitest';
import { checkCredentialFormat, sayWarning } from '../../../src/core/credential-format';
import { tWords } from '../../../src/i18n';
import { readCreateForm } from '../../../src/exchanges/readers/create-form';
import { readKeyList } from '../../../src/exchanges/readers/key-list';
import { readSecretDialog } from '../../../src/exchanges/readers/secret-dialog';
import type { ExchangeDefinition } from '../../../src/exchanges/types';
import { loadFixture, settle } from './fixture-dom';
import { EXCHANGE_FIXTURES } from './fixture-lists';

/**
 * What every exchange's readers promise, tested the same way with each site's own data: its API
 * pages are recognised and nothing else is, nothing is read from a page the app has not rendered,
 * and a one-time secret an end-to-end test chose is read back exactly. Each site's readers test
 * calls this, then tests what only its site does.
 */
export interface ReadersContract {
  exchange: ExchangeDefinition;
  /** The fixture page (host/path) the tests load. */
  fixture: string;
  /** Paths (pathname + hash) the API-page patterns must match, and must not. */
  apiPages: readonly string[];
  notApiPages: readonly string[];
  /**
   * How long the fixture's app takes to render its page. Given, the page is also read after it:
   * no create form and no secret until the user opens one. Omitted, only the unrendered page is.
   */
  rendersWithin?: number;
  /**
   * From a fresh page to the one-time secret, as a person clicks through the site; the fixture
   * generates `apiKey` and `secret` (as end-to-end tests choose them) instead of random values.
   */
  chosenCredentials?: { apiKey: string; secret: string; reveal: () => Promise<void> };
}

export function readersContract(contract: ReadersContract): void {
  const { exchange, fixture } = contract;
  const { page, credentials } = exchange;
  const { vocabulary } = page;
  const matches = (path: string): boolean => page.apiPages.some((pattern) => pattern.test(path));

  it('recognises its API pages from a listed fixture, and nothing else', () => {
    expect(EXCHANGE_FIXTURES[exchange.id]).toContain(fixture);
    for (const path of contract.apiPages) expect(matches(path), path).toBe(true);
    for (const path of contract.notApiPages) expect(matches(path), path).toBe(false);
  });

  const { rendersWithin } = contract;
  it(`reads nothing before the app renders${rendersWithin === undefined ? '' : ', and no form until the user opens one'}`, async () => {
    loadFixture(fixture);
    expect(readCreateForm(document, vocabulary)).toBeNull();
    expect(readSecretDialog(document, vocabulary, credentials)).toBeNull();
    expect(readKeyList(document, vocabulary, credentials)).toEqual([]);
    if (rendersWithin === undefined) return;
    await settle(rendersWithin);
    expect(readCreateForm(document, vocabulary)).toBeNull();
    expect(readSecretDialog(document, vocabulary, credentials)).toBeNull();
  });

  const chosen = contract.chosenCredentials;
  if (chosen !== undefined) {
    it('reads back exactly the key and secret an end-to-end test chose', async () => {
      Object.assign(window, { __fixtureAccess: chosen.apiKey, __fixtureSecret: chosen.secret });
      try {
        await chosen.reveal();
        expect(readSecretDialog(document, vocabulary, credentials)).toMatchObject({ apiKey: chosen.apiKey, secret: chosen.secret });
      } finally {
        Object.assign(window, { __fixtureAccess: undefined, __fixtureSecret: undefined });
      }
    });
  }
}

/** Credentials as a person would paste them. */
export interface CredentialExample {
  what: string;
  apiKey: string;
  secret: string;
  passphrase?: string;
}

export interface CredentialShapes {
  exchange: ExchangeDefinition;
  /** What the site calls its credentials, and whether it asks for a passphrase. */
  labels: { apiKey: string; secret: string; passphrase: boolean };
  /** Realistic credentials, built from the documented shapes. */
  valid: readonly [CredentialExample, ...CredentialExample[]];
  /** Values close to a documented shape that must still be flagged, with the field they go in. */
  nearMisses: readonly { field: 'apiKey' | 'secret'; value: string }[];
  /** The key and the secret have one shape (HMAC keys on some sites), so a swap cannot show. */
  keyAndSecretShareShape?: boolean;
}

/** The exchange's credential format accepts its real shapes, pasted sloppily, and flags the rest. */
export function credentialShapesContract({ exchange, labels, valid, nearMisses, keyAndSecretShareShape = false }: CredentialShapes): void {
  it('names its credentials as the site does', () => {
    const { apiKeyLabel, secretLabel, passphrase } = exchange.credentials;
    expect({ apiKey: apiKeyLabel, secret: secretLabel, passphrase }).toEqual(labels);
  });

  const check = (example: CredentialExample) =>
    checkCredentialFormat(
      exchange.credentials,
      { apiKey: example.apiKey, secret: example.secret, passphrase: example.passphrase ?? '' },
      exchange.name,
    );

  for (const example of valid) {
    it(`accepts ${example.what}`, () => {
      expect(check(example)).toEqual([]);
    });

    it(`accepts ${example.what} with surrounding whitespace and CRLF line endings`, () => {
      const padded: CredentialExample = {
        what: example.what,
        apiKey: ` \t${example.apiKey}\r\n`,
        secret: `\n  ${example.secret.replace(/\n/g, '\r\n')}  \r\n`,
        ...(example.passphrase === undefined ? {} : { passphrase: ` ${example.passphrase}\n` }),
      };
      expect(check(padded)).toEqual([]);
    });

    it(`flags ${example.what} with a stray character appended`, () => {
      const warnings = check({ ...example, apiKey: `${example.apiKey}!`, secret: `${example.secret}"` });
      expect(warnings.map((w) => w.field)).toEqual(['apiKey', 'secret']);
    });

    it(`flags ${example.what} pasted with its label`, () => {
      const warnings = check({ ...example, apiKey: `${exchange.credentials.apiKeyLabel}: ${example.apiKey}` });
      expect(warnings.some((w) => w.field === 'apiKey' && sayWarning(w, tWords).join(' ').includes('does not look like'))).toBe(true);
    });
  }

  const [first] = valid;
  if (!keyAndSecretShareShape) {
    it('flags a secret pasted into the key field, and a key into the secret field', () => {
      const warnings = check({ ...first, apiKey: first.secret, secret: first.apiKey });
      expect(warnings.filter((w) => sayWarning(w, tWords).join(' ').includes('does not look like')).map((w) => w.field)).toEqual(['apiKey', 'secret']);
    });
  }

  it('flags shapes near the documented ones', () => {
    expect(nearMisses.length).toBeGreaterThan(0);
    for (const { field, value } of nearMisses) {
      expect(check({ ...first, [field]: value }).map((w) => w.field), `${field} ${value}`).toEqual([field]);
    }
  });
}
