import type { BrowserContext, Frame, Page } from 'playwright-core';
import { waitReady } from './popup-driver';

/** Drives Keyward's fill button and picker in Chromium, the way a person does. */

export const FILL_BUTTON = 'keyward-inline[data-keyward="fill-button"]';

/** A real (trusted) click on a Keyward button, which lives in a closed shadow root. */
export async function clickKeyward(page: Page, index = 0): Promise<void> {
  const button = page.locator(FILL_BUTTON).nth(index);
  await button.waitFor({ timeout: 10_000 });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error('no Keyward button');
  await page.mouse.click(box.x + 20, box.y + box.height / 2);
}

/** The picker's frame once it has loaded. */
export async function picker(page: Page): Promise<Frame> {
  for (let i = 0; i < 50; i++) {
    const frame = page.frames().find((f) => f.url().includes('/src/picker/picker.html'));
    if (frame) {
      await frame.waitForLoadState();
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no picker');
}

/**
 * Keyward's own picker window (opened by the background for a locked vault, or where the browser
 * cannot prove a framed picker is seen): a top-level extension page, never a frame in the page.
 */
export async function pickerWindow(context: BrowserContext): Promise<Page> {
  const isPicker = (p: Page) => p.url().includes('/src/picker/window.html');
  for (let i = 0; i < 100; i++) {
    const found = context.pages().find(isPicker);
    if (found) {
      await found.waitForLoadState();
      return found;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no picker window among ${context.pages().map((p) => p.url()).join(', ')}`);
}

/** Every text input's value on the page (the search boxes of selects included, harmlessly). */
export async function fieldValues(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((i) => (i as HTMLInputElement).value));
}

/** Settings > Sites where Keyward fills: add an https site for a platform, as a person would. */
export async function addSiteInPopup(popup: Page, platformName: string, address: string): Promise<void> {
  await popup.getByRole('button', { name: 'Settings' }).click();
  await waitReady(popup, 'settings');
  await popup.getByLabel('What runs there').selectOption({ label: platformName });
  await popup.getByLabel('Address').fill(address);
  await popup.getByRole('button', { name: 'Add site' }).click();
  await popup.getByText(/Keyward now offers to fill on/).waitFor({ timeout: 10_000 });
  await popup.getByRole('button', { name: 'Back to keys' }).click();
  await waitReady(popup, 'list');
}
