// One driver for both browsers: Playwright under Chromium, Puppeteer over WebDriver BiDi under
// Firefox, behind the same Session/Tab/Surface API; scenarios are written once against it.
import type { SeenNote, Tab } from './types';

export * from './find';
export * from './hooks';
export * from './launch';
export * from './popup';
export * from './send';
export * from './types';
export * from './wait';
export type { ChromiumDriverSession } from './chromium';
export type { FirefoxDriverSession } from './firefox';
export { playwrightPageOf } from './chromium';

/** Keyward's fill button, a host element in the page (its insides are a closed shadow root). */
export const FILL_BUTTON = 'keyward-inline[data-keyward="fill-button"]';
export const PICKER_HOST = 'keyward-inline[data-keyward="picker"]';

/** Waits for a Keyward note whose text matches (and role, if given); fails listing the notes seen. */
export async function waitForNote(tab: Tab, pattern: RegExp, role?: string, timeout = 8_000): Promise<SeenNote> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let failure = '';
    const notes = await tab.notes().catch((error: unknown): SeenNote[] => {
      failure = ` (reading them failed: ${String(error)})`;
      return [];
    });
    const found = notes.find((n) => pattern.test(n.text) && (role === undefined || n.role === role));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no Keyward note matching ${pattern} (${role ?? 'any role'}): ${JSON.stringify(notes)}${failure}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Waits until no Keyward note matches. */
export async function waitForNoNote(tab: Tab, pattern: RegExp, timeout = 8_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (!(await tab.notes().catch((): SeenNote[] => [])).some((n) => pattern.test(n.text))) return;
    if (Date.now() > deadline) throw new Error(`a Keyward note matching ${pattern} is still shown`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Every text input's value in the document (select search boxes left out). */
export function fieldValues(tab: { evaluate: Tab['evaluate'] }): Promise<string[]> {
  return tab.evaluate(() => [...document.querySelectorAll('input, textarea')].filter((i) => (i as HTMLInputElement).type !== 'search').map((i) => (i as HTMLInputElement).value));
}

