import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, type FixtureServer, assertBuilt, distPath, launchFirefox, startFixtureServer } from './harness';
import { sendFrom } from './firefox-fill-driver';

/**
 * Firefox, an API page on a route no pattern knows: Kraken Pro's keys under /settings/api-keys,
 * recognised by its heading and button. The reader loads (its notes appear), warns about withdraw
 * and captures the new private key while the vault is locked. Firefox has no DevTools
 * accessibility tree here, so the notes are seen through their host elements and the result
 * through the vault.
 */

const PASSWORD = 'firefox-unseen-password';
const ACCESS = 'S3Jha2VuRmlyZWZveFVuc2VlblJvdXRlQXBpS2V5MDEyMzQ1Njc4OWFi';
const SECRET = 'S3Jha2VuRmlyZWZveFVuc2VlblByaXZhdGVLZXkwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMg==';

let server: FixtureServer;
let session: FirefoxSession;
let popup: Page;

/** A message to the background from the popup page, as Keyward's own pages send it. */
const send = <T>(type: string, payload: unknown) => sendFrom<T>(popup, type, payload);

async function click(page: Page, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('button, label')].reverse().find((e) => e.textContent?.trim() === t),
    {},
    text,
  );
  await (handle.asElement() as ElementHandle<Element> | null)?.click();
}

async function type(page: Page, selector: string, text: string): Promise<void> {
  const field = await page.waitForSelector(selector);
  await field?.type(text);
}

beforeAll(async () => {
  assertBuilt('firefox');
  server = await startFixtureServer();
  session = await launchFirefox({ dist: distPath('firefox'), hosts: ['pro.kraken.com'], port: server.port, httpPort: server.httpPort });
  popup = await session.openExtensionPage('src/popup/popup.html');
  expect((await send('vault.create', { password: PASSWORD })).ok).toBe(true);
  expect((await send('vault.lock', {})).ok).toBe(true);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('an API page on a route Keyward does not know, in Firefox', () => {
  it('loads the reader by what the page shows, warns, and captures while locked', async () => {
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(
      (access: string, secret: string) => Object.assign(window, { __fixtureAccess: access, __fixtureSecret: secret }),
      ACCESS,
      SECRET,
    );
    await page.goto('https://pro.kraken.com/settings/api-keys/');
    await click(page, 'Create API key');
    await type(page, '#k-name', 'ff-unseen');
    await click(page, 'Withdraw Funds');
    await page.waitForFunction(() => document.querySelector('keyward-inline[data-keyward="perm-withdraw"]') !== null, { timeout: 8_000 });
    await click(page, 'Generate key');
    await type(page, 'input[placeholder="Authenticator code"]', '123456');
    await click(page, 'Continue');
    await page.waitForFunction(() => document.querySelector('keyward-inline[data-keyward^="capture-"]') !== null, { timeout: 8_000 });
    expect((await send<{ keyCount: number }>('vault.status', {})).data.keyCount).toBe(1);
    expect((await send('vault.unlock', { password: PASSWORD })).ok).toBe(true);
    const list = await send<{ keys: { id: string; label: string; exchange: string }[] }>('keys.list', {});
    const key = list.data.keys.find((k) => k.exchange === 'kraken');
    expect(key?.label).toBe('ff-unseen');
    expect((await send<{ value: string }>('keys.reveal', { id: key?.id, field: 'secret' })).data.value).toBe(SECRET);
    expect((await send<{ value: string }>('keys.reveal', { id: key?.id, field: 'apiKey' })).data.value).toBe(ACCESS);
  });
});
