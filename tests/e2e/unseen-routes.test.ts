import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeId } from '../../src/core/records';
import { WATCHER_GLOBAL } from '../../src/content/exchange';
import { exchangeById } from '../../src/exchanges/registry';
import { BROWSERS, useBrowser, useFixtureServer, type DriverSession, type ExtensionTab, type Tab, type Target, absence, createVault, lock, playwrightPageOf, waitForNote } from './driver';
import { expectCapturedExactly, secretsOf, storedKeyOf } from './captures';
import { dumpStorage, findSecrets } from './storage-scan';

/**
 * Official hosts, API pages at addresses no route pattern of Keyward knows (another locale,
 * singular or plural, a hash route, another settings path), written from the exchanges' public
 * help: Keyward must recognise each by what it shows, load its page reader, warn, and capture the
 * new key's secret while the vault is locked. And the reverse: a trading page and an account page
 * whose menus merely link to API Management must not load the reader.
 *
 * Whether the reader is loaded is read, in Chromium, from the extension's own isolated world in
 * the page (the handle the watcher bundle installs) through the DevTools protocol: no page script
 * can see it. Firefox gives a driver no look into a content script's world: there the reader's
 * own notes are the proof that it loaded, and a page with no form to warn about cannot tell.
 */

const PASSWORD = 'unseen-routes-password-1';

// The notes follow the page's language (the Chinese and Russian routes get Chinese and Russian
// notes in an English browser; exchange-htx.test.ts checks which language where).
const WITHDRAW_NOTE = /Withdraw is enabled\. Trading platforms never need it|已开启提币权限。交易平台从不需要此权限|Включён вывод средств\. Торговым платформам он никогда не нужен/;
const IP_NOTE = /No IP whitelist: anyone holding this key can use it from any address|未设置 IP 白名单：任何持有此密钥的人|Нет белого списка IP: любой, у кого есть этот ключ/;
const SAVED_NOTE = /Saved to your vault, encrypted|已加密保存到您的保险库|Зашифровано и сохранено в вашем хранилище/;
const DIALOG: Target = { role: 'dialog' };
const NO_READER_LOOK = 'Firefox gives a driver no look into the content scripts\' world, and these pages show no note either way';

interface UnseenCase {
  id: ExchangeId;
  host: string;
  path: string;
  access: string;
  secret: string;
  passphrase?: string;
  label: string;
  /** What the page shows that names API management (for the test's name). */
  shows: string;
  /** Opens the create form, sets withdraw and leaves the IP whitelist empty, asserting the warnings; then creates the key. */
  flow: (page: Tab, c: UnseenCase, session: DriverSession) => Promise<void>;
}

/** Whether the watcher bundle has been injected into the page's top frame, in Keyward's isolated world (Chromium). */
async function watcherLoaded(session: DriverSession, tab: Tab): Promise<boolean> {
  if (session.browser !== 'chromium') throw new Error(NO_READER_LOOK);
  const page: Page = playwrightPageOf(tab);
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    // Existing contexts are reported as events before enable() answers.
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ours = contexts.filter(
      (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.includes(session.harness.extensionId),
    );
    for (const context of ours) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `typeof globalThis[${JSON.stringify(WATCHER_GLOBAL)}] === 'object'`,
        contextId: context.id,
        returnByValue: true,
      });
      if (result.value === true) return true;
    }
    return false;
  } finally {
    await cdp.detach();
  }
}

/** Chromium: the reader is in the page. Firefox: its notes, which the flow waits for next, prove it. */
async function expectLoaded(session: DriverSession, page: Tab): Promise<void> {
  if (session.browser !== 'chromium') return;
  await expect.poll(() => watcherLoaded(session, page), { timeout: 6_000, interval: 200 }).toBe(true);
}

/** The reader stays out: Chromium looks into its world; Firefox can only see that no note came. */
async function expectNotLoaded(session: DriverSession, page: Tab): Promise<void> {
  await absence();
  if (session.browser === 'chromium') expect(await watcherLoaded(session, page)).toBe(false);
  else expect(await page.notes()).toEqual([]);
}

/** Soft: a missing warning fails the test but the flow goes on, so the capture is still checked. */
async function expectWarnings(page: Tab): Promise<void> {
  await expect.soft(waitForNote(page, WITHDRAW_NOTE, 'alert'), 'withdraw warning').resolves.toBeTruthy();
  await expect.soft(waitForNote(page, IP_NOTE, 'status'), 'empty IP whitelist warning').resolves.toBeTruthy();
}

const saved = new Map<DriverSession, Set<ExchangeId>>();

async function expectSaved(page: Tab, c: UnseenCase, session: DriverSession): Promise<void> {
  const note = await waitForNote(page, SAVED_NOTE, 'status');
  expect(note.text).toContain(c.access.slice(-4));
  expect(note.text).not.toContain(c.secret);
  saved.get(session)?.add(c.id);
}

const CASES: UnseenCase[] = [
  {
    id: 'htx',
    host: 'www.htx.com',
    // The test starts on #/security and follows the menu to #/user/apikeys.
    path: '/en-us/user-center/#/user/apikeys',
    access: 'e2b4d6f8-99a1c3e5-84b6d8f0-7e1a3',
    secret: 'd1e2f3a4-b5c6d7e8-f9a0b1c2-d3e4f',
    label: 'htx-unseen-1',
    shows: 'a hash route, heading "API Management"',
    flow: async (page, c, session) => {
      await page.click({ role: 'button', name: 'Create API Key' });
      await page.fill({ placeholder: 'Name your key' }, c.label);
      await page.click({ text: 'Withdraw' });
      await expectWarnings(page);
      await page.click({ role: 'button', name: 'Confirm' });
      await page.fill({ placeholder: 'Email code' }, '123456');
      await page.fill({ placeholder: '2FA code' }, '654321');
      await page.click({ role: 'button', name: 'Submit' });
      await expectSaved(page, c, session);
    },
  },
  {
    id: 'binance',
    host: 'www.binance.com',
    path: '/en-GB/my/settings/api-keys/',
    access: 'ox9yimTcfipZGnzPbDFDyFKm51zfFoWbSrHAE56yUhQqg0eyN1ygQdvpSfF5PH5n',
    secret: 'LZjMeI8cFSmj83LDUL4CsJw24BikWMgISuSw8P1FGNmtjwHsGQeZ52G6SIowp6as',
    label: 'bn-unseen-2',
    shows: 'a selected tab "API Keys", a "Create API" button',
    flow: async (page, c, session) => {
      await page.click({ role: 'button', name: 'Create API' });
      await page.click({ role: 'button', name: 'Next', within: DIALOG });
      await page.fill({ label: 'Label API Key to proceed' }, c.label);
      await page.click({ role: 'button', name: 'Next', within: DIALOG });
      await page.fill({ label: 'Email verification code' }, '123456');
      await page.fill({ label: 'Authenticator app code' }, '654321');
      await page.click({ role: 'button', name: 'Submit' });
      await expectSaved(page, c, session);
      // Binance restricts a key after creating it; withdrawals only once IPs are restricted.
      const card: Target = { css: '.card', hasText: c.label };
      await page.click({ role: 'button', name: 'Edit restrictions', within: card });
      await page.click({ text: 'Restrict access to trusted IPs only (Recommended)', within: card });
      await page.click({ text: 'Enable Withdrawals', within: card });
      await expectWarnings(page);
      await page.click({ role: 'button', name: 'Save', within: card });
    },
  },
  {
    id: 'okx',
    host: 'www.okx.com',
    path: '/zh-hans/account/api/',
    access: '5f7b9d1e-3a5c-4e7f-9b1d-3f5a7c9e1b63',
    secret: '17bfbf59480e98e99cfe2fea43bebfc6',
    passphrase: 'Okx-Unseen-3!',
    label: 'okx-unseen-3',
    shows: 'a button "创建 API Key" (Chinese)',
    flow: async (page, c, session) => {
      await page.click({ role: 'button', name: '创建 API Key' });
            await page.fill({ placeholder: '请输入备注名', within: DIALOG }, c.label);
      await page.fill({ placeholder: '8-32 位字母、数字和符号', within: DIALOG }, c.passphrase ?? '');
      await page.click({ text: '提现 (Withdraw)', within: DIALOG });
      await expectWarnings(page);
      await page.click({ role: 'button', name: '确认', within: DIALOG });
      await page.fill({ placeholder: '邮箱验证码', within: DIALOG }, '123456');
      await page.fill({ placeholder: '谷歌验证码', within: DIALOG }, '654321');
      await page.click({ role: 'button', name: '提交', within: DIALOG });
      await expectSaved(page, c, session);
    },
  },
  {
    id: 'bybit',
    host: 'www.bybit.com',
    path: '/ru-RU/user/api-management/',
    access: 'vorcBqyt1T5AlQzhk7Q2',
    secret: 'bmXkthaYWyv1kKB5oiAKCAAfLesTgcfQgWHHxjZ7',
    label: 'bybit-unseen-4',
    shows: 'heading "Управление API" (Russian)',
    flow: async (page, c, session) => {
      await page.click({ role: 'button', name: 'Создать новый ключ' });
            await page.fill({ placeholder: 'Введите название ключа', within: DIALOG }, c.label);
      await page.click({ text: 'Вывод средств', within: DIALOG });
      await expectWarnings(page);
      await page.click({ role: 'button', name: 'Отправить', within: DIALOG });
      await page.fill({ placeholder: 'Код Google Authenticator' }, '123456');
      await page.click({ role: 'button', name: 'Подтвердить' });
      await expectSaved(page, c, session);
    },
  },
  {
    id: 'kraken',
    host: 'pro.kraken.com',
    path: '/settings/api-keys/',
    access: '+UwgYQhHrsU9mbOmuwH/ax8QWFus3OI9KmZy/vJPwz4350DhLvHJuOlz',
    secret: 'GmUZ5Dk3bAILut0vZnWlxGQDlJcopM5ylyjWvaSatpc3ZPi9wZ9plMvEtrnaZPopiVMj/4rWO4yVjImN0n25fQ==',
    label: 'kraken-unseen-5',
    shows: 'heading "API keys", a "Create API key" button',
    flow: async (page, c, session) => {
      await page.click({ role: 'button', name: 'Create API key' });
      await page.fill({ label: 'Name' }, c.label);
      await page.click({ text: 'Withdraw Funds' });
      await expectWarnings(page);
      await page.click({ role: 'button', name: 'Generate key' });
      await page.fill({ placeholder: 'Authenticator code' }, '123456');
      await page.click({ role: 'button', name: 'Continue' });
      await expectSaved(page, c, session);
    },
  },
  {
    id: 'gate',
    host: 'www.gate.com',
    path: '/apikey/',
    access: '7e776bf33c25d1406823ee924b2a124b',
    secret: '271a79ba23bd558c4d237295a631155a97f32447a6d554e1e9ddbfb598f48f96',
    label: 'gate-unseen-6',
    shows: 'the title "API Management | Gate.com"',
    flow: async (page, c, session) => {
      await page.click({ role: 'button', name: 'Create API Key' });
            await page.fill({ placeholder: 'Remark', within: DIALOG }, c.label);
      await page.click({ text: 'Read-write', within: { css: '.area', hasText: 'Wallet' } });
      await expectWarnings(page);
      await page.click({ role: 'button', name: 'Submit', within: DIALOG });
      await page.fill({ placeholder: 'Fund password' }, 'fund-pass-1');
      await page.fill({ placeholder: 'Google Authenticator code' }, '123456');
      await page.click({ role: 'button', name: 'Confirm' });
      await expectSaved(page, c, session);
    },
  },
];

/** Recognised only by the new secret beside its label: no warnings before, the capture after. */
const MEXC: UnseenCase = {
  id: 'mexc',
  host: 'www.mexc.com',
  path: '/en-GB/user/openapi-v2/',
  access: 'mx0KHzXi0FPEhszcc3x',
  secret: '9bc04025e4d3b1bb3a3f57fbbbdb14a1',
  label: 'mexc-unseen-7',
  shows: 'only "Secret Key:" beside the new secret',
  flow: async (page, c, session) => {
    await page.fill({ label: 'Notes' }, c.label);
    await page.click({ role: 'button', name: 'New key' });
    await page.waitFor(DIALOG);
    await expectLoaded(session, page);
    await expectSaved(page, c, session);
  },
};

const ALL = [...CASES, MEXC];

it('uses credentials of the shape each exchange issues, none twice, on routes no pattern knows', () => {
  for (const c of ALL) {
    const { credentials } = exchangeById(c.id);
    expect(credentials.apiKeyPatterns.some((p) => p.test(c.access)), `${c.id} API key`).toBe(true);
    expect(credentials.secretPatterns.some((p) => p.test(c.secret)), `${c.id} secret`).toBe(true);
    expect(c.passphrase !== undefined, `${c.id} passphrase`).toBe(credentials.passphrase);
    for (const pattern of exchangeById(c.id).page?.apiPages ?? []) {
      expect(pattern.test(c.path), `${c.id}: ${c.path} must be a route no pattern knows`).toBe(false);
    }
  }
  expect(new Set(ALL.map((c) => c.access.slice(-4))).size).toBe(ALL.length);
});

const fixtures = useFixtureServer();

describe.each(BROWSERS)('API pages on routes no pattern knows, in %s (vault locked)', (browser) => {
  const use = useBrowser(browser, () => ({ hosts: ALL.map((c) => c.host), server: fixtures.server }));
  let session: DriverSession;
  let popup: ExtensionTab;
  const open = (c: UnseenCase, path = c.path) => session.openPage(`https://${c.host}${path}`, { __fixtureAccess: c.access, __fixtureSecret: c.secret });

  beforeAll(async () => {
    ({ session } = use);
    saved.set(session, new Set());
    popup = use.popup;
    await createVault(popup, PASSWORD);
    await lock(popup);
  });

  describe('recognised by what they show', () => {
    it('htx: the user center menu links to API Management on every route; the reader loads only on #/user/apikeys', async () => {
      const htx = CASES[0];
      if (!htx) throw new Error('no htx case');
      const page = await open(htx, '/en-us/user-center/#/security');
      await page.waitFor({ role: 'heading', name: 'Security' });
      await expectNotLoaded(session, page);
      await page.click({ role: 'link', name: 'API Management', within: { css: '.side' } });
      await page.waitFor({ role: 'heading', name: 'API Management' });
      await expectLoaded(session, page);
      await htx.flow(page, htx, session);
    });

    it.each(CASES.slice(1).map((c) => [c.id, c.path, c.shows, c] as const))('%s: %s (%s) loads the reader, warns, and captures the new key', async (_id, _path, _shows, c) => {
      const page = await open(c);
      await expectLoaded(session, page);
      await c.flow(page, c, session);
    });

    it(`mexc: ${MEXC.path} (${MEXC.shows}) loads the reader only when the secret is shown, and captures it`, async () => {
      const page = await open(MEXC);
      await expectNotLoaded(session, page);
      await MEXC.flow(page, MEXC, session);
    });

    it('keeps each captured key: exchange, label, and the exact key, secret and passphrase', async () => {
      await popup.call('vault.unlock', { password: PASSWORD });
      const stored = (await popup.call('keys.list', {})).keys;
      const done = saved.get(session) ?? new Set();
      for (const c of ALL.filter((x) => done.has(x.id))) await expectCapturedExactly(popup, storedKeyOf(stored, c.id), c);
      expect([...done].sort()).toEqual(ALL.map((c) => c.id).sort());
    });

    it('stores no key, secret, passphrase or password in clear', async () => {
      const dump = await popup.evaluate(dumpStorage);
      expect(findSecrets(dump, secretsOf(ALL, PASSWORD))).toEqual([]);
    });
  });

  describe.skipIf(browser === 'firefox')(`pages that only link to API Management (Chromium only: ${NO_READER_LOOK})`, () => {
    it('a trading page streaming its order book does not load the reader', async () => {
      const page = await session.openPage('https://www.htx.com/en-us/trade/btc_usdt/?rate=500');
      await page.waitUntil(() => ((window as unknown as { __rowsChanged?: number }).__rowsChanged ?? 0) > 0, undefined);
      await expectNotLoaded(session, page);
      await page.clickAt(10, 200);
      await expectNotLoaded(session, page);
      await page.close();
    });

    it('an account dashboard with API Management in its menus, dropdown and shortcuts does not load the reader', async () => {
      const page = await session.openPage('https://www.binance.com/en-GB/my/dashboard/');
      await page.waitFor({ role: 'heading', name: 'Dashboard' });
      await expectNotLoaded(session, page);
      await page.click({ text: 'Estimated Balance' });
      await expectNotLoaded(session, page);
      await page.close();
    });
  });
});
