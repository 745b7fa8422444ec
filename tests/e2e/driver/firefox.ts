import type { Browser as PuppeteerBrowser, ElementHandle, Frame, KeyInput, Page } from 'puppeteer-core';
import type { MessageType, RequestOf } from '../../../src/messages';
import { type FirefoxSession, distPath, launchFirefox } from '../harness';
import { type Target, describeTarget, locateInPage, toWire } from './find';
import { keywardNotesFirefox, noteButtonBoxFirefox } from './notes-firefox';
import { callFrom, sendFrom } from './send';
import type { Box, ExtensionTab, LaunchOptions, Picker, Session, SeenNote, Surface, Tab } from './types';
import { until } from './wait';

const WAIT_MS = 10_000;
const PICKER_FRAME = '/src/picker/picker.html';
const PICKER_WINDOW = '/src/picker/window.html';
const FILL_BUTTON = 'keyward-inline[data-keyward="fill-button"]';

/**
 * A look that failed because the document moved under it: BiDi can fail an evaluation outright
 * while a page navigates or re-renders; the next look is simply a look at the new state.
 */
const transient = (error: unknown) => /detached|destroyed|not attached|no such (?:node|frame)|right-hand side of 'in'|stale/i.test(String(error));

class PuppeteerSurface implements Surface {
  constructor(protected target: Page | Frame) {}

  protected async handle(target: Target, timeout = WAIT_MS): Promise<ElementHandle<Element>> {
    const arg = [toWire(target), 'one'] as const;
    let last: unknown;
    for (const deadline = Date.now() + timeout; Date.now() < deadline; ) {
      try {
        const found = await this.target.waitForFunction(locateInPage, { timeout: Math.max(100, deadline - Date.now()), polling: 100 }, arg);
        const element = found.asElement();
        if (element !== null) return element as ElementHandle<Element>;
      } catch (error) {
        last = error;
        if (!transient(error)) break;
      }
    }
    throw new Error(`nothing matches ${describeTarget(target)}: ${String(last).split('\n')[0] ?? ''}`);
  }

  private async withElement<R>(target: Target, act: (element: ElementHandle<Element>) => Promise<R>, timeout?: number): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const element = await this.handle(target, timeout);
      try {
        return await act(element);
      } catch (error) {
        if (attempt >= 3 || !transient(error)) throw error;
      } finally {
        await element.dispose().catch(() => undefined);
      }
    }
  }

  click(target: Target) {
    return this.withElement(target, (e) => e.click());
  }
  fill(target: Target, value: string) {
    return this.withElement(target, async (e) => {
      await e.evaluate((el) => {
        (el as HTMLElement).focus();
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
      });
      await e.press('Backspace');
      if (value !== '') await e.type(value);
    });
  }
  type(target: Target, text: string) {
    return this.withElement(target, async (e) => {
      await e.focus();
      await e.type(text);
    });
  }
  async press(key: string) {
    await ('page' in this.target && typeof this.target.page === 'function' ? this.target.page() : (this.target as Page)).keyboard.press(key as KeyInput);
  }
  async select(target: Target, option: string) {
    const chosen = await this.withElement(target, (e) =>
      e.evaluate((el, label) => {
        const select = el as HTMLSelectElement;
        const found = [...select.options].find((o) => o.text.trim() === label);
        if (!found) return false;
        select.value = found.value;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      }, option),
    );
    if (!chosen) throw new Error(`no option "${option}" in ${describeTarget(target)}`);
  }
  async waitFor(target: Target, timeout = WAIT_MS) {
    await this.withElement(target, async () => undefined, timeout);
  }
  async waitForGone(target: Target, timeout = WAIT_MS) {
    await until(async () => (await this.count(target).catch(() => -1)) === 0, `${describeTarget(target)} to go`, timeout);
  }
  async count(target: Target) {
    return (await this.target.evaluate(locateInPage, [toWire(target), 'count'] as const)) as number;
  }
  async text(target?: Target) {
    if (this.gone()) return '';
    try {
      if (target === undefined) return await this.target.evaluate(() => document.body.innerText);
      return await this.withElement(target, (e) => e.evaluate((el) => (el as HTMLElement).innerText));
    } catch (error) {
      if (this.gone() || transient(error) || /closed|Target/i.test(String(error))) return '';
      throw error;
    }
  }
  value(target: Target) {
    return this.withElement(target, (e) => e.evaluate((el) => (el as HTMLInputElement).value));
  }
  checked(target: Target) {
    return this.withElement(target, (e) => e.evaluate((el) => (el as HTMLInputElement).checked || (el as Element).getAttribute('aria-checked') === 'true'));
  }
  box(target: Target) {
    return this.withElement(target, async (e): Promise<Box> => {
      await e.scrollIntoView();
      const box = await e.boundingBox();
      if (box === null) throw new Error(`${describeTarget(target)} has no box`);
      return box;
    });
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.target.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }
  async waitUntil<A>(fn: (arg: A) => unknown, arg: A, timeout = WAIT_MS) {
    await this.target.waitForFunction(fn as (arg: unknown) => unknown, { timeout, polling: 100 }, arg);
  }
  gone() {
    return 'isClosed' in this.target ? this.target.isClosed() : this.target.detached;
  }
}

/** What a document is at: over BiDi page.url() stays about:blank for moz-extension:// pages. */
async function locationOf(target: Page | Frame): Promise<string> {
  return target.evaluate(() => location.href).catch(() => '');
}

class PuppeteerTab extends PuppeteerSurface implements Tab {
  constructor(protected page: Page) {
    super(page);
  }
  async goto(url: string) {
    await this.page.goto(url);
  }
  async reload() {
    await this.page.reload();
  }
  async close() {
    await this.page.close();
  }
  url() {
    return locationOf(this.page);
  }
  async setViewport(width: number, height: number) {
    await this.page.setViewport({ width, height });
  }
  async clickAt(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  notes(): Promise<SeenNote[]> {
    return keywardNotesFirefox(this.page);
  }
  async clickNoteButton(name: string) {
    const box = await noteButtonBoxFirefox(this.page, name);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
  async frame(urlPrefix: string): Promise<Surface> {
    let found: Frame | undefined;
    await until(async () => {
      for (const frame of this.page.frames()) if ((await locationOf(frame)).startsWith(urlPrefix)) found = frame;
      return found !== undefined;
    }, `a frame at ${urlPrefix}`);
    if (found === undefined) throw new Error(`no frame at ${urlPrefix}`);
    return new PuppeteerSurface(found);
  }
  async hasPickerFrame() {
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame()) continue;
      if ((await locationOf(frame)).includes(PICKER_FRAME)) return true;
    }
    return false;
  }
  get puppeteer(): Page {
    return this.page;
  }
}

class PuppeteerExtensionTab extends PuppeteerTab implements ExtensionTab {
  constructor(
    page: Page,
    private readonly reopen: () => Promise<Page>,
  ) {
    super(page);
  }
  /** A fresh page: reloading a moz-extension page through BiDi does not report its load. */
  override async reload() {
    const next = await this.reopen();
    await this.page.close();
    this.page = next;
    this.target = next;
  }
  send<T extends MessageType>(type: T, payload: RequestOf<T>) {
    return sendFrom(this.page, type, payload);
  }
  call<T extends MessageType>(type: T, payload: RequestOf<T>) {
    return callFrom(this.page, type, payload);
  }
}

class PuppeteerPicker extends PuppeteerSurface implements Picker {
  readonly kind = 'window';
}

/** The picker windows open now (a closing one may vanish while it is looked at). */
async function pickerWindows(browser: PuppeteerBrowser): Promise<Page[]> {
  const found: Page[] = [];
  for (const page of await browser.pages().catch((): Page[] => [])) {
    if (page.isClosed()) continue;
    if ((await locationOf(page)).includes(PICKER_WINDOW)) found.push(page);
  }
  return found;
}

/**
 * Closes the picker windows still open (a refused fill leaves its window up, saying why) and waits
 * until they are gone: Firefox opens a new tab in the window focused last, which must not be one
 * that is about to close.
 */
async function closePickerWindows(browser: PuppeteerBrowser): Promise<void> {
  for (const window of await pickerWindows(browser)) await window.close().catch(() => undefined);
  await until(async () => (await pickerWindows(browser)).length === 0, 'picker windows to close', 5_000);
}

export interface FirefoxDriverSession extends Session {
  browser: 'firefox';
  harness: FirefoxSession;
}

export async function launchFirefoxDriver(options: LaunchOptions): Promise<FirefoxDriverSession> {
  const harness = await launchFirefox({
    dist: options.dist ?? distPath('firefox'),
    hosts: options.hosts,
    port: options.server?.port,
    httpPort: options.server?.httpPort,
  });
  const browser = harness.browser;
  /** Every picker window already returned: each belongs to one click. */
  const handedOut = new Set<Page>();
  const session: FirefoxDriverSession = {
    browser: 'firefox',
    harness,
    extensionUrl: (path) => harness.extensionUrl(path),
    async openExtensionPage(path) {
      const open = () => harness.openExtensionPage(path);
      return new PuppeteerExtensionTab(await open(), open);
    },
    async openPage(url, globals) {
      await closePickerWindows(browser);
      const page = await browser.newPage();
      // Playwright's default, so that both browsers lay pages out alike.
      await page.setViewport({ width: 1280, height: 720 });
      if (globals !== undefined) await page.evaluateOnNewDocument((values: Record<string, string>) => Object.assign(window, values), globals);
      await page.goto(url);
      return new PuppeteerTab(page);
    },
    async clickFillButton(tab, { nth = 0, inside = tab } = {}) {
      const box = await inside.box({ css: FILL_BUTTON, nth });
      // The button's visible part starts at its left edge (the host may be wider than the button).
      await tab.clickAt(box.x + 20, box.y + box.height / 2);
    },
    async openPicker(tab, choice) {
      // A finished fill's window closes itself a moment later: wait for that first, so the two are never confused.
      await until(async () => (await pickerWindows(browser)).length === 0, 'the last picker window to close', 5_000).catch(() => undefined);
      const earlier = [...handedOut, ...(await pickerWindows(browser))];
      await session.clickFillButton(tab, choice);
      let window: Page | undefined;
      // A new window on a loaded machine can take a while.
      await until(async () => {
        window = (await pickerWindows(browser)).find((p) => !earlier.includes(p));
        return window !== undefined;
      }, 'a picker window', 20_000);
      if (window === undefined) throw new Error('no picker window');
      handedOut.add(window);
      const picker = new PuppeteerPicker(window);
      await picker.waitUntil(() => document.readyState === 'complete', undefined);
      return picker;
    },
    async pickerWindows() {
      return (await pickerWindows(browser)).length;
    },
    async close() {
      await harness.close();
    },
  };
  return session;
}
