import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, type FixtureServer, assertBuilt, distPath, launchFirefox, startFixtureServer } from './harness';
import {
  FILL_BUTTON,
  clickWhere,
  closePickerWindows,
  fieldValues,
  hasPickerFrame,
  keyButton,
  openPickerWindow,
  pickerWindows,
  sendFrom,
} from './firefox-fill-driver';
import { ABSENCE_MS, DECOYS, installDecoy } from './hostile-decoys';

/**
 * A hostile page on a platform's host (issue 9, item 1), in Firefox, which has no
 * IntersectionObserver v2: Keyward never frames its picker into the page there, so no decoy over
 * a picker can exist; the key is chosen in Keyward's own window. What is left to a page is
 * Keyward's button, and every decoy over it (and the button hidden) opens nothing at all.
 */

const URL_3COMMAS = 'https://app.3commas.io/accounts/new/';
const PASSWORD = 'firefox-hostile-password';
const OKX = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };

let server: FixtureServer;
let session: FirefoxSession;
let popup: Page;

async function openForm(): Promise<Page> {
  await closePickerWindows(session.browser);
  const page = await session.browser.newPage();
  await page.goto(URL_3COMMAS);
  await clickWhere(page, '[role="combobox"]', null);
  await clickWhere(page, '[role="option"]', 'OKX');
  await page.waitForSelector(FILL_BUTTON, { timeout: 10_000 });
  return page;
}

beforeAll(async () => {
  assertBuilt('firefox');
  server = await startFixtureServer();
  session = await launchFirefox({ dist: distPath('firefox'), hosts: ['app.3commas.io'], port: server.port, httpPort: server.httpPort });
  popup = await session.openExtensionPage('src/popup/popup.html');
  expect((await sendFrom(popup, 'vault.create', { password: PASSWORD })).ok).toBe(true);
  const details = { label: 'okx bot', account: 'main', permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: [] }, ipWhitelist: ['203.0.113.7'], source: { kind: 'manual' }, notes: '' };
  expect((await sendFrom(popup, 'keys.add', { input: { exchange: 'okx', credentials: OKX, details } })).ok).toBe(true);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('a hostile page in Firefox', () => {
  it.each(DECOYS)('opens nothing when Keyward’s button is disguised by a decoy: %s', async (kind) => {
    const page = await openForm();
    expect(await page.evaluate(installDecoy, [kind, FILL_BUTTON] as const)).toBe(true);
    const box = await (await page.$(FILL_BUTTON))?.boundingBox();
    if (!box) throw new Error('no Keyward button');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await new Promise((done) => setTimeout(done, ABSENCE_MS)); // proves an absence: no window, no frame
    expect(await pickerWindows(session.browser)).toHaveLength(0);
    expect(await hasPickerFrame(page)).toBe(false);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await page.close();
  });

  it('chooses in Keyward’s window, never in a frame of the page, and fills (the suite can fail)', async () => {
    const page = await openForm();
    const window = await openPickerWindow(session.browser, page);
    expect(await hasPickerFrame(page)).toBe(false);
    await (await keyButton(window, 'okx bot')).click();
    await expect.poll(() => fieldValues(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await page.close();
  });
});
