import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGED_BROWSERS, REPO_ROOT, buildPackages, lintPackage, packageProblems, packageVersion, readTree } from '../../scripts/package';
import type { TargetBrowser } from '../../scripts/manifest';
import { readZip } from '../../scripts/zip';
import { type ChromiumSession, assertBuilt, distPath, launchChromium } from './harness';

/**
 * The store packages `npm run package` writes (scripts/package.ts), checked as a store receives
 * them. The test runs the script's own steps after the build (web-ext build of dist/<browser>,
 * then its checks) into a temporary folder, rather than `npm run package` itself: that would
 * rebuild dist/ (emptying it first) under the other end-to-end file running beside this one, and
 * write into artifacts/, which belongs to whoever runs the tests. The build is the one the other
 * end-to-end tests drive.
 */

let artifacts: string;
let unpacked: string;
let zips: Record<TargetBrowser, string>;
let version: string;
let chromium: ChromiumSession | undefined;

beforeAll(async () => {
  for (const browser of PACKAGED_BROWSERS) assertBuilt(browser);
  artifacts = await mkdtemp(join(tmpdir(), 'keyward-package-'));
  unpacked = join(artifacts, 'chrome-unpacked');
  version = await packageVersion(REPO_ROOT);
  zips = await buildPackages(REPO_ROOT, artifacts);
});

afterAll(async () => {
  await chromium?.close();
  if (artifacts !== undefined) await rm(artifacts, { recursive: true, force: true });
});

describe('the store packages', () => {
  it.each(PACKAGED_BROWSERS)('%s: named by package.json’s version, holding exactly the build', async (browser) => {
    expect(zips[browser]).toBe(join(artifacts, `keyward-${browser}-${version}.zip`));
    const entries = await readZip(zips[browser]);
    // Spelled out, beside packageProblems' full list: the faults a store review would reject.
    const names = [...entries.keys()];
    expect(names.filter((name) => name.endsWith('.map'))).toEqual([]);
    expect(names.filter((name) => /(?:^|\/)fixtures\/|\.test\.|\.tsx?$/.test(name))).toEqual([]);
    expect((JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as { version?: unknown }).version).toBe(version);
    expect(packageProblems(entries, await readTree(distPath(browser)), version)).toEqual([]);
  });

  it('firefox: web-ext lint of the zip finds no error and no warning', async () => {
    const lint = await lintPackage(REPO_ROOT, zips.firefox);
    // What the linter read is this package, not a folder beside it.
    expect({ id: lint.id, version: lint.version }).toEqual({ id: 'keyward@keyward.app', version });
    expect({ errors: lint.errors, warnings: lint.warnings, messages: lint.messages }).toEqual({ errors: 0, warnings: 0, messages: [] });
  });

  it('chrome: unzipped, it loads in Chromium, its worker starts and the popup offers to create a vault', async () => {
    for (const [name, bytes] of await readZip(zips.chrome)) {
      const path = join(unpacked, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    }
    chromium = await launchChromium({ dist: unpacked });
    const worker = await chromium.serviceWorker();
    // The worker that runs is the package's, at the package's version (the harness found it by URL).
    const running = await worker.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome;
      return api.runtime.getManifest().version;
    });
    expect(running).toBe(version);
    const popup = await chromium.openExtensionPage('src/popup/popup.html');
    await popup.waitForSelector('body[data-ready="create"]', { timeout: 15_000 });
    expect(await popup.getByRole('heading', { name: 'Create your Keyward vault' }).isVisible()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Create vault' }).isVisible()).toBe(true);
  });
});
