import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, type FixtureServer, assertBuilt, distPath, launchFirefox, startFixtureServer } from './harness';

/**
 * Filling a platform's bind form in Firefox (3Commas fixture, React-style controlled inputs):
 * Keyward's button, a trusted click, the picker frame, the key chosen there; the exact values
 * land in the inputs, survive the page's re-renders, and the binding is recorded.
 *
 * The page is opened without a port: the harness rewrites port 443 to the fixture server
 * (network.socket.forcePort), since the content script and the background accept an official
 * platform host only on the default port.
 */

const URL_3COMMAS = 'https://app.3commas.io/accounts/new/';
const PASSWORD = 'firefox-fill-password';
const LABEL = 'okx bot';
const OKX = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };
const FILL_BUTTON = 'keyward-inline[data-keyward="fill-button"]';

let server: FixtureServer;
let session: FirefoxSession;
let popup: Page;

type Reply<T> = { ok: boolean; data: T; error?: { code: string } };

async function send<T>(type: string, payload: unknown): Promise<Reply<T>> {
  return popup.evaluate(
    (t: string, p: unknown) =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({
        keyward: 1,
        type: t,
        payload: p,
      }),
    type,
    payload,
  ) as Promise<Reply<T>>;
}

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

/**
 * A trusted click at the centre of the first element matching the predicate. The page rebuilds
 * its DOM on every state change, so the point is taken fresh and clicked at once (a handle could
 * be detached by the time it is clicked).
 */
async function clickWhere(page: Page, selector: string, text: string | null): Promise<void> {
  const handle = await page.waitForFunction(
    (s: string, t: string | null) => {
      const el = [...document.querySelectorAll(s)].find((e) => t === null || e.textContent?.trim() === t);
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    },
    { timeout: 10_000 },
    selector,
    text,
  );
  const point = (await handle.jsonValue()) as { x: number; y: number };
  await page.mouse.click(point.x, point.y);
}

async function openForm(exchange: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(URL_3COMMAS);
  await clickWhere(page, '[role="combobox"]', null);
  await clickWhere(page, '[role="option"]', exchange);
  await page.waitForFunction((e: string) => document.querySelector('[role="combobox"]')?.textContent?.includes(e), {}, exchange);
  await page.waitForSelector(FILL_BUTTON, { timeout: 10_000 });
  return page;
}

/** A real (trusted) click on Keyward's button, which lives in a closed shadow root. */
async function clickKeyward(page: Page): Promise<void> {
  const host = await page.waitForSelector(FILL_BUTTON, { timeout: 10_000 });
  await host?.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await host?.boundingBox();
  if (!box) throw new Error('no Keyward button');
  await page.mouse.click(box.x + 20, box.y + box.height / 2);
}

/**
 * The picker's frame (an extension page inside the platform's page). Over BiDi puppeteer never
 * sees the iframe's navigation to moz-extension:// (frame.url() stays about:blank, as goto() on an
 * extension page never settles), so each child frame is asked for its own location instead.
 */
async function picker(page: Page): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.includes('/src/picker/picker.html')) return frame;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('no picker');
}

async function fieldValues(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('input')].filter((i) => i.type !== 'search').map((i) => i.value));
}

beforeAll(async () => {
  assertBuilt('firefox');
  server = await startFixtureServer();
  session = await launchFirefox({ dist: distPath('firefox'), hosts: ['app.3commas.io'], port: server.port, httpPort: server.httpPort });
  popup = await session.openExtensionPage('src/popup/popup.html');
  expect((await send('vault.create', { password: PASSWORD })).ok).toBe(true);
  expect((await send('keys.add', input('okx', LABEL, OKX, false))).ok).toBe(true);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('filling a bind form in Firefox', () => {
  it('fills the chosen key, exact and kept across re-renders, and records the binding', async () => {
    const page = await openForm('OKX');
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await clickKeyward(page);
    const frame = await picker(page);
    const key = await frame.waitForFunction(
      (label: string) =>
        [...document.querySelectorAll('button')].find((b) => b.textContent?.includes(label) && !b.disabled),
      { timeout: 10_000 },
      LABEL,
    );
    expect(await frame.evaluate(() => document.body.innerText)).toContain('app.3commas.io');
    expect(await fieldValues(page)).not.toContain(OKX.secret); // nothing reaches the page before the choice
    await (key.asElement() as ElementHandle<Element> | null)?.click();
    await expect.poll(() => fieldValues(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await new Promise((done) => setTimeout(done, 600)); // the page re-renders from its state every 250 ms
    expect(await fieldValues(page)).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    expect(await page.evaluate(() => (window as unknown as { __fixtureState(): Record<string, string> }).__fixtureState())).toMatchObject(OKX);
    const list = await send<{ keys: { label: string; bindings: { platformHost: string }[] }[] }>('keys.list', {});
    expect(list.data.keys.find((k) => k.label === LABEL)?.bindings.map((b) => b.platformHost)).toEqual(['app.3commas.io']);
    await page.close();
  });
});
