import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distPath } from './harness';
import { BROWSERS, useBrowser, useFixtureServer, type DriverSession, type ExtensionTab, type Tab, absence, createVault, lock, unlock, waitForNoNote, waitForNote, waitReady } from './driver';
import { dumpStorage, findSecrets } from './storage-scan';

/**
 * HTX, the whole flow on fixture pages served under www.htx.com over HTTPS: warnings while the
 * key is being created, the one-time secret captured while the vault is locked, the key in the
 * popup after unlock, the key list audited; and nothing at all over plain http.
 */

const PASSWORD = 'htx-flow-password-1';
const ACCESS = 'c3d5e7f9-99a1b3c5-84d6e8f0-7a2b4';
const SECRET = 'f9e8d7c6-b5a4c3d2-e1f0a9b8-7c6d5';
const API_PAGE = 'https://www.htx.com/en-us/apikey/';

const fixtures = useFixtureServer();

/** A message of the built catalogue, so the test asserts exactly what the extension ships. */
function message(browser: (typeof BROWSERS)[number], locale: string, key: string): string {
  const path = join(distPath(browser === 'chromium' ? 'chrome' : 'firefox'), '_locales', locale, 'messages.json');
  const text = (JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string } | undefined>)[key]?.message;
  if (!text) throw new Error(`no ${key} in the built ${locale} catalogue`);
  return text;
}

/** The message as a pattern, its placeholders standing for any text. */
function messagePattern(text: string): RegExp {
  return new RegExp(text.split(/\$[A-Z_]+\$/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+'));
}

describe.each(BROWSERS)('HTX in %s', (browser) => {
  const use = useBrowser(browser, () => ({ hosts: ['www.htx.com'], server: fixtures.server }));
  let session: DriverSession;
  let popup: ExtensionTab;
  let page: Tab;

  const keyCount = async () => (await popup.call('vault.status', {})).keyCount;

  beforeAll(async () => {
    ({ session, popup } = use);
    await createVault(popup, PASSWORD);
    await lock(popup);
  });

  describe('the API page', () => {
    it('warns beside the controls while the key is created, live as the user toggles', async () => {
      page = await session.openPage(API_PAGE, { __fixtureAccess: ACCESS, __fixtureSecret: SECRET });
      await page.waitFor({ role: 'heading', name: /Create API Key/ });
      await waitForNote(page, /No IP whitelist: anyone holding this key/);
      await page.click({ text: 'Trade' });
      await page.click({ text: 'Withdraw' });
      // The create form's warning (the key list below says "Withdraw is enabled on this key.").
      const withdraw = await waitForNote(page, /Withdraw is enabled\. Trading platforms never need it/, 'alert');
      expect(withdraw.text).toMatch(/move your funds out/);
      await page.click({ text: 'Withdraw' });
      await waitForNoNote(page, /Withdraw is enabled\. Trading platforms/);
      await page.fill({ placeholder: /Up to 20 IP/ }, '0.0.0.0/0');
      await waitForNote(page, /0\.0\.0\.0\/0 allows every address/);
      await page.fill({ placeholder: /Up to 20 IP/ }, '203.0.113.7');
      await waitForNoNote(page, /allows every address|No IP whitelist: anyone holding this key/);
    });

    it('captures the one-time secret while the vault is locked, and says so', async () => {
      await page.fill({ placeholder: 'e.g. my-bot' }, 'grid-bot-7');
      await page.click({ role: 'button', name: 'Create' });
      await page.waitFor({ role: 'dialog' });
      const saved = await waitForNote(page, /Saved to your vault/, 'status');
      expect(saved.text).toContain('grid-bot-7');
      expect(saved.text).toContain(ACCESS.slice(-4));
      expect(saved.text).not.toContain(SECRET);
    });

    it('marks the risky keys of the key list, with a summary', async () => {
      const notes = await page.notes();
      expect(notes.some((n) => /risky/.test(n.text))).toBe(true);
      expect(notes.some((n) => /Withdraw is enabled on this key/.test(n.text))).toBe(true);
      expect(notes.filter((n) => /No IP whitelist: any address/.test(n.text))).toHaveLength(1);
    });

    it('shows the captured key in the popup after unlock, with its permissions and IPs', async () => {
      await popup.reload();
      await unlock(popup, PASSWORD);
      await popup.click({ role: 'button', name: /grid-bot-7/ });
      await waitReady(popup, 'detail');
      expect(await popup.text({ css: 'main' })).toContain('203.0.113.7');
      await popup.click({ role: 'button', name: 'Reveal Secret Key' });
      expect(await popup.value({ role: 'textbox', name: 'Secret Key' })).toBe(SECRET);
      const { keys } = await popup.call('keys.list', {});
      const key = keys.find((k) => k.label === 'grid-bot-7');
      expect(key?.permissions).toMatchObject({ trade: true, withdraw: false });
      expect(key?.ipWhitelist).toEqual(['203.0.113.7']);
    });

    it('captures the same key once, however often the dialog is seen', async () => {
      await page.reload();
      await page.waitFor({ role: 'heading', name: /Create API Key/ });
      await page.click({ role: 'button', name: 'Create' });
      await waitForNote(page, /already in your vault/, 'status');
      expect(await keyCount()).toBe(1);
    });

    it('does nothing over plain http', async () => {
      const tab = await session.openPage('http://www.htx.com/en-us/apikey/');
      await tab.waitFor({ role: 'heading', name: /Create API Key/ });
      await tab.click({ text: 'Withdraw' });
      await tab.click({ role: 'button', name: 'Create' });
      await tab.waitFor({ role: 'dialog' });
      await absence();
      expect(await tab.count({ css: 'keyward-inline' })).toBe(0);
      expect(await keyCount()).toBe(1);
      await tab.close();
    });

    it('stores nothing in clear', async () => {
      const dump = await popup.evaluate(dumpStorage);
      expect(findSecrets(dump, { secret: SECRET, access: ACCESS, password: PASSWORD })).toEqual([]);
    });
  });

  describe("the page's language", () => {
    it('speaks Chinese on the Chinese page although the browser is English, and English on the English page', async () => {
      const chinese = await session.openPage('https://www.htx.com/zh-cn/apikey/');
      const warning = await waitForNote(chinese, /未设置 IP 白名单：任何持有此密钥的人都可以从任意地址使用它/, 'status');
      expect(warning.text).not.toMatch(/No IP whitelist/);
      await chinese.close();
      const english = await session.openPage(API_PAGE);
      await waitForNote(english, /No IP whitelist: anyone holding this key can use it from any address/, 'status');
      await absence();
      expect((await english.notes()).some((note) => /[\u4e00-\u9fff]/.test(note.text))).toBe(false);
      await english.close();
    });

    it('speaks Traditional Chinese on the zh-HK page although the browser is English, and captures the key created there', async () => {
      const access = 'd4e6f8a0-99c2d4e6-84f8a0b2-7c3e5';
      const secret = 'a0b1c2d3-e4f5a6b7-c8d9e0f1-2a3b4';
      const before = await keyCount();
      const tab = await session.openPage('https://www.htx.com/zh-hk/apikey/', { __fixtureAccess: access, __fixtureSecret: secret });
      await tab.waitFor({ role: 'heading', name: /創建API Key/ });
      // The create form has no IP yet; the key list's old-grid key may withdraw.
      const ipEmpty = await waitForNote(tab, messagePattern(message(browser, 'zh_TW', 'noteIpEmpty')), 'status');
      expect(ipEmpty.text).not.toMatch(/No IP whitelist|未设置/);
      await waitForNote(tab, messagePattern(message(browser, 'zh_TW', 'noteRowWithdrawOn')));
      await tab.fill({ placeholder: '例如 my-bot' }, 'hk-grid');
      await tab.click({ role: 'button', name: '創建' });
      await tab.waitFor({ role: 'dialog' });
      const saved = await waitForNote(tab, messagePattern(message(browser, 'zh_TW', 'noteCaptureSaved')), 'status');
      expect(saved.text).toContain('hk-grid');
      expect(saved.text).toContain(access.slice(-4));
      expect(saved.text).not.toContain(secret);
      expect(await keyCount()).toBe(before + 1);
      const dump = await popup.evaluate(dumpStorage);
      expect(findSecrets(dump, { secret, access, password: PASSWORD })).toEqual([]);
      await tab.close();
    });
  });

  describe('after a redesign Keyward does not know', () => {
    it("captures at once when the new words stand beside values in HTX's own format", async () => {
      const before = await keyCount();
      const tab = await session.openPage('https://www.htx.com/en-us/apikey/redesign/');
      await waitForNote(tab, /Saved to your vault/, 'status');
      expect(await keyCount()).toBe(before + 1);
      await tab.close();
    });

    it('offers capture by one click, not silently, when the values have a format it does not know', async () => {
      const before = await keyCount();
      const tab = await session.openPage('https://www.htx.com/en-us/apikey/redesign/?format=new');
      await waitForNote(tab, /looks like a new API key/, 'status');
      await absence();
      expect(await keyCount()).toBe(before);
      // A real click on the button in the closed shadow root.
      await tab.clickNoteButton('Save to Keyward');
      await waitForNote(tab, /Saved to your vault/, 'status');
      expect(await keyCount()).toBe(before + 1);
      await tab.close();
    });
  });
});
