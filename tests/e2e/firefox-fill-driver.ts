import type { Browser, ElementHandle, Page } from 'puppeteer-core';

/**
 * Drives Keyward's fill button and its picker window in Firefox (puppeteer over WebDriver BiDi),
 * the way a person does. Firefox has no IntersectionObserver v2, so Keyward never frames its
 * picker into a page there: the key is chosen in a window of Keyward's own.
 */

export const FILL_BUTTON = 'keyward-inline[data-keyward="fill-button"]';

type Reply<T> = { ok: boolean; data: T; error?: { code: string } };

/** A message to the background from an extension page (the popup), as the popup sends it. */
export async function sendFrom<T>(page: Page, type: string, payload: unknown): Promise<Reply<T>> {
  return page.evaluate(
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

/**
 * A trusted click at the centre of the first element matching the selector (and text, if given).
 * The point is taken fresh and clicked at once: pages that re-render detach handles.
 */
export async function clickWhere(page: Page, selector: string, text: string | null): Promise<void> {
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

/** A real (trusted) click on Keyward's button, which lives in a closed shadow root. */
export async function clickKeyward(page: Page): Promise<void> {
  const host = await page.waitForSelector(FILL_BUTTON, { timeout: 10_000 });
  await host?.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await host?.boundingBox();
  if (!box) throw new Error('no Keyward button');
  await page.mouse.click(box.x + 20, box.y + box.height / 2);
}

/** What each open page is at: over BiDi page.url() stays about:blank for moz-extension:// pages. */
async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/** The picker windows open now. */
export async function pickerWindows(browser: Browser): Promise<Page[]> {
  const found: Page[] = [];
  // A window that is closing (a finished fill's) may vanish while it is looked at.
  for (const page of await browser.pages().catch((): Page[] => [])) {
    if (page.isClosed()) continue;
    if ((await locationOf(page).catch(() => '')).includes('/src/picker/window.html')) found.push(page);
  }
  return found;
}

/** Keyward's picker window, once it has opened and loaded; not one of `earlier` (closing ones). */
export async function pickerWindow(browser: Browser, earlier: readonly Page[] = []): Promise<Page> {
  // A new window on a loaded machine (the whole suite runs in parallel) can take a while.
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const page = (await pickerWindows(browser)).find((p) => !earlier.includes(p));
    if (page) {
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
      return page;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('no picker window');
}

/**
 * Clicks Keyward's button and returns the picker window that click opened. A finished fill's
 * window closes itself a moment later: that is waited for first, so the two are never confused.
 */
export async function openPickerWindow(browser: Browser, page: Page): Promise<Page> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline && (await pickerWindows(browser)).length > 0; ) {
    await new Promise((done) => setTimeout(done, 100));
  }
  // A closing window can fail to answer while it goes, and be missed by the wait above.
  const earlier = [...handedOut, ...(await pickerWindows(browser))];
  await clickKeyward(page);
  const window = await pickerWindow(browser, earlier);
  handedOut.add(window);
  return window;
}

/**
 * Closes the picker windows still open (a refused fill leaves its window up, saying why) and waits
 * until they are gone: Firefox opens a new tab in the window focused last, which must not be one
 * that is about to close.
 */
export async function closePickerWindows(browser: Browser): Promise<void> {
  for (const window of await pickerWindows(browser)) await window.close().catch(() => undefined);
  for (const deadline = Date.now() + 5000; Date.now() < deadline && (await pickerWindows(browser)).length > 0; ) {
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Every picker window already returned: each belongs to one click. */
const handedOut = new Set<Page>();

/** Is any frame of this page Keyward's picker? (There should never be one in Firefox.) */
export async function hasPickerFrame(page: Page): Promise<boolean> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    if ((await frame.evaluate(() => location.href).catch(() => '')).includes('/src/picker/picker.html')) return true;
  }
  return false;
}

/** The picker's enabled button for this key, polled with plain queries (BiDi is touchy here). */
export async function keyButton(picker: Page, label: string): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const button of await picker.$$('button').catch(() => [])) {
      if (await button.evaluate((b, l) => (b.textContent ?? '').includes(l) && !(b as HTMLButtonElement).disabled, label).catch(() => false)) return button;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no enabled picker button for ${label}`);
}

/** The text inputs' values (the page's select search boxes left out). */
export async function fieldValues(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('input')].filter((i) => i.type !== 'search').map((i) => i.value));
}

/** The picker window's text, or '' once it has closed. */
export async function pickerText(picker: Page): Promise<string> {
  return picker.evaluate(() => document.body.innerText).catch(() => '');
}
