// E2E harness: build once (npm run build), then drive dist/<browser> in real headless browsers
// against fixture pages served under real exchange hostnames.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export * from './chromium';
export * from './firefox';
export * from './server';

export type BrowserName = 'chrome' | 'firefox';

/** Absolute path of dist/<browser> in the repo (independent of the cwd). */
export function distPath(browser: BrowserName): string {
  return fileURLToPath(new URL(`../../../dist/${browser}`, import.meta.url));
}

/** Throws early, with the fix, when the extension has not been built for this browser. */
export function assertBuilt(browser: BrowserName): void {
  const manifest = `${distPath(browser)}/manifest.json`;
  if (!existsSync(manifest)) {
    throw new Error(`${manifest} is missing: run npm run build first (e2e tests drive the built extension)`);
  }
}
