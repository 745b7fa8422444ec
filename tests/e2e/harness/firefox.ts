// Runs a built extension (dist/firefox) in headless Firefox ESR through puppeteer-core + WebDriver BiDi.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import type { BrowserLocale } from './chromium';
import { withApiHosts } from './mock-exchange-api';

export interface FirefoxOptions {
  /** Unpacked extension directory (usually distPath('firefox')). */
  dist: string;
  /** Hostnames that resolve to 127.0.0.1 (any port: FixtureServer.url()/httpUrl() work). */
  hosts?: string[];
  /** Fixture server HTTPS port: connections to port 443 go here, so `https://host/…` works. */
  port?: number;
  /** Fixture server HTTP port: connections to port 80 go here, so `http://host/…` works. */
  httpPort?: number;
  /** Default /usr/bin/firefox-esr. */
  executablePath?: string;
  /** The browser's UI language (i18n.getUILanguage()); the build's own, en-US, by default. */
  locale?: BrowserLocale;
}

export interface FirefoxSession {
  browser: Browser;
  /** browser_specific_settings.gecko.id from the manifest. */
  geckoId: string;
  /** The extension's internal UUID, pinned by the harness so URLs are known before install. */
  uuid: string;
  /** `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes Firefox; puppeteer deletes its temp profile. */
  close(): Promise<void>;
}

/** Fixed so every session has the same moz-extension:// origin (profiles are fresh each launch). */
export const FIREFOX_EXTENSION_UUID = '6f0c2d1e-3b5a-4c7d-9e8f-0a1b2c3d4e5f';

async function readGeckoId(dist: string): Promise<string> {
  const manifest: unknown = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8'));
  const id = (manifest as { browser_specific_settings?: { gecko?: { id?: unknown } } }).browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${dist}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

function forcePort(port?: number, httpPort?: number): string {
  return [port === undefined ? '' : `443=${port}`, httpPort === undefined ? '' : `80=${httpPort}`].filter(Boolean).join(';');
}

/**
 * Firefox ESR's UI languages are language packs (Debian's firefox-esr-l10n-*, an add-on each in the
 * application's extensions folder), picked by the intl.locale.requested pref; puppeteer's profile
 * already enables add-ons of that folder (extensions.enabledScopes 5, autoDisableScopes 0).
 * Without the pack Firefox falls back to en-US silently, so its absence is an error here.
 */
function localePrefs(locale: BrowserLocale | undefined, executablePath: string | undefined): Record<string, string> {
  if (locale === undefined) return {};
  const tag = locale.replace('_', '-');
  const pack = `/usr/lib/firefox-esr/browser/extensions/langpack-${tag}@firefox-esr.mozilla.org.xpi`;
  if (locale !== 'en' && executablePath === undefined && !existsSync(pack)) {
    throw new Error(`${pack} is missing, so Firefox would stay English: run bash scripts/ensure-browsers.sh (installs firefox-esr-l10n-${tag.toLowerCase()})`);
  }
  return { 'intl.locale.requested': locale === 'en' ? 'en-US' : tag };
}

export async function launchFirefox(opts: FirefoxOptions): Promise<FirefoxSession> {
  const dist = resolve(opts.dist);
  const languagePrefs = localePrefs(opts.locale, opts.executablePath);
  const geckoId = await readGeckoId(dist);
  const uuid = FIREFOX_EXTENSION_UUID;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: opts.executablePath ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    acceptInsecureCerts: true,
    // Without it BiDi refuses to navigate to moz-extension:// ("not allowed in this context").
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Resolves exactly these names to loopback (other names still fail: no network in tests).
      // With the exchanges' API hosts, whose self-queries the fixture server's mock answers.
      'network.dns.localDomains': withApiHosts(opts.hosts ?? []).join(','),
      // Test-only pref, "443=P;80=Q": rewrites the port of every outgoing connection, whatever the
      // host, which with localDomains gives the same port-less URLs as Chromium's resolver rules.
      'network.socket.forcePort': forcePort(opts.port, opts.httpPort),
      // No http→https upgrade for HSTS-preloaded names (www.coinbase.com…); Chromium has no such switch.
      'network.stricttransportsecurity.preloadlist': false,
      // A scenario keeps a dozen tabs open and comes back to them: Firefox must not unload one
      // that has sat in the background while the machine ran low on memory.
      'browser.tabs.unloadOnLowMemory': false,
      // Read when an add-on is installed: pins its moz-extension:// UUID.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      ...languagePrefs,
    },
  });
  try {
    await browser.installExtension(dist);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  return {
    browser,
    geckoId,
    uuid,
    extensionUrl,
    async openExtensionPage(path: string) {
      const page = await browser.newPage();
      const url = extensionUrl(path);
      // goto() on a moz-extension:// URL never settles over BiDi (and page.url() stays about:blank),
      // so start it and watch the document instead.
      void page.goto(url).catch(() => undefined);
      // Polled by hand: while the tab moves from about:blank to the extension page, BiDi can fail
      // an evaluation outright ("right-hand side of 'in' should be an object"), which would end a
      // waitForFunction; here a failed look is just a look too early.
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
        const loaded = await page
          .evaluate((u: string) => location.href === u && document.readyState === 'complete', url)
          .catch(() => false);
        if (loaded) return page;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`${url} did not load`);
    },
    async close() {
      await browser.close();
    },
  };
}
