import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, type FixtureServer, assertBuilt, distPath, launchChromium, startFixtureServer } from './harness';
import { clickKeyward, picker } from './fill-driver';
import { ABSENCE_MS, DECOYS, FILL_BUTTON_HOST, PICKER_HOST, installDecoy } from './hostile-decoys';
import { POPUP, createVault, sendFromPage } from './popup-driver';

/**
 * A hostile page on a platform's host (issue 9, item 1), in Chromium: every decoy laid over
 * Keyward's button or its framed picker, and the button hidden. A disguised click on the button
 * opens nothing; a disguised click on the picker fills nothing (the browser's IntersectionObserver
 * v2 reports the covered frame unseen, and the picker refuses until it is seen).
 */

const URL_3COMMAS = 'https://app.3commas.io/accounts/new/';
const OKX = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };

let server: FixtureServer;
let session: ChromiumSession;
let popup: Page;

async function openForm(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(URL_3COMMAS);
  await page.getByRole('combobox').click();
  await page.getByRole('option', { name: 'OKX', exact: true }).click();
  await page.waitForSelector(FILL_BUTTON_HOST);
  return page;
}

async function fieldValues(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('input')].filter((i) => i.type !== 'search').map((i) => i.value));
}

/** A real click at the middle of what the page now shows of the element. */
async function clickMiddle(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`nothing at ${selector}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

function pickerWindows(): Page[] {
  return session.context.pages().filter((p) => p.url().includes('/src/picker/window.html'));
}

beforeAll(async () => {
  assertBuilt('chrome');
  server = await startFixtureServer();
  session = await launchChromium({ dist: distPath('chrome'), hosts: ['app.3commas.io'], port: server.port, httpPort: server.httpPort });
  popup = await session.openExtensionPage(POPUP);
  await createVault(popup, 'hostile-test-password');
  const details = { label: 'okx bot', account: 'main', permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: [] }, ipWhitelist: ['203.0.113.7'], source: { kind: 'manual' }, notes: '' };
  expect((await sendFromPage<{ ok: boolean }>(popup, 'keys.add', { input: { exchange: 'okx', credentials: OKX, details } })).ok).toBe(true);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('a hostile page in Chromium', () => {
  it.each(DECOYS)('opens nothing when Keyward’s button is disguised by a decoy: %s', async (kind) => {
    const page = await openForm();
    expect(await page.evaluate(installDecoy, [kind, FILL_BUTTON_HOST] as const)).toBe(true);
    await clickMiddle(page, FILL_BUTTON_HOST);
    await page.waitForTimeout(ABSENCE_MS); // proves an absence: no picker frame, no window
    expect(page.frames().some((f) => f.url().includes('/src/picker/picker.html'))).toBe(false);
    expect(pickerWindows()).toHaveLength(0);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await page.close();
  });

  it.each(DECOYS)('fills nothing through a decoy over the framed picker: %s', async (kind) => {
    const page = await openForm();
    await clickKeyward(page);
    const frame = await picker(page);
    const key = frame.getByRole('button', { name: /okx bot/ });
    await expect.poll(() => key.isEnabled()).toBe(true);
    const box = await key.boundingBox();
    if (!box) throw new Error('no key button');
    expect(await page.evaluate(installDecoy, [kind, PICKER_HOST] as const)).toBe(true);
    // Where the user was lured to click: the key button's place, under the decoy.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(ABSENCE_MS); // proves an absence: nothing filled
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    expect(await fieldValues(page)).not.toContain(OKX.apiKey);
    await page.close();
  });

  it('still fills when nothing covers the button or the picker (the suite can fail)', async () => {
    const page = await openForm();
    await clickMiddle(page, FILL_BUTTON_HOST);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /okx bot/ }).click();
    await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await page.close();
  });
});
