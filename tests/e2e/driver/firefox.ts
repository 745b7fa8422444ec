import type { Browser as PuppeteerBrowser, ElementHandle, Frame, KeyInput, Page } from 'puppeteer-core';
import type { MessageType, RequestOf } from '../../../src/messages';
import { type FirefoxSession, distPath, launchFirefox } from '../harness';
import { type Target, describeTarget, locateInPage, toWire } from './find';
import { keywardNotesFirefox, noteButtonBoxFirefox } from './notes-firefox';
import { callFrom, sendFrom } from './send';
import type { ExtensionTab, LaunchOptions, Picker, Session, SeenNote, Surface, Tab } from './types';
import { ElementSurface, WAIT_MS } from './surface';
import { until } from './wait';

const PICKER_FRAME = '/src/picker/picker.html';
const PICKER_WINDOW = '/src/picker/window.html';
const FILL_BUTTON = 'keyward-inline[data-keyward="fill-button"]';

/**
 * A look that failed because the document moved under it: BiDi can fail an evaluation outright
 * while a page navigates or re-renders; the next look is simply a look at the new state.
 */
const moved = (error: unknown) => /detached|destroyed|not attached|no such (?:node|frame)|right-hand side of 'in'|stale/i.test(String(error));

class PuppeteerSurface extends ElementSurface<ElementHandle<Element>> {
  constructor(protected target: Page | Frame) {
    super();
  }

  protected async find(target: Target, timeout: number): Promise<ElementHandle<Element>> {
    await this.allowLoaderNames();
    const arg = [toWire(target), 'one'] as const;
    let last: unknown;
    for (const deadline = Date.now() + timeout; Date.now() < deadline; ) {
      try {
        const found = await this.target.waitForFunction(locateInPage, { timeout: Math.max(100, deadline - Date.now()), polling: 100 }, arg);
        const element = found.asElement();
        if (element !== null) return element as ElementHandle<Element>;
      } catch (error) {
        last = error;
        if (!moved(error)) break;
      }
    }
    throw new Error(`nothing matches ${describeTarget(target)}: ${String(last).split('\n')[0] ?? ''}`);
  }
  protected async runSource(source: string): Promise<void> {
    await this.target.evaluate(source);
  }
  protected read<R, A>(element: ElementHandle<Element>, fn: (el: Element, arg: A) => R, arg: A): Promise<R> {
    return element.evaluate(fn as (el: Element, arg: unknown) => R, arg) as Promise<R>;
  }
  protected clickElement(element: ElementHandle<Element>) {
    // Puppeteer clicks where the element is, enabled or not, covered or not: force is the default.
    return element.click();
  }
  protected async fillElement(element: ElementHandle<Element>, value: string) {
    await element.evaluate((el) => {
      (el as HTMLElement).focus();
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
    });
    await element.press('Backspace');
    if (value !== '') await element.type(value);
  }
  protected async typeInto(element: ElementHandle<Element>, text: string) {
    await element.focus();
    await element.type(text);
  }
  protected async boxOf(element: ElementHandle<Element>) {
    await element.scrollIntoView();
    return element.boundingBox();
  }
  protected moved(error: unknown) {
    return moved(error);
  }
  async press(key: string) {
    const keyboard = ('page' in this.target && typeof this.target.page === 'function' ? this.target.page() : (this.target as Page)).keyboard;
    // A chord as Playwright writes it ("Control+V"): Puppeteer presses one key, so the modifiers
    // are held down around it, as a person's fingers are.
    const [last = key, ...held] = key.split('+').reverse();
    for (const modifier of [...held].reverse()) await keyboard.down(modifier as KeyInput);
    await keyboard.press(last as KeyInput);
    for (const modifier of held) await keyboard.up(modifier as KeyInput);
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
  async bringToFront() {
    await this.page.bringToFront();
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
    locale: options.locale,
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
