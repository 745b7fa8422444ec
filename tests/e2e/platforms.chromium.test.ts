import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, type FixtureServer, assertBuilt, distWithGrantedSites, launchChromium, startFixtureServer } from './harness';
import { FILL_BUTTON, addSiteInPopup, clickKeyward, fieldValues, picker } from './fill-driver';
import { POPUP, createVault, sendFromPage } from './popup-driver';

/**
 * Every platform's fixture filled from a key added earlier, through Keyward's button and picker:
 * values exact, kept after the page re-renders from its own state, the binding recorded. The two
 * self-hosted platforms and a generic bind form are first added in the popup's settings, as a
 * user does; before that, Keyward offers nothing there.
 */

const USER_SITES = ['https://octobot.local/*', 'https://hummingbot.local/*', 'https://bots.example.net/*'];

let server: FixtureServer;
let session: ChromiumSession;
let popup: Page;
let dist: string;

interface Case {
  platform: string;
  url: string;
  host: string;
  exchange: string;
  passphrase?: boolean;
  /** What a person does to bring the form up with the right exchange. */
  prepare?: (page: Page) => Promise<void>;
}

/** Distinct, realistic credentials per case, so that no key is reused across platforms. */
function credentialsFor(n: number, passphrase: boolean) {
  const hex = (seed: number, length: number) =>
    Array.from({ length }, (_, i) => '0123456789abcdef'[(seed * 7 + i * 13 + ((i * i) % 5)) % 16]).join('');
  return { apiKey: `k${n}${hex(n, 63)}`, secret: `s${n}${hex(n + 31, 63)}`, passphrase: passphrase ? `Pass-${n}-phrase!` : '' };
}

const CASES: Case[] = [
  {
    platform: 'Bitsgap',
    url: 'https://app.bitsgap.com/my-exchanges/',
    host: 'app.bitsgap.com',
    exchange: 'binance',
    prepare: async (page) => {
      await page.getByText('Add new exchange').click();
    },
  },
  { platform: 'Cryptohopper', url: 'https://www.cryptohopper.com/config/', host: 'www.cryptohopper.com', exchange: 'binance' },
  {
    platform: 'WunderTrading',
    url: 'https://wundertrading.com/en/api-keys/',
    host: 'wundertrading.com',
    exchange: 'bitget',
    passphrase: true,
    prepare: async (page) => {
      await page.getByText('Bitget', { exact: true }).click();
    },
  },
  { platform: 'Coinrule', url: 'https://web.coinrule.com/exchanges/', host: 'web.coinrule.com', exchange: 'binance' },
  { platform: 'Altrady', url: 'https://app.altrady.com/settings/exchange-api-keys/', host: 'app.altrady.com', exchange: 'binance' },
  { platform: 'Hummingbot', url: 'https://hummingbot.local/credentials/', host: 'hummingbot.local', exchange: 'binance' },
  { platform: 'OctoBot', url: 'https://octobot.local/accounts/', host: 'octobot.local', exchange: 'binance' },
  { platform: 'Other site', url: 'https://bots.example.net/generic-bind/', host: 'bots.example.net', exchange: 'binance' },
];

beforeAll(async () => {
  assertBuilt('chrome');
  server = await startFixtureServer();
  dist = await distWithGrantedSites('chrome', USER_SITES);
  session = await launchChromium({ dist, hosts: [...CASES.map((c) => c.host)], port: server.port, httpPort: server.httpPort });
  popup = await session.openExtensionPage(POPUP);
  await createVault(popup, 'platforms-test-password');
  for (const [n, c] of CASES.entries()) {
    const creds = credentialsFor(n, c.passphrase ?? false);
    const reply = await sendFromPage<{ ok: boolean }>(popup, 'keys.add', {
      input: {
        exchange: c.exchange,
        credentials: creds,
        details: {
          label: `${c.platform} key`,
          account: 'main',
          permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: [] },
          ipWhitelist: ['203.0.113.7'],
          source: { kind: 'manual' },
          notes: '',
        },
      },
    });
    expect(reply.ok).toBe(true);
  }
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function octobotValues(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.card-body[name="binance"] a.editable')].map((a) => a.getAttribute('config-value') ?? ''),
  );
}

async function bindings(label: string): Promise<string[]> {
  const { data } = await sendFromPage<{ data: { keys: { label: string; bindings: { platformHost: string }[] }[] } }>(popup, 'keys.list', {});
  return data.keys.find((k) => k.label === label)?.bindings.map((b) => b.platformHost) ?? [];
}

describe('each platform’s bind form, filled in Chromium', () => {
  it('offers nothing on a self-hosted or other site until the user adds it in the popup', async () => {
    const page = await session.context.newPage();
    await page.goto('https://bots.example.net/generic-bind/');
    await page.waitForTimeout(1200);
    expect(await page.locator(FILL_BUTTON).count()).toBe(0);
    // The popup's check of the active tab finds the form (here asked with the tab's id).
    const tabId = await popup.evaluate(async () => {
      const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs.query({
        url: 'https://bots.example.net/*',
      });
      return tabs[0]?.id ?? -1;
    });
    const probe = await sendFromPage<{ ok: boolean; data: { origin: string; found: string; added: string | null } }>(popup, 'sites.probe', { tabId });
    expect(probe.data).toEqual({ origin: 'https://bots.example.net', found: 'generic', added: null });
    // Adding the site puts the button on the open page at once, without a reload.
    await addSiteInPopup(popup, 'Other site', 'https://bots.example.net');
    await page.locator(FILL_BUTTON).waitFor({ timeout: 10_000 });
    await page.close();
    await addSiteInPopup(popup, 'OctoBot', 'octobot.local');
    await addSiteInPopup(popup, 'Hummingbot', 'https://hummingbot.local/credentials');
    const sites = await sendFromPage<{ data: { sites: { origin: string; platform: string }[] } }>(popup, 'sites.list', {});
    expect(sites.data.sites.map((s) => [s.origin, s.platform])).toEqual([
      ['https://bots.example.net', 'generic'],
      ['https://octobot.local', 'octobot'],
      ['https://hummingbot.local', 'hummingbot'],
    ]);
  });

  it.each(CASES.map((c, n) => [c.platform, c, n] as const))('%s: fills the chosen key exactly, kept after re-render, binding recorded', async (_name, c, n) => {
    const creds = credentialsFor(n, c.passphrase ?? false);
    const page = await session.context.newPage();
    await page.goto(c.url);
    await c.prepare?.(page);
    await page.locator(FILL_BUTTON).first().waitFor({ timeout: 10_000 });
    expect(await fieldValues(page)).not.toContain(creds.secret);
    await clickKeyward(page);
    const frame = await picker(page);
    // The picker says "Loading…" until its session arrives.
    await expect.poll(() => frame.locator('body').innerText()).toContain(c.host);
    // A person takes a moment to choose: the page keeps re-rendering meanwhile.
    await page.waitForTimeout(700);
    await frame.getByRole('button', { name: new RegExp(`${c.platform} key`) }).click();
    const expected = [creds.apiKey, creds.secret, ...(creds.passphrase ? [creds.passphrase] : [])];
    const read = c.platform === 'OctoBot' ? octobotValues : fieldValues;
    await expect.poll(() => read(page), { timeout: 5000 }).toEqual(expect.arrayContaining(expected));
    await page.waitForTimeout(600); // pages re-render from their own state
    expect(await read(page)).toEqual(expect.arrayContaining(expected));
    await expect.poll(() => bindings(`${c.platform} key`)).toEqual([c.host]);
    await page.close();
  });

  it('asks before binding a key that is already bound elsewhere (one key per platform)', async () => {
    const creds = credentialsFor(0, false); // the Bitsgap key, bound to app.bitsgap.com above
    const page = await session.context.newPage();
    await page.goto('https://www.cryptohopper.com/config/');
    await clickKeyward(page);
    const frame = await picker(page);
    const key = frame.getByRole('button', { name: /Bitsgap key/ });
    await expect.poll(() => key.innerText()).toContain('Bound to app.bitsgap.com');
    await key.click();
    await frame.getByText(/Use one key per platform/).waitFor();
    expect(await fieldValues(page)).not.toContain(creds.secret);
    await frame.getByRole('button', { name: 'Fill anyway' }).click();
    await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining([creds.apiKey, creds.secret]));
    await expect.poll(() => bindings('Bitsgap key')).toEqual(['app.bitsgap.com', 'www.cryptohopper.com']);
    await page.close();
  });

  it('takes the site back when the user removes it: no button, and the background refuses', async () => {
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByRole('button', { name: 'Remove bots.example.net' }).click();
    await popup.getByText('Keyward no longer fills on bots.example.net.').waitFor();
    const page = await session.context.newPage();
    await page.goto('https://bots.example.net/generic-bind/');
    await page.waitForTimeout(1200);
    expect(await page.locator(FILL_BUTTON).count()).toBe(0);
    await page.close();
    await popup.getByRole('button', { name: 'Back to keys' }).click();
  });
});
