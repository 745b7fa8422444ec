import { afterAll, beforeAll } from 'vitest';
import { type FixtureServer, assertBuilt, startFixtureServer } from '../harness';
import { type DriverSession, launch } from './launch';
import { POPUP } from './popup';
import type { Browser, ExtensionTab, LaunchOptions } from './types';

/** Throws early, with the fix, when the shipped build of this browser is missing. */
export function assertShippedBuild(browser: Browser): void {
  assertBuilt(browser === 'chromium' ? 'chrome' : 'firefox');
}

/** One fixture server for the file: started before its first test, closed after its last. */
export function useFixtureServer(): { readonly server: FixtureServer } {
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (server === undefined) throw new Error('the fixture server starts in beforeAll');
      return server;
    },
  };
}

/**
 * One browser for the describe block (one launch per file and browser: launches are what cost),
 * with Keyward's popup open: launched before its first test, closed after its last. Options are
 * read at launch, so they may name the file's fixture server.
 */
export function useBrowser(browser: Browser, options: () => LaunchOptions | Promise<LaunchOptions> = () => ({})): { readonly session: DriverSession; readonly popup: ExtensionTab } {
  let session: DriverSession | undefined;
  let popup: ExtensionTab | undefined;
  beforeAll(async () => {
    assertShippedBuild(browser);
    session = await launch(browser, await options());
    popup = await session.openExtensionPage(POPUP);
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get session() {
      if (session === undefined) throw new Error('the browser launches in beforeAll');
      return session;
    },
    get popup() {
      if (popup === undefined) throw new Error('the browser launches in beforeAll');
      return popup;
    },
  };
}
