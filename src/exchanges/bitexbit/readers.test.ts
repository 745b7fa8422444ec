// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { bitexbit } from '.';
import { readCreateForm } from '../readers/create-form';
import { textFieldFor } from '../../dom/elements';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { clickText, loadFixture, settle, typeInto, phrasesPattern } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = bitexbit;
const { vocabulary } = page;

/** What the fixtures read from the page's window to let end-to-end tests choose the values. */
const fixtureWindow = window as unknown as { __fixtureAccess?: string; __fixtureSecret?: string };

function field(pattern: RegExp | readonly string[]): HTMLInputElement | HTMLTextAreaElement {
  const found = textFieldFor(document, phrasesPattern(pattern));
  if (!found) throw new Error(`no field labelled ${String(pattern)}`);
  return found;
}

function form() {
  const reading = readCreateForm(document, vocabulary);
  if (!reading) throw new Error('no create form read');
  return reading;
}

const LISTED = ['9d3e-51ab-c7f0-28e4-b6a1-4f7c', 'e62a-0b9f-3d71-c4e8-15fa-a0d2', '4a07-d2c9-8e1b-f536-7b04-e9c1'];
const NEW_ACCESS = '3b8f-e1d4-6a92-0c57-f4be-19d3';
const NEW_SECRET = 'Hk4pQ9zW_2mVx7Tb-5RcN1yLf8Dj3GsAe6UoKiEw0Zn';

// Paths the API-page pattern must recognise (with or without a locale), and not.
const API_PAGES = ['/profile/api', '/profile/api/', '/en/profile/api', '/ru/profile/api'];
const NOT_API_PAGES = ['/profile', '/profile/security', '/profile/apikeys', '/en/support/faq/api/api-management', '/api/v2/public/pairs'];

describe.each([
  ['ru', '/profile/api', { add: 'Добавить API ключ', trade: 'Может торговать', withdraw: 'Может выводить', create: 'Создать ключ', code: /^Код 2FA$/, confirm: 'Подтвердить', again: 'Создать новый ключ', deleteAll: 'Удалить все', close: 'Закрыть' }],
  ['en', '/en/profile/api', { add: 'Add API key', trade: 'Can trade', withdraw: 'Can withdraw', create: 'Create key', code: /^2FA code$/, confirm: 'Confirm', again: 'Create new Key', deleteAll: 'Delete all', close: 'Close' }],
])('bitexbit readers on the %s API page', (locale, path, words) => {
  const fixture = `www.bitexbit.com${path}/index.html`;

  beforeEach(() => {
    history.replaceState(null, '', path);
    delete fixtureWindow.__fixtureAccess;
    delete fixtureWindow.__fixtureSecret;
  });

  /** Add API key, a name, the boxes asked for, Create key, the 2FA code: the keys arrive later. */
  async function createKey(name: string, withdraw: boolean): Promise<void> {
    loadFixture(fixture);
    await settle(300);
    clickText(words.add);
    typeInto(field(vocabulary.keyLabel), name);
    if (withdraw) clickText(words.withdraw);
    clickText(words.create);
    typeInto(field(words.code), '123456');
    clickText(words.confirm);
  }

  readersContract({ exchange: bitexbit, fixture, apiPages: [path, ...API_PAGES], notApiPages: NOT_API_PAGES });

  it('read the pop-up form as the user ticks its boxes; none ticked is read only', async () => {
    loadFixture(fixture);
    await settle(300);
    expect(readCreateForm(document, vocabulary)).toBeNull();
    clickText(words.add);
    let reading = form();
    expect(reading.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false });
    expect(reading.controls.map((c) => c.flag).sort()).toEqual(['trade', 'withdraw']);
    expect(reading.ipText).toBe('');
    const before = reading.controls[0]?.control;
    clickText(words.trade);
    expect(before?.isConnected).toBe(false); // the panel was rendered anew
    expect(form().permissions).toMatchObject({ read: true, trade: true, withdraw: false });
    clickText(words.trade);
    clickText(words.withdraw);
    reading = form();
    // "Can withdraw" is full access: the page ticks "can trade" with it.
    expect(reading.permissions).toMatchObject({ read: true, trade: true, withdraw: true });
    typeInto(field(vocabulary.ipWhitelist), '203.0.113.7, 203.0.113.8');
    expect(form().ipText).toBe('203.0.113.7, 203.0.113.8');
    clickText(words.withdraw);
    expect(form()).toMatchObject({ ipText: '203.0.113.7, 203.0.113.8', permissions: { withdraw: false } });
  });

  it('read the key name typed, then the Private Key from the late panel after the 2FA step', async () => {
    loadFixture(fixture);
    await settle(300);
    clickText(words.add);
    typeInto(field(vocabulary.keyLabel), 'grid-bot-7');
    expect(form().keyLabel).toBe('grid-bot-7');
    clickText(words.create);
    expect(readCreateForm(document, vocabulary)).toBeNull(); // the 2FA step replaced the form
    typeInto(field(words.code), '123456');
    clickText(words.confirm);
    await settle(50);
    expect(readSecretDialog(document, vocabulary, bitexbit.credentials)).toBeNull();
    await settle(600);
    const reading = readSecretDialog(document, vocabulary, bitexbit.credentials);
    expect(reading?.secret).toBe(NEW_SECRET);
    expect(reading?.secretElement).toBeInstanceOf(HTMLInputElement);
    expect(bitexbit.credentials.secretPatterns.some((p) => p.test(NEW_SECRET))).toBe(true);
    expect(bitexbit.credentials.apiKeyPatterns.some((p) => p.test(NEW_ACCESS))).toBe(true);
  });

  // The panel has no dialog role, so the whole body is searched, where the list's "Access Key"
  // column header comes first: the key label nearest the secret, outside the list, must win.
  it('pair the Private Key with the new Access Key shown beside it', async () => {
    await createKey('grid-bot-7', false);
    await settle(600);
    expect(readSecretDialog(document, vocabulary, bitexbit.credentials)).toMatchObject({ apiKey: NEW_ACCESS, secret: NEW_SECRET });
  });

  it('let end-to-end tests choose the generated values; the new key joins the list when the panel closes', async () => {
    fixtureWindow.__fixtureAccess = 'Zr7kP2mQ9xT4vB8nL3cH6wJ1';
    fixtureWindow.__fixtureSecret = 'q8W_s3-Fz1Lk9Pd2Xv7Hm4Tn6Rb0Yc5J';
    await createKey('e2e', true);
    await settle(600);
    expect(readSecretDialog(document, vocabulary, bitexbit.credentials)?.secret).toBe('q8W_s3-Fz1Lk9Pd2Xv7Hm4Tn6Rb0Yc5J');
    expect(Array.from(document.querySelectorAll('input')).map((i) => i.value)).toContain('Zr7kP2mQ9xT4vB8nL3cH6wJ1');
    expect(readKeyList(document, vocabulary, bitexbit.credentials).map((k) => k.apiKey)).not.toContain('Zr7kP2mQ9xT4vB8nL3cH6wJ1');
    // A click outside the panel closes it.
    const overlay = document.querySelector(`button[aria-label="${words.close}"]`)?.parentElement?.parentElement;
    if (!overlay) throw new Error('no panel');
    overlay.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(readSecretDialog(document, vocabulary, bitexbit.credentials)).toBeNull();
    const keys = readKeyList(document, vocabulary, bitexbit.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([...LISTED, 'Zr7kP2mQ9xT4vB8nL3cH6wJ1']);
    expect(keys[3]).toMatchObject({ label: 'e2e', ipWhitelist: [] });
  });

  it('offer "Create new Key" to start again in the same panel', async () => {
    await createKey('first', false);
    await settle(600);
    expect(readSecretDialog(document, vocabulary, bitexbit.credentials)).not.toBeNull();
    clickText(words.again);
    expect(readSecretDialog(document, vocabulary, bitexbit.credentials)).toBeNull();
    expect(form().permissions).toMatchObject({ trade: false, withdraw: false });
  });

  it('read the key list: names, IPs, and "any IP" as no whitelist', async () => {
    loadFixture(fixture);
    await settle(300);
    const keys = readKeyList(document, vocabulary, bitexbit.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual(LISTED);
    expect(keys.map((k) => k.label)).toEqual(['arb-bot', 'portfolio', 'mm-bot']);
    expect(keys.map((k) => k.ipWhitelist)).toEqual([[], ['203.0.113.7', '203.0.113.8'], ['198.51.100.23']]);
    clickText(words.deleteAll);
    expect(readKeyList(document, vocabulary, bitexbit.credentials)).toEqual([]);
  });

  // "Ключ доступа" (Access Key) contains "доступ", like "Права доступа" (permissions): the key
  // column must not be read as the permissions column.
  it('read each listed key\'s permissions', async () => {
    loadFixture(fixture);
    await settle(300);
    const keys = readKeyList(document, vocabulary, bitexbit.credentials);
    expect(keys[0]?.permissions).toMatchObject({ read: true, trade: true, withdraw: true });
    expect(keys[1]?.permissions).toMatchObject({ read: true, trade: false, withdraw: false });
    expect(keys[2]?.permissions).toMatchObject({ read: true, trade: true, withdraw: false });
  });
});

describe('bitexbit credential shapes', () => {
  credentialShapesContract({
    exchange: bitexbit,
    labels: { apiKey: 'Access Key', secret: 'Private Key', passphrase: false },
    valid: [{ what: 'token characters', apiKey: 'Zr7kP2mQ9xT4vB8nL3cH6wJ1', secret: 'q8W_s3-Fz1Lk9Pd2Xv7Hm4Tn6Rb0Yc5J' }],
    nearMisses: [{ field: 'apiKey', value: 'short-key' }],
    keyAndSecretShareShape: true,
  });
});
