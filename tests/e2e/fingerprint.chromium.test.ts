import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, type FixtureServer, assertBuilt, distPath, launchChromium, startFixtureServer } from './harness';
import { clickKeyward, picker } from './fill-driver';
import { POPUP, createVault } from './popup-driver';

/**
 * A web page cannot tell Keyward is installed: none of its files load from the fixed
 * chrome-extension://<id>/ URL (the picker is web-accessible only through Chrome's per-session
 * URL), not even on a platform page where the picker has just been framed, and the page has no
 * channel to Keyward (externally_connectable names no site).
 */

const PLATFORM_PAGE = 'https://app.3commas.io/accounts/new/';
// The picker page, its window page, its script, a shared chunk it loads, its style, the popup and the manifest.
const FILES = ['src/picker/picker.html', 'src/picker/window.html', 'src/picker/picker.js', 'registry.js', 'picker.css', 'src/popup/popup.html', 'manifest.json'];

let server: FixtureServer;
let session: ChromiumSession;

/** What the page's own script gets for each extension URL: 'loaded' or 'refused'. */
async function probe(page: Page): Promise<Record<string, string>> {
  const urls = FILES.map((file) => session.extensionUrl(file));
  const outcomes = await page.evaluate(
    async (list) => Promise.all(list.map((url) => fetch(url).then(() => 'loaded', () => 'refused'))),
    urls,
  );
  return Object.fromEntries(FILES.map((file, i) => [file, outcomes[i] ?? 'missing']));
}

const allRefused = Object.fromEntries(FILES.map((file) => [file, 'refused']));

beforeAll(async () => {
  assertBuilt('chrome');
  server = await startFixtureServer();
  session = await launchChromium({ dist: distPath('chrome'), hosts: ['app.3commas.io'], port: server.port, httpPort: server.httpPort });
  const popup = await session.openExtensionPage(POPUP);
  await createVault(popup, 'fingerprint-test-password');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('fingerprinting Keyward from a web page in Chromium', () => {
  it('loads none of its files by the fixed extension URL, before or after the picker is framed', async () => {
    const page = await session.context.newPage();
    await page.goto(PLATFORM_PAGE);
    expect(await probe(page)).toEqual(allRefused);

    await page.getByRole('combobox').click();
    await page.getByRole('option', { name: 'OKX', exact: true }).click();
    await clickKeyward(page);
    const frame = await picker(page);
    // The picker works: it loaded its own script and style although neither is web-accessible.
    await frame.getByRole('heading').first().waitFor();
    expect(await frame.evaluate(() => getComputedStyle(document.getElementById('picker-root') ?? document.body).padding)).toBe('10px');
    expect(await probe(page)).toEqual(allRefused);
    await page.close();
  });

  it('gives the page no channel to Keyward', async () => {
    const page = await session.context.newPage();
    await page.goto(PLATFORM_PAGE);
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe(
      'undefined',
    );
    await page.close();
  });
});
