import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distPath } from './harness';
import { BROWSERS, useBrowser, useFixtureServer, type DriverSession, FILL_BUTTON, type Tab, createVault } from './driver';

/**
 * A web page cannot tell Keyward is installed: none of its files load from the extension's URL
 * (in Chromium the picker is web-accessible only through Chrome's per-session URL; the Firefox
 * build declares no web-accessible resource at all, so there is nothing to fetch), not even on a
 * platform page where the picker has just been opened, and the page has no channel to Keyward.
 */

const PLATFORM_PAGE = 'https://app.3commas.io/accounts/new/';
// The picker page, its window page, its script, a shared chunk it loads, its style, the popup and the manifest.
const FILES = ['src/picker/picker.html', 'src/picker/window.html', 'src/picker/picker.js', 'registry.js', 'picker.css', 'src/popup/popup.html', 'manifest.json'];
const allRefused = Object.fromEntries(FILES.map((file) => [file, 'refused']));

const fixtures = useFixtureServer();

it('the Firefox build declares no web-accessible resource and no external channel', async () => {
  const manifest = JSON.parse(await readFile(join(distPath('firefox'), 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
});

describe.each(BROWSERS)('fingerprinting Keyward from a web page in %s', (browser) => {
  const use = useBrowser(browser, () => ({ hosts: ['app.3commas.io'], server: fixtures.server }));
  let session: DriverSession;

  /** What the page's own script gets for each extension URL: 'loaded' or 'refused'. */
  async function probe(page: Tab): Promise<Record<string, string>> {
    const urls = FILES.map((file) => session.extensionUrl(file));
    const outcomes = await page.evaluate(async (list) => Promise.all(list.map((url) => fetch(url).then(() => 'loaded', () => 'refused'))), urls);
    return Object.fromEntries(FILES.map((file, i) => [file, outcomes[i] ?? 'missing']));
  }

  beforeAll(async () => {
    ({ session } = use);
    const popup = use.popup;
    await createVault(popup, 'fingerprint-test-password');
  });

  it('loads none of its files by the extension URL, before or after the picker is opened', async () => {
    const page = await session.openPage(PLATFORM_PAGE);
    expect(await probe(page)).toEqual(allRefused);
    await page.click({ role: 'combobox' });
    await page.click({ role: 'option', name: 'OKX' });
    await page.waitFor({ css: FILL_BUTTON });
    const picker = await session.openPicker(page);
    // The picker works: it loaded its own script and style although neither is web-accessible.
    await picker.waitFor({ role: 'heading' });
    expect(await picker.evaluate(() => getComputedStyle(document.getElementById('picker-root') ?? document.body).padding)).toBe('10px');
    expect(await probe(page)).toEqual(allRefused);
    await page.close();
  });

  it('gives the page no channel to Keyward', async () => {
    const page = await session.openPage(PLATFORM_PAGE);
    expect(
      await page.evaluate(() => {
        const scope = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: { runtime?: { sendMessage?: unknown } } };
        return [typeof scope.chrome?.runtime?.sendMessage, typeof scope.browser?.runtime?.sendMessage];
      }),
    ).toEqual(['undefined', 'undefined']);
    await page.close();
  });
});
