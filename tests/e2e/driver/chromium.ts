import type { ElementHandle, Frame, Page } from 'playwright-core';
import type { MessageType, RequestOf } from '../../../src/messages';
import { type ChromiumSession, distPath, launchChromium } from '../harness';
import { type Target, describeTarget, locateInPage, toWire } from './find';
import { keywardNotesChromium, noteButtonBoxChromium } from './notes-chromium';
import { callFrom, sendFrom } from './send';
import { ElementSurface, WAIT_MS } from './surface';
import type { ExtensionTab, LaunchOptions, Picker, Session, SeenNote, Surface, Tab } from './types';

const PICKER_FRAME = '/src/picker/picker.html';
const PICKER_WINDOW = '/src/picker/window.html';
export const FILL_BUTTON = 'keyward-inline[data-keyward="fill-button"]';

class PlaywrightSurface extends ElementSurface<ElementHandle> {
  constructor(protected target: Page | Frame) {
    super();
  }

  protected async find(target: Target, timeout: number): Promise<ElementHandle> {
    await this.allowLoaderNames();
    try {
      const found = await this.target.waitForFunction(locateInPage, [toWire(target), 'one'] as const, { timeout, polling: 100 });
      const element = found.asElement();
      if (element === null) throw new Error('not an element');
      return element as ElementHandle;
    } catch (error) {
      throw new Error(`nothing matches ${describeTarget(target)}: ${String(error).split('\n')[0] ?? ''}`);
    }
  }
  protected async runSource(source: string): Promise<void> {
    await this.target.evaluate(source);
  }
  protected read<R, A>(element: ElementHandle, fn: (el: Element, arg: A) => R, arg: A): Promise<R> {
    return element.evaluate(fn as (el: Node, arg: unknown) => R, arg) as Promise<R>;
  }
  protected clickElement(element: ElementHandle, force: boolean) {
    return element.click({ timeout: WAIT_MS, force });
  }
  protected fillElement(element: ElementHandle, value: string) {
    return element.fill(value, { timeout: WAIT_MS });
  }
  protected typeInto(element: ElementHandle, text: string) {
    return element.type(text, { timeout: WAIT_MS });
  }
  protected async boxOf(element: ElementHandle) {
    await element.scrollIntoViewIfNeeded();
    return element.boundingBox();
  }
  protected moved(error: unknown) {
    return /not attached|detached|Execution context was destroyed/i.test(String(error));
  }
  async press(key: string) {
    await ('page' in this.target ? this.target.page() : this.target).keyboard.press(key);
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.target.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }
  async waitUntil<A>(fn: (arg: A) => unknown, arg: A, timeout = WAIT_MS) {
    await this.target.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout, polling: 100 });
  }
  gone() {
    return 'isDetached' in this.target ? this.target.isDetached() : this.target.isClosed();
  }
}

class PlaywrightTab extends PlaywrightSurface implements Tab {
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
  async url() {
    return this.page.url();
  }
  async setViewport(width: number, height: number) {
    await this.page.setViewportSize({ width, height });
  }
  async clickAt(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  notes(): Promise<SeenNote[]> {
    return keywardNotesChromium(this.page);
  }
  async clickNoteButton(name: string) {
    const box = await noteButtonBoxChromium(this.page, name);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
  async frame(urlPrefix: string): Promise<Surface> {
    const found = await poll(() => this.page.frames().find((f) => f.url().startsWith(urlPrefix)), `a frame at ${urlPrefix}`);
    await found.waitForLoadState();
    return new PlaywrightSurface(found);
  }
  async hasPickerFrame() {
    return this.page.frames().some((f) => f.url().includes(PICKER_FRAME));
  }
  /** For the Chromium-only checks (the accessibility tree, CDP). */
  get playwright(): Page {
    return this.page;
  }
}

class PlaywrightExtensionTab extends PlaywrightTab implements ExtensionTab {
  send<T extends MessageType>(type: T, payload: RequestOf<T>) {
    return sendFrom(this.page, type, payload);
  }
  call<T extends MessageType>(type: T, payload: RequestOf<T>) {
    return callFrom(this.page, type, payload);
  }
}

class PlaywrightPicker extends PlaywrightSurface implements Picker {
  constructor(
    target: Page | Frame,
    readonly kind: 'frame' | 'window',
  ) {
    super(target);
  }
}

/** Polls a look that is cheap and local (frames, pages) until it finds something. */
async function poll<T>(look: () => T | undefined, what: string, timeout = WAIT_MS): Promise<T> {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; ) {
    const found = look();
    if (found !== undefined) return found;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`no ${what}`);
}

export interface ChromiumDriverSession extends Session {
  browser: 'chromium';
  /** The harness session underneath, for what only Chromium can do (service worker, restart). */
  harness: ChromiumSession;
  /** Restarts the browser on the same profile. */
  restart(): Promise<void>;
  stopServiceWorker(): Promise<void>;
}

export async function launchChromiumDriver(options: LaunchOptions): Promise<ChromiumDriverSession> {
  let harness = await launchChromium({
    dist: options.dist ?? distPath('chrome'),
    hosts: options.hosts,
    port: options.server?.port,
    httpPort: options.server?.httpPort,
    locale: options.locale,
  });
  const windows = () => harness.context.pages().filter((p) => p.url().includes(PICKER_WINDOW));
  const session: ChromiumDriverSession = {
    browser: 'chromium',
    get harness() {
      return harness;
    },
    extensionUrl: (path) => harness.extensionUrl(path),
    async openExtensionPage(path) {
      return new PlaywrightExtensionTab(await harness.openExtensionPage(path));
    },
    async openPage(url, globals) {
      const page = await harness.context.newPage();
      if (globals !== undefined) await page.addInitScript((values) => Object.assign(window, values), globals);
      await page.goto(url);
      return new PlaywrightTab(page);
    },
    async clickFillButton(tab, { nth = 0, inside = tab } = {}) {
      const box = await inside.box({ css: FILL_BUTTON, nth });
      // The button's visible part starts at its left edge (the host may be wider than the button).
      await tab.clickAt(box.x + 20, box.y + box.height / 2);
    },
    async openPicker(tab, choice) {
      if (!(tab instanceof PlaywrightTab)) throw new Error('not a Chromium tab');
      const before = new Set(windows());
      await session.clickFillButton(tab, choice);
      const page = tab.playwright;
      const found = await poll<Picker>(() => {
        const frame = page.frames().find((f) => f.url().includes(PICKER_FRAME));
        if (frame) return new PlaywrightPicker(frame, 'frame');
        const window = windows().find((w) => !before.has(w));
        return window && new PlaywrightPicker(window, 'window');
      }, 'picker', 15_000);
      await found.waitUntil(() => document.readyState === 'complete', undefined);
      return found;
    },
    async pickerWindows() {
      return windows().length;
    },
    async close() {
      await harness.close();
    },
    async restart() {
      harness = await harness.restart();
    },
    stopServiceWorker: () => harness.stopServiceWorker(),
  };
  return session;
}

/** The Playwright page under a Chromium tab, for checks only Chromium's DevTools protocol allows. */
export function playwrightPageOf(tab: Tab): Page {
  if (!(tab instanceof PlaywrightTab)) throw new Error('not a Chromium tab');
  return tab.playwright;
}

/**
 * For scripts run by tsx (the demo): tsx keeps function names by wrapping them in __name(), which
 * breaks any function serialised into a page, so these two use Playwright's own locators only.
 */
export async function clickFillButtonIn(page: Page, nth = 0): Promise<void> {
  const button = page.locator(FILL_BUTTON).nth(nth);
  await button.waitFor({ timeout: WAIT_MS });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error('no Keyward button');
  await page.mouse.click(box.x + 20, box.y + box.height / 2);
}

/** Keyward's framed picker in this page, once it has loaded. */
export async function pickerFrameIn(page: Page): Promise<Frame> {
  const frame = await poll(() => page.frames().find((f) => f.url().includes(PICKER_FRAME)), 'picker frame');
  await frame.waitForLoadState();
  return frame;
}
