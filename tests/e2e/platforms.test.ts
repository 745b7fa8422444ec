import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distWithGrantedSites } from './harness';
import {
  BROWSERS,
  useBrowser,
  useFixtureServer,
  type DriverSession,
  type ExtensionTab,
  FILL_BUTTON,
  
  type Tab,
  absence,
  addSiteInPopup,
    backToList,
  createVault,
  fieldValues,
  waitReady,
} from './driver';

/**
 * Every platform's fixture filled from a key added earlier, through Keyward's button and picker:
 * values exact, kept after the page re-renders from its own state, the binding recorded. The two
 * self-hosted platforms and a generic bind form are first added in the popup's settings, as a
 * user does; before that, Keyward offers nothing there.
 */

const USER_SITES = ['https://octobot.local/*', 'https://hummingbot.local/*', 'https://bots.example.net/*'];

interface Case {
  /** The platform's id in src/platforms/registry.ts ('generic' for any other site). */
  id: string;
  /** Its name in the picker and the popup. */
  platform: string;
  url: string;
  host: string;
  exchange: 'binance' | 'bitget';
  passphrase?: boolean;
  /** What a person does to bring the form up with the right exchange. */
  prepare?: (page: Tab) => Promise<void>;
}

/** Distinct, realistic credentials per case, so that no key is reused across platforms. */
function credentialsFor(n: number, passphrase: boolean) {
  const hex = (seed: number, length: number) =>
    Array.from({ length }, (_, i) => '0123456789abcdef'[(seed * 7 + i * 13 + ((i * i) % 5)) % 16]).join('');
  return { apiKey: `k${n}${hex(n, 63)}`, secret: `s${n}${hex(n + 31, 63)}`, passphrase: passphrase ? `Pass-${n}-phrase!` : '' };
}

const CASES: Case[] = [
  {
    id: 'bitsgap',
    platform: 'Bitsgap',
    url: 'https://app.bitsgap.com/my-exchanges/',
    host: 'app.bitsgap.com',
    exchange: 'binance',
    prepare: (page) => page.click({ text: 'Add new exchange' }),
  },
  { id: 'cryptohopper', platform: 'Cryptohopper', url: 'https://www.cryptohopper.com/config/', host: 'www.cryptohopper.com', exchange: 'binance' },
  {
    id: 'wundertrading',
    platform: 'WunderTrading',
    url: 'https://wundertrading.com/en/api-keys/',
    host: 'wundertrading.com',
    exchange: 'bitget',
    passphrase: true,
    prepare: (page) => page.click({ text: 'Bitget' }),
  },
  { id: 'coinrule', platform: 'Coinrule', url: 'https://web.coinrule.com/exchanges/', host: 'web.coinrule.com', exchange: 'binance' },
  { id: 'altrady', platform: 'Altrady', url: 'https://app.altrady.com/settings/exchange-api-keys/', host: 'app.altrady.com', exchange: 'binance' },
  { id: 'hummingbot', platform: 'Hummingbot', url: 'https://hummingbot.local/credentials/', host: 'hummingbot.local', exchange: 'binance' },
  { id: 'octobot', platform: 'OctoBot', url: 'https://octobot.local/accounts/', host: 'octobot.local', exchange: 'binance' },
  { id: 'generic', platform: 'Other site', url: 'https://bots.example.net/generic-bind/', host: 'bots.example.net', exchange: 'binance' },
  {
    id: 'threecommas',
    platform: '3Commas',
    url: 'https://app.3commas.io/accounts/new/',
    host: 'app.3commas.io',
    exchange: 'binance',
    prepare: async (page) => {
      await page.click({ role: 'combobox' });
      await page.click({ role: 'option', name: 'Binance Spot' });
    },
  },
];

/** OctoBot keeps the values in its x-editable anchors' config-value. */
function octobotValues(page: Tab): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.card-body[name="binance"] a.editable')].map((a) => a.getAttribute('config-value') ?? ''));
}

const fixtures = useFixtureServer();

describe.each(BROWSERS)('each platform’s bind form, filled in %s', (browser) => {
  const use = useBrowser(browser, async () => {
    // Headless browsers cannot answer the permission prompt: the copy already holds the grant, so
    // the popup's permissions.request() resolves true and everything after it runs as shipped.
    dist = await distWithGrantedSites(browser === 'chromium' ? 'chrome' : 'firefox', USER_SITES);
    return { hosts: CASES.map((c) => c.host), server: fixtures.server, dist };
  });
  let session: DriverSession;
  let popup: ExtensionTab;
  let dist = '';

  const bindings = async (label: string) => (await popup.call('keys.list', {})).keys.find((k) => k.label === label)?.bindings.map((b) => b.platformHost) ?? [];

  beforeAll(async () => {
    ({ session, popup } = use);
    await createVault(popup, 'platforms-test-password');
    for (const [n, c] of CASES.entries()) {
      await popup.call('keys.add', {
        input: {
          exchange: c.exchange,
          credentials: credentialsFor(n, c.passphrase ?? false),
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
    }
    // Opened anew, the popup shows the unlocked vault's list (the messages above left it on "create").
    await popup.reload();
    await waitReady(popup, 'list');
  });

  afterAll(async () => {
    await session?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  it('offers nothing on a self-hosted or other site until the user adds it in the popup', async () => {
    const page = await session.openPage('https://bots.example.net/generic-bind/');
    await absence(); // proves an absence: no button
    expect(await page.count({ css: FILL_BUTTON })).toBe(0);
    // The popup's check of the active tab finds the form (here asked with the tab's id).
    const tabId = await popup.evaluate(async () => {
      interface Tabs {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
      }
      const scope = globalThis as unknown as { browser?: Tabs; chrome?: Tabs };
      const tabs = (await (scope.browser ?? scope.chrome)?.tabs.query({ url: 'https://bots.example.net/*' })) ?? [];
      return tabs[0]?.id ?? -1;
    });
    expect(await popup.call('sites.probe', { tabId })).toEqual({ origin: 'https://bots.example.net', found: 'generic', added: null });
    // Adding the site puts the button on the open page at once, without a reload.
    await addSiteInPopup(popup, 'Other site', 'https://bots.example.net');
    await page.waitFor({ css: FILL_BUTTON });
    await page.close();
    await addSiteInPopup(popup, 'OctoBot', 'octobot.local');
    await addSiteInPopup(popup, 'Hummingbot', 'https://hummingbot.local/credentials');
    const { sites } = await popup.call('sites.list', {});
    expect(sites.map((s) => [s.origin, s.platform])).toEqual([
      ['https://bots.example.net', 'generic'],
      ['https://octobot.local', 'octobot'],
      ['https://hummingbot.local', 'hummingbot'],
    ]);
  });

  it.each(CASES.map((c, n) => [c.platform, c, n] as const))('%s: fills the chosen key exactly, kept after re-render, binding recorded', async (_name, c, n) => {
    const creds = credentialsFor(n, c.passphrase ?? false);
    const page = await session.openPage(c.url);
    await c.prepare?.(page);
    await page.waitFor({ css: FILL_BUTTON });
    expect(await fieldValues(page)).not.toContain(creds.secret);
    const picker = await session.openPicker(page);
    // The picker says "Loading…" until its session arrives.
    await picker.waitFor({ text: new RegExp(c.host.replace(/\./g, '\\.')) });
    await picker.click({ role: 'button', name: new RegExp(`${c.platform} key`) });
    const expected = [creds.apiKey, creds.secret, ...(creds.passphrase ? [creds.passphrase] : [])];
    const read = c.id === 'octobot' ? octobotValues : fieldValues;
    await expect.poll(() => read(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(expected));
    await absence(); // pages re-render from their own state: the values must stay
    expect(await read(page)).toEqual(expect.arrayContaining(expected));
    await expect.poll(() => bindings(`${c.platform} key`)).toEqual([c.host]);
    await page.close();
  });

  it('asks before binding a key that is already bound elsewhere (one key per platform)', async () => {
    const creds = credentialsFor(0, false); // the Bitsgap key, bound to app.bitsgap.com above
    const page = await session.openPage('https://www.cryptohopper.com/config/');
    const picker = await session.openPicker(page);
    const key = { role: 'button', name: /Bitsgap key/ } as const;
    await expect.poll(() => picker.text(key)).toContain('Bound to app.bitsgap.com');
    await picker.click(key);
    await picker.waitFor({ text: /Use one key per platform/ });
    expect(await fieldValues(page)).not.toContain(creds.secret);
    await picker.click({ role: 'button', name: 'Fill anyway' });
    await expect.poll(() => fieldValues(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([creds.apiKey, creds.secret]));
    await expect.poll(() => bindings('Bitsgap key')).toEqual(['app.bitsgap.com', 'www.cryptohopper.com']);
    await page.close();
  });

  it('takes the site back when the user removes it: no button, and the background refuses', async () => {
    await popup.click({ role: 'button', name: 'Settings' });
    await popup.click({ role: 'button', name: 'Remove bots.example.net' });
    await popup.waitFor({ text: 'Keyward no longer fills on bots.example.net.' });
    const page = await session.openPage('https://bots.example.net/generic-bind/');
    await absence(); // proves an absence: no button
    expect(await page.count({ css: FILL_BUTTON })).toBe(0);
    await page.close();
    await backToList(popup);
  });
});
