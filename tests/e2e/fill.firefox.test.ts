import { rm } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FirefoxSession,
  type FixtureServer,
  assertBuilt,
  distPath,
  distWithGrantedSites,
  launchFirefox,
  startFixtureServer,
} from './harness';
import { FILL_BUTTON, clickWhere, closePickerWindows, fieldValues, hasPickerFrame, keyButton, openPickerWindow, pickerText, sendFrom } from './firefox-fill-driver';

/**
 * Filling a platform's bind form in Firefox (3Commas fixture, React-style controlled inputs):
 * Keyward's button, a trusted click, Keyward's own picker window (Firefox cannot prove a framed
 * picker is seen, so none is ever put in the page), the key chosen there; the exact values land
 * in the inputs, survive the page's re-renders, and the binding is recorded.
 *
 * The page is opened without a port: the harness rewrites port 443 to the fixture server
 * (network.socket.forcePort), since the content script and the background accept an official
 * platform host only on the default port.
 *
 * Then a self-hosted OctoBot added in the popup's settings, as a user does: nothing is offered on
 * it before, and after the add Keyward fills its x-editable anchors from the picker.
 */

const URL_3COMMAS = 'https://app.3commas.io/accounts/new/';
const PASSWORD = 'firefox-fill-password';
const LABEL = 'okx bot';
const OKX = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };

let server: FixtureServer;
let session: FirefoxSession;
let popup: Page;

const send = <T>(type: string, payload: unknown, from: Page = popup) => sendFrom<T>(from, type, payload);

function input(exchange: string, label: string, creds: { apiKey: string; secret: string; passphrase?: string }, withdraw: boolean) {
  return {
    input: {
      exchange,
      credentials: { apiKey: creds.apiKey, secret: creds.secret, passphrase: creds.passphrase ?? '' },
      details: {
        label,
        account: 'main',
        permissions: { read: true, trade: true, withdraw, transfer: false, labels: [] },
        ipWhitelist: ['203.0.113.7'],
        source: { kind: 'manual' },
        notes: '',
      },
    },
  };
}

async function openForm(exchange: string, url = URL_3COMMAS): Promise<Page> {
  await closePickerWindows(session.browser);
  const page = await session.browser.newPage();
  await page.goto(url);
  await clickWhere(page, '[role="combobox"]', null);
  await clickWhere(page, '[role="option"]', exchange);
  await page.waitForFunction((e: string) => document.querySelector('[role="combobox"]')?.textContent?.includes(e), {}, exchange);
  await page.waitForSelector(FILL_BUTTON, { timeout: 10_000 });
  return page;
}

beforeAll(async () => {
  assertBuilt('firefox');
  server = await startFixtureServer();
});

afterAll(async () => {
  await server?.close();
});

describe('filling a bind form in Firefox', () => {
  beforeAll(async () => {
    session = await launchFirefox({ dist: distPath('firefox'), hosts: ['app.3commas.io'], port: server.port, httpPort: server.httpPort });
    popup = await session.openExtensionPage('src/popup/popup.html');
    expect((await send('vault.create', { password: PASSWORD })).ok).toBe(true);
    expect((await send('keys.add', input('okx', LABEL, OKX, false))).ok).toBe(true);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('fills the chosen key, exact and kept across re-renders, and records the binding', async () => {
    const page = await openForm('OKX');
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    const window = await openPickerWindow(session.browser, page);
    const key = await keyButton(window, LABEL);
    expect(await hasPickerFrame(page)).toBe(false);
    expect(await pickerText(window)).toContain('app.3commas.io');
    expect(await fieldValues(page)).not.toContain(OKX.secret); // nothing reaches the page before the choice
    await key.click();
    await expect.poll(() => fieldValues(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await new Promise((done) => setTimeout(done, 600)); // the page re-renders from its state every 250 ms
    expect(await fieldValues(page)).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    expect(await page.evaluate(() => (window as unknown as { __fixtureState(): Record<string, string> }).__fixtureState())).toMatchObject(OKX);
    await expect
      .poll(async () => {
        const list = await send<{ keys: { label: string; bindings: { platformHost: string }[] }[] }>('keys.list', {});
        return list.data.keys.find((k) => k.label === LABEL)?.bindings.map((b) => b.platformHost);
      })
      .toEqual(['app.3commas.io']);
    await page.close();
  });

  it('opens the picker and fills under a strict page CSP (frame-src self)', async () => {
    const page = await openForm('OKX', 'https://app.3commas.io/accounts/new/?csp=strict');
    await (await keyButton(await openPickerWindow(session.browser, page), LABEL)).click();
    await expect.poll(() => fieldValues(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await page.close();
  });

  // The choice is made in Keyward's window, but the fill happens in the page: the content script's
  // own checks just before writing refuse a page that faded itself or covered a field meanwhile.
  it('never fills when the page is faded or a field covered while the key is chosen in Keyward’s window', async () => {
    for (const attack of ['fade', 'cover'] as const) {
      const page = await openForm('OKX');
      const window = await openPickerWindow(session.browser, page);
      const key = await keyButton(window, LABEL);
      await page.evaluate((how: string) => {
        if (how === 'fade') {
          document.body.style.opacity = '0.05';
          return;
        }
        const secret = [...document.querySelectorAll('input')].filter((i) => i.type !== 'search')[2];
        if (!secret) return;
        const r = secret.getBoundingClientRect();
        const cover = document.createElement('div');
        cover.style.cssText = `position:absolute;left:${r.left + scrollX}px;top:${r.top + scrollY}px;width:${r.width}px;height:${r.height}px;background:#fff;z-index:9`;
        document.body.append(cover);
      }, attack);
      await key.click();
      await expect.poll(() => pickerText(window), { timeout: 10_000 }).toMatch(/Not filled/);
      expect(await fieldValues(page), attack).not.toContain(OKX.secret);
      await page.close();
    }
  });

  it('never asks for the master password in the page: a locked vault unlocks in Keyward’s window while the page steals focus', async () => {
    expect((await send('vault.lock', {})).ok).toBe(true);
    const page = await openForm('OKX');
    await page.evaluate(() => {
      const thief = document.createElement('input');
      thief.id = 'thief';
      // Fixed in a corner: it steals the focus without moving the form under the user's click.
      thief.style.cssText = 'position:fixed;left:0;bottom:0;width:80px';
      document.body.prepend(thief);
      setInterval(() => thief.focus(), 5);
    });
    const window = await openPickerWindow(session.browser, page);
    expect(await hasPickerFrame(page)).toBe(false);
    await window.waitForSelector('#picker-password', { timeout: 10_000 });
    await window.focus('#picker-password');
    await window.keyboard.type(PASSWORD);
    expect(await page.$eval('#thief', (i) => (i as HTMLInputElement).value)).toBe('');
    await clickWhere(window, 'button[type="submit"]', 'Unlock');
    await (await keyButton(window, LABEL)).click();
    await expect.poll(() => fieldValues(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    expect(await page.$eval('#thief', (i) => (i as HTMLInputElement).value)).toBe('');
    await page.close();
  });
});

const OCTOBOT_SITE = 'https://octobot.local';
const OCTOBOT_URL = 'https://octobot.local/accounts/';
const OCTOBOT_LABEL = 'octobot key';
const BINANCE = {
  apiKey: 'vK7pQ2mX9rT4wY6zB1nC3dF5gH8jL0aS2eR4tU6iO8pA1sD3fG5hJ7kL9zX2cV4b',
  secret: 'Qm3Nf8Rt1Yw6Ez9Kc2Vb5Xs7Lh0Pj4Gd8Ua1Ti3Oe6Wq9Zr2Sy5Mn7Bk0Cv4Hx',
};

/** The selector of the control a visible label names (label[for]). */
async function labelled(page: Page, text: string): Promise<string> {
  const handle = await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === t)?.htmlFor || null,
    { timeout: 10_000 },
    text,
  );
  return `#${(await handle.jsonValue()) as string}`;
}

/**
 * Settings > Sites where Keyward fills, as a person: the gear, the platform, the address typed,
 * "Add site", and the status that confirms it (or the alert that says why not).
 */
async function addSiteInPopup(page: Page, platformName: string, address: string, host: string): Promise<void> {
  await clickWhere(page, 'button[aria-label="Settings"]', null);
  await page.waitForSelector('body[data-ready="settings"]', { timeout: 15_000 });
  const select = await labelled(page, 'What runs there');
  const value = await page.$eval(
    select,
    (s, name) => [...(s as HTMLSelectElement).options].find((o) => o.text.trim() === name)?.value ?? '',
    platformName,
  );
  expect(value, `no "${platformName}" option`).not.toBe('');
  await page.select(select, value);
  await clickWhere(page, await labelled(page, 'Address'), null);
  await page.keyboard.type(address);
  await clickWhere(page, 'button[type="submit"]', 'Add site');
  const outcome = await page.waitForFunction(
    () =>
      document.querySelector('.status-note:not(.empty)')?.textContent?.trim() ||
      document.querySelector('[role="alert"]')?.textContent?.trim() ||
      null,
    { timeout: 10_000 },
  );
  expect(await outcome.jsonValue()).toBe(`Keyward now offers to fill on ${host} (${platformName}).`);
}

/** The binance card's credentials as OctoBot holds them (x-editable keeps the value in config-value). */
async function octobotBinance(page: Page): Promise<{ apiKey: string | null; secret: string | null }> {
  return page.evaluate(() => {
    const card = document.querySelector('.card-body[name="binance"]');
    const value = (field: string) => card?.querySelector(`a.editable#exchange_${field}`)?.getAttribute('config-value') ?? null;
    return { apiKey: value('api-key'), secret: value('api-secret') };
  });
}

describe('a self-hosted OctoBot added in the popup, filled in Firefox', () => {
  let octoSession: FirefoxSession;
  let octoPopup: Page;
  let dist: string;

  beforeAll(async () => {
    // Headless Firefox cannot answer the permission prompt: the copy already holds the grant, so
    // the popup's permissions.request() resolves true and everything after it runs as shipped.
    dist = await distWithGrantedSites('firefox', [`${OCTOBOT_SITE}/*`]);
    octoSession = await launchFirefox({ dist, hosts: ['octobot.local'], port: server.port, httpPort: server.httpPort });
    octoPopup = await octoSession.openExtensionPage('src/popup/popup.html');
    expect((await send('vault.create', { password: PASSWORD }, octoPopup)).ok).toBe(true);
    expect((await send('keys.add', input('binance', OCTOBOT_LABEL, BINANCE, false), octoPopup)).ok).toBe(true);
    // Opened anew, the popup shows the unlocked vault's list (the messages above left it on "create").
    await octoPopup.close();
    octoPopup = await octoSession.openExtensionPage('src/popup/popup.html');
    await octoPopup.waitForSelector('body[data-ready="list"]', { timeout: 15_000 });
  });

  afterAll(async () => {
    await octoSession?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  it('offers nothing until the site is added, then fills the chosen key into the x-editable anchors', async () => {
    const page = await octoSession.browser.newPage();
    await page.goto(OCTOBOT_URL);
    await page.waitForSelector('.card-body[name="binance"] a.editable', { timeout: 10_000 });
    for (const end = Date.now() + 1500; Date.now() < end; ) {
      expect(await page.$(FILL_BUTTON)).toBeNull();
      await new Promise((done) => setTimeout(done, 100));
    }

    await addSiteInPopup(octoPopup, 'OctoBot', OCTOBOT_SITE, 'octobot.local');
    const sites = await send<{ sites: { origin: string; platform: string }[] }>('sites.list', {}, octoPopup);
    expect(sites.data.sites.map((s) => [s.origin, s.platform])).toEqual([[OCTOBOT_SITE, 'octobot']]);
    // The open tab gets the script at once, without a reload.
    await page.waitForSelector(FILL_BUTTON, { timeout: 10_000 });

    // A fresh load gets it from the registered content script.
    await page.reload();
    await page.waitForSelector('.card-body[name="binance"] a.editable', { timeout: 10_000 });
    expect(await octobotBinance(page)).toEqual({ apiKey: '*********', secret: '*********' });
    const frame = await openPickerWindow(octoSession.browser, page);
    const key = await keyButton(frame, OCTOBOT_LABEL);
    expect(await pickerText(frame)).toContain('octobot.local');
    expect(await octobotBinance(page)).toEqual({ apiKey: '*********', secret: '*********' }); // nothing before the choice
    // A person reads the picker before choosing: longer than one of the content script's scans
    // (250 ms), so whatever the page settles into after the picker opened is what gets filled.
    await new Promise((done) => setTimeout(done, 600));
    await key.click();
    // The anchors' values, or the picker's refusal when Keyward declines (so a failure says why).
    let refusal: string | null = null;
    await expect
      .poll(
        async () => {
          const values = await octobotBinance(page);
          if (values.apiKey === '*********' && refusal === null) {
            const said = await pickerText(frame);
            if (said.includes('Not filled')) refusal = said.trim();
          }
          return refusal ?? values;
        },
        { timeout: 10_000 },
      )
      .toEqual(BINANCE);
    // The binding is written once the page has answered that it filled: a moment after the values.
    await expect
      .poll(async () => {
        const list = await send<{ keys: { label: string; bindings: { platformHost: string }[] }[] }>('keys.list', {}, octoPopup);
        return list.data.keys.find((k) => k.label === OCTOBOT_LABEL)?.bindings.map((b) => b.platformHost);
      })
      .toEqual(['octobot.local']);
    await page.close();
  });
});
