// E2E harness: build once (npm run build), then drive dist/<browser> in real headless browsers
// against fixture pages served under real exchange hostnames.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export * from './chromium';
export * from './firefox';
export * from './mock-exchange-api';
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

/**
 * A copy of the built extension whose manifest already holds these host permissions, as if the
 * user had answered "Allow" to the browser's prompt: headless browsers cannot show or answer
 * that prompt, and permissions.request() resolves true at once for a permission already held.
 * Everything after the prompt (the popup's add, the registered script, the fill) runs as shipped.
 */
export async function distWithGrantedSites(browser: BrowserName, patterns: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `keyward-${browser}-granted-`));
  await cp(distPath(browser), dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...patterns];
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return dir;
}
