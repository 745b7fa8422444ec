// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readCreateForm, readSubAccount } from '../readers/create-form';
import { textFieldFor } from '../../dom/elements';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { xt } from '.';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { UUID_A } from '../../../tests/unit/exchanges/credential-samples';
import { clickText, loadFixture, settle, typeInto, phrasesPattern } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = xt;
const { vocabulary } = page;

/** What the fixtures read from the page's window to let end-to-end tests choose the values. */
const fixtureWindow = window as unknown as { __fixtureAccess?: string; __fixtureSecret?: string };

const isApiPage = (path: string) => page.apiPages.some((pattern) => pattern.test(path));

function field(pattern: RegExp | readonly string[], root: ParentNode = document): HTMLInputElement | HTMLTextAreaElement {
  const found = textFieldFor(root, phrasesPattern(pattern));
  if (!found) throw new Error(`no field labelled ${String(pattern)}`);
  return found;
}

function dialog(): Element {
  const found = document.querySelector('[role=dialog]');
  if (!found) throw new Error('no dialog');
  return found;
}

function form() {
  const reading = readCreateForm(document, vocabulary);
  if (!reading) throw new Error('no create form read');
  return reading;
}

function control(flag: 'trade' | 'withdraw'): HTMLElement {
  const found = form().controls.find((c) => c.flag === flag);
  if (!found) throw new Error(`no ${flag} control`);
  return found.control;
}

// Paths the API-page patterns must recognise on both pages (the create view routes in-app), and not.
const API_PAGES = ['/en/accounts/api', '/en/accounts/api/', '/zh-CN/accounts/api', '/en/accounts/api/create', '/en/accounts/sub-account/api', '/zh-CN/accounts/subAccount/api'];
const NOT_API_PAGES = ['/en/accounts/sub-account', '/en/accounts/security', '/en/trade/btc_usdt', '/en/accounts/apikeys', '/en/accounts/register'];

const MAIN_KEYS = ['8d1f6c2e-4b7a-4e09-9c35-2a6f0b8d7e14', 'c47b2a90-1e3d-4f68-8a52-6d9e0f1b3c27', '5e0a9d3b-7c21-4b86-b4f7-91c3e2d8a605'];

describe.each([
  ['en', { create: 'Create API', trade: 'Trade', withdraw: 'Withdraw', toList: 'Back to API Management', google: /^\*?Google Verification Code$/ }],
  ['zh-CN', { create: '创建API', trade: '交易', withdraw: '提现', toList: '返回API管理', google: /^\*?谷歌验证码$/ }],
])('XT readers on the %s main API page', (locale, words) => {
  const path = `/${locale}/accounts/api`;
  const fixture = `www.xt.com${path}/index.html`;

  beforeEach(() => {
    history.replaceState(null, '', path);
    delete fixtureWindow.__fixtureAccess;
    delete fixtureWindow.__fixtureSecret;
  });

  readersContract({ exchange: xt, fixture, apiPages: [path, ...API_PAGES], notApiPages: NOT_API_PAGES });

  it('read the create view, routed without a page load, as the user ticks its boxes', async () => {
    loadFixture(fixture);
    await settle(300);
    expect(readCreateForm(document, vocabulary)).toBeNull();
    clickText(words.create);
    expect(location.pathname).toBe(`${path}/create`);
    expect(isApiPage(location.pathname)).toBe(true);
    let reading = form();
    expect(reading.permissions).toMatchObject({ read: true, trade: false, withdraw: false });
    expect(reading.controls.map((c) => c.flag).sort()).toEqual(['read', 'trade', 'withdraw']);
    expect(reading.ipText).toBe('');
    const before = control('withdraw');
    clickText(words.withdraw);
    expect(before.isConnected).toBe(false); // the form was rendered anew
    reading = form();
    expect(reading.permissions).toMatchObject({ read: true, trade: false, withdraw: true });
    clickText(words.trade);
    expect(form().permissions).toMatchObject({ read: true, trade: true, withdraw: true });
    typeInto(field(vocabulary.ipWhitelist), '203.0.113.7,198.51.100.0/24');
    expect(form().ipText).toBe('203.0.113.7,198.51.100.0/24');
    clickText(words.withdraw);
    expect(form()).toMatchObject({ ipText: '203.0.113.7,198.51.100.0/24', permissions: { trade: true, withdraw: false } });
  });

  it('read the one-time keys shown on the page after the Google code, and the alias typed before', async () => {
    loadFixture(fixture);
    await settle(300);
    clickText(words.create);
    typeInto(field(vocabulary.keyLabel), 'grid-bot-7');
    expect(form().keyLabel).toBe('grid-bot-7');
    clickText(words.withdraw);
    typeInto(field(words.google), '123456');
    clickText(words.create);
    await settle(50);
    expect(readSecretDialog(document, vocabulary, xt.credentials)).toBeNull();
    await settle(600);
    const reading = readSecretDialog(document, vocabulary, xt.credentials);
    expect(reading).toMatchObject({ apiKey: '3f9c2a71-5b8e-4d06-a1c4-7e2b9d0f6a38', secret: '9b1e4c7a2d5f8e0b3a6c9d2e5f8a1b4c7d0e3f62' });
    expect(reading?.secretElement).toBeInstanceOf(HTMLInputElement);
    expect(xt.credentials.apiKeyPatterns.some((p) => p.test(reading?.apiKey ?? ''))).toBe(true);
    expect(xt.credentials.secretPatterns.some((p) => p.test(reading?.secret ?? ''))).toBe(true);
    clickText(words.toList);
    expect(location.pathname).toBe(path);
    expect(readSecretDialog(document, vocabulary, xt.credentials)).toBeNull();
    const keys = readKeyList(document, vocabulary, xt.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual(['3f9c2a71-5b8e-4d06-a1c4-7e2b9d0f6a38', ...MAIN_KEYS]);
    expect(keys[0]?.permissions).toMatchObject({ read: true, trade: false, withdraw: true });
  });

  it('let end-to-end tests choose the generated key and secret', async () => {
    fixtureWindow.__fixtureAccess = '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';
    fixtureWindow.__fixtureSecret = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4';
    loadFixture(fixture);
    await settle(300);
    clickText(words.create);
    typeInto(field(vocabulary.keyLabel), 'e2e');
    typeInto(field(words.google), '654321');
    clickText(words.create);
    await settle(600);
    expect(readSecretDialog(document, vocabulary, xt.credentials)).toMatchObject({
      apiKey: '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d',
      secret: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
    });
  });

  it('read the key cards: each key with its permissions, and the IPs of bound keys', async () => {
    loadFixture(fixture);
    await settle(300);
    const keys = readKeyList(document, vocabulary, xt.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual(MAIN_KEYS);
    expect(keys[0]?.permissions).toMatchObject({ read: true, trade: true, withdraw: true });
    expect(keys[1]).toMatchObject({ ipWhitelist: ['203.0.113.7', '198.51.100.0/24'], permissions: { read: true, trade: true, withdraw: false } });
    expect(keys[2]).toMatchObject({ ipWhitelist: ['198.51.100.23'], permissions: { read: true, trade: false, withdraw: false } });
  });

  // Outside a table the value beside the "Whitelist IP" label is read: "Unbound" means no IP.
  it('read "Unbound" in a key card as a key without IP whitelist', async () => {
    loadFixture(fixture);
    await settle(300);
    const keys = readKeyList(document, vocabulary, xt.credentials);
    expect(keys[0]?.ipWhitelist).toEqual([]);
  });
});

const SUB_KEYS = ['2b7e9f40-6c13-4a58-9d21-e0f4a7c3b916', 'f08c3d61-a9e2-47b5-8c0d-5b1e6f2a9d73'];

describe.each([
  ['en', { tabList: 'Sub-account List', tabApi: 'API Management', create: 'Create API', submit: 'Create', saved: 'I have saved the keys', google: /^\*?Google Verification Code$/ }],
  ['zh-CN', { tabList: '子账户列表', tabApi: 'API管理', create: '创建API', submit: '创建', saved: '我已保存', google: /^\*?谷歌验证码$/ }],
])('XT readers on the %s sub-account API page', (locale, words) => {
  const path = `/${locale}/accounts/sub-account/api`;
  const fixture = `www.xt.com${path}/index.html`;

  beforeEach(() => {
    history.replaceState(null, '', path);
    delete fixtureWindow.__fixtureAccess;
    delete fixtureWindow.__fixtureSecret;
  });

  async function chooseSubAccount(name: string): Promise<void> {
    field(vocabulary.subAccount ?? /^$/).click();
    clickText(name);
    await settle(0);
  }

  readersContract({ exchange: xt, fixture, apiPages: [path, ...API_PAGES], notApiPages: NOT_API_PAGES });

  it('reads no sub-account before the app renders', () => {
    loadFixture(fixture);
    expect(readSubAccount(document, vocabulary)).toBeNull();
  });

  it('switch tabs without a page load: only the API tab is an API page', async () => {
    loadFixture(fixture);
    await settle(300);
    expect(readKeyList(document, vocabulary, xt.credentials)).toHaveLength(2);
    clickText(words.tabList);
    expect(location.pathname).toBe(`/${locale}/accounts/sub-account`);
    expect(isApiPage(location.pathname)).toBe(false);
    expect(readKeyList(document, vocabulary, xt.credentials)).toEqual([]);
    clickText(words.tabApi);
    expect(location.pathname).toBe(path);
    expect(readKeyList(document, vocabulary, xt.credentials)).toHaveLength(2);
  });

  it('read the create modal for the chosen sub-account as the user flips its switches', async () => {
    loadFixture(fixture);
    await settle(300);
    clickText(words.create);
    expect(document.querySelector('[role=dialog]')).toBeNull(); // no sub-account chosen yet
    await chooseSubAccount('arbsub02');
    expect(readSubAccount(document, vocabulary)).toBe('arbsub02');
    clickText(words.create);
    expect(readSubAccount(dialog(), vocabulary)).toBe('arbsub02');
    let reading = form();
    expect(reading.permissions).toMatchObject({ read: true, trade: false, withdraw: false });
    expect(reading.controls.map((c) => c.flag).sort()).toEqual(['read', 'trade', 'withdraw']);
    expect(reading.controls.every((c) => c.control.getAttribute('role') === 'switch')).toBe(true);
    const before = control('withdraw');
    before.click();
    expect(before.isConnected).toBe(false); // the modal body was rendered anew
    reading = form();
    expect(reading.permissions).toMatchObject({ read: true, trade: false, withdraw: true });
    control('trade').click();
    expect(form().permissions).toMatchObject({ trade: true, withdraw: true });
    typeInto(field(vocabulary.ipWhitelist), '203.0.113.9');
    expect(form().ipText).toBe('203.0.113.9');
    control('withdraw').click();
    expect(form()).toMatchObject({ ipText: '203.0.113.9', permissions: { trade: true, withdraw: false } });
  });

  it('read the one-time keys from the modal, with the list refreshed behind it', async () => {
    loadFixture(fixture);
    await settle(300);
    await chooseSubAccount('gridsub01');
    clickText(words.create);
    typeInto(field(vocabulary.keyLabel), 'sub-mm');
    expect(form().keyLabel).toBe('sub-mm');
    control('withdraw').click();
    typeInto(field(words.google), '123456');
    clickText(words.submit);
    await settle(50);
    expect(readSecretDialog(document, vocabulary, xt.credentials)).toBeNull();
    await settle(600);
    const reading = readSecretDialog(document, vocabulary, xt.credentials);
    expect(reading).toMatchObject({ apiKey: 'a6d2c8e1-3f47-4b90-b2c5-7e18d0f94a3b', secret: 'e4a7c1f09b3d6e2a8c5f1b7d0e9a3c6f2b8d4e71' });
    expect(reading?.container.getAttribute('role')).toBe('dialog');
    const keys = readKeyList(document, vocabulary, xt.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual(['a6d2c8e1-3f47-4b90-b2c5-7e18d0f94a3b', ...SUB_KEYS]);
    expect(keys[0]).toMatchObject({ label: 'sub-mm', ipWhitelist: [] });
    expect(keys[0]?.row.textContent).toContain('gridsub01');
    clickText(words.saved);
    expect(readSecretDialog(document, vocabulary, xt.credentials)).toBeNull();
  });

  it("read the list of every sub-account's keys: sub-account, alias, and a key without IP", async () => {
    loadFixture(fixture);
    await settle(300);
    const keys = readKeyList(document, vocabulary, xt.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual(SUB_KEYS);
    expect(keys.map((k) => k.label)).toEqual(['sub-grid', 'sub-arb']);
    expect(keys[0]?.row.textContent).toContain('gridsub01');
    expect(keys[1]?.row.textContent).toContain('arbsub02');
    expect(keys[0]?.ipWhitelist).toEqual([]);
  });
  it('read permissions shown as adjacent tags in a table cell', async () => {
    loadFixture(fixture);
    await settle(300);
    const keys = readKeyList(document, vocabulary, xt.credentials);
    expect(keys[0]?.permissions).toMatchObject({ read: true, trade: true, withdraw: true });
  });
  it('read a whitelist shown one IP per line in a table cell', async () => {
    loadFixture(fixture);
    await settle(300);
    const keys = readKeyList(document, vocabulary, xt.credentials);
    expect(keys[1]?.ipWhitelist).toEqual(['203.0.113.7', '198.51.100.0/24']);
  });
});

describe('XT credential shapes', () => {
  credentialShapesContract({
    exchange: xt,
    labels: { apiKey: 'Public Key', secret: 'Private Key', passphrase: false },
    valid: [{ what: 'UUID and 40 hex', apiKey: UUID_A, secret: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4' }],
    nearMisses: [{ field: 'secret', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e' }],
  });
});
