/**
 * What `npm start` opens on a machine with a display, apart from start.ts so that a test can run
 * it headless: the fixture server serving the bundled pages under their real host names,
 * Chromium with Keyward and those names mapped to that server, and the tabs a newcomer needs (a
 * guide, Keyward's popup, HTX's API page, 3Commas' bind form). The server lives as long as the
 * browser: it stops when the window closes.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { type BrowserLocale, type ChromiumSession, type FixtureServer, distPath, launchChromium, startFixtureServer } from '../tests/e2e/harness';

/** The demo's own pages (the guide), laid out like a fixture root: <folder>/<host>/<path>. */
const DEMO_PAGES = fileURLToPath(new URL('demo-pages', import.meta.url));

export const POPUP = 'src/popup/popup.html';

/** The pages the demo opens, under the names a user would see on the real sites. */
export const DEMO_URLS = {
  /** A reserved name (RFC 2606), so it can never be someone's real site. */
  guide: 'https://demo.keyward.example/',
  htxApiPage: 'https://www.htx.com/en-us/apikey/',
  threeCommasBindForm: 'https://app.3commas.io/accounts/new/',
} as const;

/** Every name the browser sends to the local server (the exchanges' API hosts are added by the harness). */
export const DEMO_HOSTS = Object.values(DEMO_URLS).map((url) => new URL(url).hostname);

export interface DemoWindowOptions {
  /** Default true in the harness; `npm start` passes false to show the window. */
  headless?: boolean;
  /** The profile to keep (npm start: artifacts/demo-profile). Default: a temp one, deleted on close. */
  userDataDir?: string;
  /** Unpacked extension; default dist/chrome. */
  dist?: string;
  /** The browser's UI language (the store screenshots); the machine's by default. */
  locale?: BrowserLocale;
  /** More names to send to the local server besides the demo's (other bundled sites' pages). */
  hosts?: string[];
}

export interface DemoTabs {
  guide: Page;
  popup: Page;
  htxApiPage: Page;
  threeCommasBindForm: Page;
}

export interface DemoWindow {
  session: ChromiumSession;
  server: FixtureServer;
  /** In the order they sit in the window; the guide is in front. */
  tabs: DemoTabs;
  /** Resolves once the browser has closed and the fixture server has stopped after it. */
  stopped: Promise<void>;
}

/** Starts the server, launches Chromium on it and opens the demo's tabs; undoes what it started if a step fails. */
export async function openDemoWindow(options: DemoWindowOptions = {}): Promise<DemoWindow> {
  const server = await startFixtureServer(undefined, { hosts: DEMO_HOSTS, extraRoots: [DEMO_PAGES] });
  let session: ChromiumSession;
  try {
    session = await launchChromium({
      dist: options.dist ?? distPath('chrome'),
      hosts: [...DEMO_HOSTS, ...(options.hosts ?? [])],
      port: server.port,
      httpPort: server.httpPort,
      headless: options.headless,
      userDataDir: options.userDataDir,
      locale: options.locale,
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  // Registered before any tab opens, so a window closed early still stops the server.
  const stopped = new Promise<void>((done, fail) => {
    session.context.once('close', () => void server.close().then(done, fail));
  });
  try {
    const { context } = session;
    // Playwright's first tab and the harness's CDP tab are blank: a newcomer would only wonder
    // what they are for. Closing the CDP tab is harmless (the harness re-attaches on demand).
    const blank = context.pages().filter((page) => page.url() === 'about:blank');
    const open = async (url: string) => {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    };
    const tabs: DemoTabs = {
      guide: await open(DEMO_URLS.guide),
      popup: await session.openExtensionPage(POPUP),
      htxApiPage: await open(DEMO_URLS.htxApiPage),
      threeCommasBindForm: await open(DEMO_URLS.threeCommasBindForm),
    };
    for (const page of blank) await page.close();
    await tabs.guide.bringToFront();
    return { session, server, tabs, stopped };
  } catch (error) {
    await session.close();
    await stopped;
    throw error;
  }
}
