// Runs a built MV3 extension (dist/chrome) in headless Chromium through playwright-core.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { chromium } from 'playwright-core';
import { withApiHosts } from './mock-exchange-api';

export interface ChromiumOptions {
  /** Unpacked extension directory (usually distPath('chrome')). */
  dist: string;
  /** Hostnames to send to the fixture server, e.g. ['www.htx.com']. */
  hosts?: string[];
  /** Fixture server HTTPS port: `https://host/…` (port 443) is routed here. */
  port?: number;
  /** Fixture server HTTP port: `http://host/…` (port 80) is routed here. */
  httpPort?: number;
  /** Reuse a profile (browser-restart tests). Default: a fresh temp dir, deleted by close(). */
  userDataDir?: string;
  /**
   * Default /usr/bin/chromium, Debian's wrapper script: it sources /etc/chromium.d (adds a few flags,
   * an empty --load-extension= that ours overrides since the last switch wins, and prints a harmless
   * "[: …: unexpected operator" from its dev-shm check). /usr/lib/chromium/chromium skips all that.
   */
  executablePath?: string;
  /** Default true; `npm start` shows a window when the machine has a display. */
  headless?: boolean;
  /** The browser's UI language (i18n.getUILanguage()); the machine's, English here, by default. */
  locale?: BrowserLocale;
}

/** UI languages a harness browser can be launched in, as the extension's _locales folders name them. */
export type BrowserLocale = 'en' | 'ru' | 'zh_CN' | 'zh_TW';

/**
 * On Linux Chromium takes its UI language from the environment (glib's language list: LANGUAGE
 * first), not from --lang, and only if Debian's chromium-l10n installed that language's .pak
 * (scripts/ensure-browsers.sh). Without the pack it stays en-US whatever is asked.
 */
function localeEnv(locale: BrowserLocale | undefined, executablePath: string | undefined): Record<string, string> | undefined {
  if (locale === undefined) return undefined;
  const pack = `/usr/lib/chromium/locales/${locale.replace('_', '-')}.pak`;
  if (locale !== 'en' && executablePath === undefined && !existsSync(pack)) {
    throw new Error(`${pack} is missing, so Chromium would stay English: run bash scripts/ensure-browsers.sh (installs chromium-l10n)`);
  }
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  env.LANGUAGE = locale === 'en' ? 'en_US' : locale;
  return env;
}

export interface ChromiumSession {
  /** Also holds one about:blank tab the harness uses for CDP; closing it is harmless. */
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** `chrome-extension://<id>/<path>`. */
  extensionUrl(path: string): string;
  /**
   * The extension's running service worker; starts it (and waits) if it is stopped. Call it again
   * after anything that may stop the worker: evaluate() on a stopped worker hangs.
   */
  serviceWorker(): Promise<Worker>;
  /** Really terminates the service worker (its globals are gone on the next start). */
  stopServiceWorker(): Promise<void>;
  /** Opens an extension page (e.g. the popup) in a new tab and waits for its load event. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser and waits for it to exit; deletes the profile if the harness created it, unless keepProfile. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
  /** Closes (keeping the profile) and launches again with the same options and profile. */
  restart(): Promise<ChromiumSession>;
}

/**
 * --host-resolver-rules patterns may carry a port and are matched against "host:port" too, and a
 * MAP target with a port rewrites the port whatever the URL said. So per host:
 *   MAP host:443 127.0.0.1:PORT      https://host/…           → HTTPS server
 *   MAP host:80  127.0.0.1:HTTPPORT  http://host/…            → HTTP server
 *   MAP host     127.0.0.1           https://host:PORT/… and http://host:HTTPPORT/… (port kept),
 *                                    i.e. the FixtureServer.url()/httpUrl() form shared with Firefox.
 * First matching rule wins. A plain `MAP host 127.0.0.1:PORT` would also send http:// to the TLS port.
 * HSTS-preloaded names (seen: www.coinbase.com, 3commas.io) are still upgraded http→https by Chromium
 * and no command-line switch turns the preload list off: test http:// on a name that is not preloaded
 * (www.htx.com, www.binance.com, www.okx.com, www.bybit.com… are not).
 */
export function hostResolverRules(hosts: string[], port?: number, httpPort?: number): string {
  // The exchanges' API hosts always go to the fixture server too, whose mock answers their self-queries.
  const rules = withApiHosts(hosts).flatMap((host) => [
    ...(port === undefined ? [] : [`MAP ${host}:443 127.0.0.1:${port}`]),
    ...(httpPort === undefined ? [] : [`MAP ${host}:80 127.0.0.1:${httpPort}`]),
    `MAP ${host} 127.0.0.1`,
  ]);
  return [...rules, 'EXCLUDE localhost'].join(', ');
}

const SW_URL = /^chrome-extension:\/\/([a-p]{32})\//;

/** A headless Chromium that talks to nothing but the fixture hosts, mapped to the local server. */
export function quietChromiumArgs(hosts: string[], port?: number, httpPort?: number): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // QUIC would bypass the mapped TCP ports.
    '--disable-quic',
    // The fixture server's certificate is self-signed. Playwright's ignoreHTTPSErrors covers pages,
    // not the extension's service worker, whose key checks (fetch to the exchanges' API hosts,
    // answered by the mock) would otherwise fail as if offline.
    '--ignore-certificate-errors',
    `--host-resolver-rules=${hostResolverRules(hosts, port, httpPort)}`,
  ];
}

export function launchChromium(opts: ChromiumOptions): Promise<ChromiumSession> {
  return launch(opts, opts.userDataDir === undefined);
}

/** ownsProfile: the profile is a harness-made temp dir that close() deletes (kept across restart()). */
async function launch(opts: ChromiumOptions, ownsProfile: boolean): Promise<ChromiumSession> {
  const dist = resolve(opts.dist);
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'keyward-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: opts.executablePath ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    ignoreHTTPSErrors: true,
    // A shown window (npm start) lays its pages out to its own size; Playwright's fixed 1280×720
    // left a blank strip in it. Headless runs keep the fixed size the tests were written against.
    ...(opts.headless === false ? { viewport: null } : {}),
    ...(opts.locale === undefined ? {} : { env: localeEnv(opts.locale, opts.executablePath) }),
    args: [
      // Playwright adds --disable-extensions; the -except switch overrides it for our extension.
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      ...quietChromiumArgs(opts.hosts ?? [], opts.port, opts.httpPort),
    ],
  });

  const isOurs = (worker: Worker) => SW_URL.test(worker.url());
  // The worker usually exists when launchPersistentContext resolves; otherwise it is about to appear.
  const first = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
  const extensionId = SW_URL.exec(first.url())?.[1];
  if (extensionId === undefined) throw new Error(`unexpected service worker URL ${first.url()}`);
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  const scope = extensionUrl('');

  // Chromium keeps the same DevTools target across a stop and restart of a worker version, so
  // Playwright keeps the same Worker object, never reports the stop, and evaluate() on a stopped
  // worker just hangs. The running state therefore comes from the CDP ServiceWorker domain, which
  // only page targets have: the harness keeps its own about:blank tab for that session.
  let state: { versionId: string; status: string } | undefined;
  const changed = new Set<() => void>();
  const attach = async (): Promise<CDPSession> => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (v.scriptURL.startsWith(scope) && v.status !== 'redundant') state = { versionId: v.versionId, status: v.runningStatus };
      }
      for (const notify of changed) notify();
    });
    // A test may close this tab; the next call re-attaches and re-learns the state.
    page.once('close', () => {
      control = undefined;
      state = undefined;
    });
    // enable() answers before the first workerVersionUpdated event arrives.
    await cdp.send('ServiceWorker.enable');
    await until('known');
    return cdp;
  };
  let control: Promise<CDPSession> | undefined;
  const cdp = () => (control ??= attach());
  // Resolves once the worker's running status is `status` ('known': any), as reported by CDP.
  const until = (status: string) =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(() => {
        changed.delete(check);
        fail(new Error(`extension service worker did not become ${status} (is ${state?.status ?? 'unknown'})`));
      }, 15_000);
      function check() {
        if (state === undefined || (status !== 'known' && state.status !== status)) return;
        clearTimeout(timer);
        changed.delete(check);
        done();
      }
      changed.add(check);
      check();
    });
  await cdp();

  const session: ChromiumSession = {
    context,
    extensionId,
    userDataDir,
    extensionUrl,
    async serviceWorker() {
      const devtools = await cdp();
      if (state?.status !== 'running') {
        // A stopped worker only wakes for an extension event; startWorker stands in for one.
        if (state?.status !== 'starting') await devtools.send('ServiceWorker.startWorker', { scopeURL: scope });
        await until('running');
      }
      const running = context.serviceWorkers().filter((w) => w.url().startsWith(scope)).at(-1);
      return running ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(scope) }));
    },
    async stopServiceWorker() {
      const devtools = await cdp();
      if (state === undefined || state.status === 'stopped') return;
      await devtools.send('ServiceWorker.stopWorker', { versionId: state.versionId });
      await until('stopped');
    },
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    async close(options = {}) {
      // For a persistent context this closes the browser and resolves once the process has exited,
      // so the profile (SingletonLock) is free for the next launch.
      await context.close();
      if (ownsProfile && options.keepProfile !== true) await rm(userDataDir, { recursive: true, force: true });
    },
    async restart() {
      await session.close({ keepProfile: true });
      if (existsSync(join(userDataDir, 'SingletonLock'))) throw new Error(`Chromium left ${userDataDir} locked`);
      return await launch({ ...opts, userDataDir }, ownsProfile);
    },
  };
  return session;
}
