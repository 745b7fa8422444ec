import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, useFixtureServer, type DriverSession, FILL_BUTTON, PICKER_HOST, type Tab, absence, createVault, fieldValues } from './driver';
import { DECOYS, installDecoy } from './hostile-decoys';

/**
 * A hostile page on a platform's host (issue 9, item 1): every decoy laid over Keyward's button
 * or its framed picker, and the button hidden. A disguised click on the button opens nothing; a
 * disguised click on the framed picker fills nothing (Chromium's IntersectionObserver v2 reports
 * the covered frame unseen, and the picker refuses until it is seen). Firefox has no
 * IntersectionObserver v2: Keyward never frames its picker there, so no decoy over a framed
 * picker can exist; the key is chosen in Keyward's own window.
 */

const URL_3COMMAS = 'https://app.3commas.io/accounts/new/';
const OKX = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };
const NO_FRAMED_PICKER = 'Firefox never frames the picker into a page (no IntersectionObserver v2), so nothing can be laid over one';

const fixtures = useFixtureServer();

describe.each(BROWSERS)('a hostile page in %s', (browser) => {
  const use = useBrowser(browser, () => ({ hosts: ['app.3commas.io'], server: fixtures.server }));
  let session: DriverSession;

  async function openForm(): Promise<Tab> {
    const page = await session.openPage(URL_3COMMAS);
    await page.click({ role: 'combobox' });
    await page.click({ role: 'option', name: 'OKX' });
    await page.waitFor({ css: FILL_BUTTON });
    return page;
  }

  /** A real click at the middle of what the page now shows of the element. */
  async function clickMiddle(page: Tab, css: string): Promise<void> {
    const box = await page.box({ css });
    await page.clickAt(box.x + box.width / 2, box.y + box.height / 2);
  }

  beforeAll(async () => {
    ({ session } = use);
    const popup = use.popup;
    await createVault(popup, 'hostile-test-password');
    const details = { label: 'okx bot', account: 'main', permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: [] }, ipWhitelist: ['203.0.113.7'], source: { kind: 'manual' as const }, notes: '' };
    await popup.call('keys.add', { input: { exchange: 'okx', credentials: OKX, details } });
  });

  it.each(DECOYS)('opens nothing when Keyward’s button is disguised by a decoy: %s', async (kind) => {
    const page = await openForm();
    expect(await page.evaluate(installDecoy, [kind, FILL_BUTTON] as const)).toBe(true);
    await clickMiddle(page, FILL_BUTTON);
    await absence(); // proves an absence: no picker frame, no window
    expect(await page.hasPickerFrame()).toBe(false);
    expect(await session.pickerWindows()).toBe(0);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await page.close();
  });

  it.skipIf(browser === 'firefox').each(DECOYS)(`fills nothing through a decoy over the framed picker: %s (Chromium only: ${NO_FRAMED_PICKER})`, async (kind) => {
    const page = await openForm();
    const picker = await session.openPicker(page);
    expect(picker.kind).toBe('frame');
    const key = { role: 'button', name: /okx bot/ } as const;
    await picker.waitUntil(() => [...document.querySelectorAll('button')].some((b) => /okx bot/.test(b.textContent ?? '') && !b.disabled), undefined);
    const box = await picker.box(key);
    expect(await page.evaluate(installDecoy, [kind, PICKER_HOST] as const)).toBe(true);
    // Where the user was lured to click: the key button's place, under the decoy.
    await page.clickAt(box.x + box.width / 2, box.y + box.height / 2);
    await absence(); // proves an absence: nothing filled
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    expect(await fieldValues(page)).not.toContain(OKX.apiKey);
    await page.close();
  });

  it('still fills when nothing covers the button or the picker (the suite can fail)', async () => {
    const page = await openForm();
    const picker = await session.openPicker(page);
    // Firefox: chosen in Keyward's window, never in a frame of the page.
    expect(picker.kind).toBe(browser === 'chromium' ? 'frame' : 'window');
    expect(await page.hasPickerFrame()).toBe(browser === 'chromium');
    await picker.click({ role: 'button', name: /okx bot/ });
    await expect.poll(() => fieldValues(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await page.close();
  });
});
