import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeId, KeySummary } from '../../src/core/records';
import { WATCHER_GLOBAL } from '../../src/content/exchange';
import { exchangeById } from '../../src/exchanges/registry';
import { type ChromiumSession, type FixtureServer, assertBuilt, distPath, launchChromium, startFixtureServer } from './harness';
import { waitForNote } from './inline-notes';
import { POPUP, createVault, lock, sendFromPage } from './popup-driver';
import { dumpStorage, findSecrets } from './storage-scan';

/**
 * Official hosts, API pages at addresses no route pattern of Keyward knows (another locale,
 * singular or plural, a hash route, another settings path), written from the exchanges' public
 * help: Keyward must recognise each by what it shows, load its page reader, warn, and capture the
 * new key's secret while the vault is locked. And the reverse: a trading page and an account page
 * whose menus merely link to API Management must not load the reader.
 *
 * Whether the reader is loaded is read from the extension's own isolated world in the page (the
 * handle the watcher bundle installs), through the DevTools protocol: no page script can see it.
 */

const PASSWORD = 'unseen-routes-password-1';
/** Long enough for the light script's first look (at load) and one more a second later. */
const QUIET_MS = 2_500;

const WITHDRAW_NOTE = /Withdraw is enabled\. Trading platforms never need it/;
const IP_NOTE = /No IP whitelist: anyone holding this key can use it from any address/;

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
  flow: (page: Page, c: UnseenCase) => Promise<void>;
}

let server: FixtureServer;
let session: ChromiumSession;
let popup: Page;
const saved = new Set<ExchangeId>();

/** Whether the watcher bundle has been injected into the page's top frame, in Keyward's isolated world. */
async function watcherLoaded(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    // Existing contexts are reported as events before enable() answers.
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ours = contexts.filter(
      (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.includes(session.extensionId),
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

async function expectLoaded(page: Page): Promise<void> {
  await expect.poll(() => watcherLoaded(page), { timeout: 6_000, interval: 200 }).toBe(true);
}

async function expectNotLoaded(page: Page): Promise<void> {
  await page.waitForTimeout(QUIET_MS);
  expect(await watcherLoaded(page)).toBe(false);
}

async function open(c: UnseenCase, path = c.path): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(
    ([access, secret]) => {
      Object.assign(window, { __fixtureAccess: access, __fixtureSecret: secret });
    },
    [c.access, c.secret] as const,
  );
  await page.goto(`https://${c.host}${path}`);
  return page;
}

/** Soft: a missing warning fails the test but the flow goes on, so the capture is still checked. */
async function expectWarnings(page: Page): Promise<void> {
  await expect.soft(waitForNote(page, WITHDRAW_NOTE, 'alert'), 'withdraw warning').resolves.toBeTruthy();
  await expect.soft(waitForNote(page, IP_NOTE, 'status'), 'empty IP whitelist warning').resolves.toBeTruthy();
}

async function expectSaved(page: Page, c: UnseenCase): Promise<void> {
  const note = await waitForNote(page, /Saved to your vault, encrypted/, 'status', 8_000);
  expect(note.text).toContain(c.access.slice(-4));
  expect(note.text).not.toContain(c.secret);
  saved.add(c.id);
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
    flow: async (page, c) => {
      await page.getByRole('button', { name: 'Create API Key' }).click();
      await page.getByPlaceholder('Name your key').fill(c.label);
      await page.getByText('Withdraw', { exact: true }).click();
      await expectWarnings(page);
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByPlaceholder('Email code').fill('123456');
      await page.getByPlaceholder('2FA code').fill('654321');
      await page.getByRole('button', { name: 'Submit' }).click();
      await expectSaved(page, c);
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
    flow: async (page, c) => {
      await page.getByRole('button', { name: 'Create API' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Label API Key to proceed').fill(c.label);
      await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Email verification code').fill('123456');
      await page.getByLabel('Authenticator app code').fill('654321');
      await page.getByRole('button', { name: 'Submit' }).click();
      await expectSaved(page, c);
      // Binance restricts a key after creating it; withdrawals only once IPs are restricted.
      const card = page.locator('.card').filter({ hasText: c.label });
      await card.getByRole('button', { name: 'Edit restrictions' }).click();
      await card.getByText('Restrict access to trusted IPs only (Recommended)').click();
      await card.getByText('Enable Withdrawals').click();
      await expectWarnings(page);
      await card.getByRole('button', { name: 'Save' }).click();
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
    flow: async (page, c) => {
      await page.getByRole('button', { name: '创建 API Key' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByPlaceholder('请输入备注名').fill(c.label);
      await dialog.getByPlaceholder('8-32 位字母、数字和符号').fill(c.passphrase ?? '');
      await dialog.getByText('提现 (Withdraw)').click();
      await expectWarnings(page);
      await dialog.getByRole('button', { name: '确认' }).click();
      await dialog.getByPlaceholder('邮箱验证码').fill('123456');
      await dialog.getByPlaceholder('谷歌验证码').fill('654321');
      await dialog.getByRole('button', { name: '提交' }).click();
      await expectSaved(page, c);
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
    flow: async (page, c) => {
      await page.getByRole('button', { name: 'Создать новый ключ' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByPlaceholder('Введите название ключа').fill(c.label);
      await drawer.getByText('Вывод средств', { exact: true }).click();
      await expectWarnings(page);
      await drawer.getByRole('button', { name: 'Отправить' }).click();
      await page.getByPlaceholder('Код Google Authenticator').fill('123456');
      await page.getByRole('button', { name: 'Подтвердить' }).click();
      await expectSaved(page, c);
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
    flow: async (page, c) => {
      await page.getByRole('button', { name: 'Create API key' }).click();
      await page.getByLabel('Name', { exact: true }).fill(c.label);
      await page.getByText('Withdraw Funds', { exact: true }).click();
      await expectWarnings(page);
      await page.getByRole('button', { name: 'Generate key' }).click();
      await page.getByPlaceholder('Authenticator code').fill('123456');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expectSaved(page, c);
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
    flow: async (page, c) => {
      await page.getByRole('button', { name: 'Create API Key' }).click();
      const panel = page.getByRole('dialog');
      await panel.getByPlaceholder('Remark').fill(c.label);
      await panel.locator('.area').filter({ hasText: 'Wallet' }).getByText('Read-write').click();
      await expectWarnings(page);
      await panel.getByRole('button', { name: 'Submit' }).click();
      await page.getByPlaceholder('Fund password').fill('fund-pass-1');
      await page.getByPlaceholder('Google Authenticator code').fill('123456');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await expectSaved(page, c);
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
  flow: async (page, c) => {
    await page.getByLabel('Notes').fill(c.label);
    await page.getByRole('button', { name: 'New key' }).click();
    await page.getByRole('dialog').waitFor();
    await expectLoaded(page);
    await expectSaved(page, c);
  },
};

const ALL = [...CASES, MEXC];

beforeAll(async () => {
  assertBuilt('chrome');
  server = await startFixtureServer();
  session = await launchChromium({
    dist: distPath('chrome'),
    hosts: ALL.map((c) => c.host),
    port: server.port,
    httpPort: server.httpPort,
  });
  popup = await session.openExtensionPage(POPUP);
  await createVault(popup, PASSWORD);
  await lock(popup);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('API pages on routes no pattern knows (Chromium, vault locked)', () => {
  it('uses credentials of the shape each exchange issues, none twice', () => {
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

  it('htx: the user center menu links to API Management on every route; the reader loads only on #/user/apikeys', async () => {
    const htx = CASES[0];
    if (!htx) throw new Error('no htx case');
    const page = await open(htx, '/en-us/user-center/#/security');
    await page.getByRole('heading', { name: 'Security' }).waitFor();
    await expectNotLoaded(page);
    await page.locator('.side').getByRole('link', { name: 'API Management' }).click();
    await page.getByRole('heading', { name: 'API Management' }).waitFor();
    await expectLoaded(page);
    await htx.flow(page, htx);
  });

  for (const c of CASES.slice(1)) {
    it(`${c.id}: ${c.path} (${c.shows}) loads the reader, warns, and captures the new key`, async () => {
      const page = await open(c);
      await expectLoaded(page);
      await c.flow(page, c);
    });
  }

  it(`mexc: ${MEXC.path} (${MEXC.shows}) loads the reader only when the secret is shown, and captures it`, async () => {
    const page = await open(MEXC);
    await expectNotLoaded(page);
    await MEXC.flow(page, MEXC);
  });

  it('keeps each captured key: exchange, label, and the exact key, secret and passphrase', async () => {
    const unlocked = await sendFromPage<{ ok: boolean }>(popup, 'vault.unlock', { password: PASSWORD });
    expect(unlocked.ok).toBe(true);
    const stored = (await sendFromPage<{ ok: true; data: { keys: KeySummary[] } }>(popup, 'keys.list', {})).data.keys;
    for (const c of ALL.filter((x) => saved.has(x.id))) {
      const found = stored.filter((k) => k.exchange === c.id);
      expect(found, `${c.id}: one stored key`).toHaveLength(1);
      const [key] = found;
      if (!key) continue;
      expect(key.apiKeyTail, `${c.id} tail`).toBe(c.access.slice(-4));
      expect(key.source.kind, `${c.id} source`).toBe('capture');
      const reveal = async (field: 'apiKey' | 'secret' | 'passphrase') =>
        (await sendFromPage<{ ok: true; data: { value: string } }>(popup, 'keys.reveal', { id: key.id, field })).data.value;
      expect(await reveal('apiKey'), `${c.id} API key`).toBe(c.access);
      expect(await reveal('secret'), `${c.id} secret`).toBe(c.secret);
      if (c.passphrase !== undefined) expect(await reveal('passphrase'), `${c.id} passphrase`).toBe(c.passphrase);
    }
    expect([...saved].sort()).toEqual(ALL.map((c) => c.id).sort());
  });

  it('stores no key, secret, passphrase or password in clear', async () => {
    const worker = await session.serviceWorker();
    const dump = await worker.evaluate(dumpStorage);
    const secrets: Record<string, string> = { password: PASSWORD };
    for (const c of ALL) {
      secrets[`${c.id} key`] = c.access;
      secrets[`${c.id} secret`] = c.secret;
      if (c.passphrase) secrets[`${c.id} passphrase`] = c.passphrase;
    }
    expect(findSecrets(dump, secrets)).toEqual([]);
  });
});

describe('pages that only link to API Management', () => {
  it('a trading page streaming its order book does not load the reader', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.htx.com/en-us/trade/btc_usdt/?rate=500');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __rowsChanged?: number }).__rowsChanged ?? 0)).toBeGreaterThan(0);
    await expectNotLoaded(page);
    await page.mouse.click(10, 200);
    await expectNotLoaded(page);
    await page.close();
  });

  it('an account dashboard with API Management in its menus, dropdown and shortcuts does not load the reader', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.binance.com/en-GB/my/dashboard/');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expectNotLoaded(page);
    await page.getByText('Estimated Balance').click();
    await expectNotLoaded(page);
    await page.close();
  });
});
