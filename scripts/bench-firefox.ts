/**
 * Firefox figures for `npm run bench`, measured as scripts/bench.ts measures Chromium's: the
 * built extension (dist/firefox) in Firefox ESR, driven over WebDriver BiDi by the e2e harness.
 *
 * Firefox's background is an event page, not a service worker: no one can stop it on demand.
 * Firefox suspends it after `extensions.background.idle.timeout` without events; under remote
 * control it did not within 40 s at the default, so the vault figures run in a browser launched
 * here with a 3 s timeout (the e2e harness takes no extra prefs), and say per round whether the
 * background really started again after the popup did (read through extension.getViews(), which
 * wakes nothing).
 */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { launch } from '../tests/e2e/driver/launch';
import { POPUP } from '../tests/e2e/driver/popup';
import { FIREFOX_EXTENSION_UUID, distPath, launchFirefox, startFixtureServer } from '../tests/e2e/harness';
import { addBenchKeys, enterToListMs, noteEnter, watchCaptureDialog, watchFilledValue } from './bench-in-page';
import { FILL_BENCH_KEY, FILL_BENCH_SECRET } from './bench-pages';

const PASSWORD = 'bench-password-correct-horse';
/** How long the event page may idle before Firefox suspends it, and how long the bench waits. */
const IDLE_TIMEOUT_MS = 3000;
const IDLE_MS = Number(process.env.BENCH_FIREFOX_IDLE_MS ?? 8000);

interface BenchFirefox {
  browser: Browser;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Firefox with Keyward installed and a short event-page idle timeout; no fixture hosts. */
async function launchWithShortIdle(): Promise<BenchFirefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'keyward@keyward.app': FIREFOX_EXTENSION_UUID }),
      'extensions.background.idle.timeout': IDLE_TIMEOUT_MS,
    },
  });
  await browser.installExtension(distPath('firefox'));
  return {
    browser,
    extensionUrl: (path) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`,
    close: () => browser.close(),
  };
}

/** Opens an extension page and waits until it has loaded (goto never settles for them over BiDi). */
async function openPage(session: BenchFirefox, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  void page.goto(session.extensionUrl(path)).catch(() => undefined);
  await poll(page, () => (location.href.startsWith('moz-extension:') && document.readyState === 'complete' ? true : null));
  return page;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

const round1 = (values: readonly number[]) => values.map((v) => Math.round(v * 10) / 10);

interface Reply {
  ok: boolean;
  error?: { code: string };
}

/** Sends from an extension page, as the popup does; `timed` measures the round trip in the page. */
async function send(page: Page, type: string, payload: unknown): Promise<number> {
  const { ms, reply } = await page.evaluate(
    async (t: string, p: unknown) => {
      const runtime = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime;
      const start = performance.now();
      const answer = await runtime.sendMessage({ keyward: 1, type: t, payload: p });
      return { ms: performance.now() - start, reply: answer };
    },
    type,
    payload,
  );
  const answer = reply as Reply | undefined;
  if (!answer?.ok) throw new Error(`${type} failed: ${answer?.error?.code ?? 'no reply'}`);
  return ms;
}

/** Polls a page that is still navigating: over BiDi an evaluation can fail mid-navigation. */
async function poll<T>(page: Page, read: () => T | null, timeoutMs = 30_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const value = await page.evaluate(read).catch(() => null);
    if (value !== null && value !== undefined) return value as T;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error('timed out');
}

/**
 * Opens the popup as a tab; from its navigation start to the list drawn with data (the popup
 * marks `keyward:ready:list` when it sets body[data-ready=list]). Also whether the background
 * started after the popup's navigation (a cold start) and how many rows were drawn then.
 */
async function popupOpen(session: BenchFirefox): Promise<{ ms: number; backgroundRestarted: boolean }> {
  const page = await session.browser.newPage();
  void page.goto(session.extensionUrl(POPUP)).catch(() => undefined);
  const result = await poll(page, () => {
    const mark = performance.getEntriesByName('keyward:ready:list')[0];
    if (!mark || !location.href.startsWith('moz-extension:')) return null;
    // getViews() lists the event page while it runs (Firefox refuses the 'background' filter).
    const extension = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension;
    const background = extension.getViews().find((view) => view.location.pathname.includes('background'));
    return {
      ms: mark.startTime,
      backgroundStartedAt: background ? background.performance.timeOrigin : null,
      popupStartedAt: performance.timeOrigin,
      rows: document.querySelectorAll('#key-groups ul.rows > li').length,
    };
  });
  await page.close();
  if (result.rows === 0) throw new Error('the popup listed no keys');
  return {
    ms: result.ms,
    backgroundRestarted: result.backgroundStartedAt !== null && result.backgroundStartedAt > result.popupStartedAt,
  };
}

/** From Enter in the popup's unlock form to the key list drawn, as a person unlocks. */
async function popupUnlockMs(session: BenchFirefox): Promise<number> {
  const page = await openPage(session, POPUP);
  await poll(page, () => (document.body.dataset.ready === 'unlock' ? true : null));
  const field = await page.waitForSelector('input[type="password"]');
  await field?.type(PASSWORD);
  await page.evaluate(noteEnter);
  await page.keyboard.press('Enter');
  const ms = await poll(page, enterToListMs);
  await page.close();
  return ms;
}

export async function measureFirefoxVault(): Promise<Record<string, unknown>> {
  const session = await launchWithShortIdle();
  try {
    const page = await openPage(session, POPUP);
    await send(page, 'vault.create', { password: PASSWORD });
    const unlock: number[] = [];
    for (let i = 0; i < 5; i++) {
      await send(page, 'vault.lock', {});
      unlock.push(await send(page, 'vault.unlock', { password: PASSWORD }));
    }
    const fromPopup: number[] = [];
    for (let i = 0; i < 5; i++) {
      await send(page, 'vault.lock', {});
      fromPopup.push(await popupUnlockMs(session));
    }
    const addStart = Date.now();
    await page.evaluate(addBenchKeys, 1000);
    const addMs = Date.now() - addStart;
    await page.close();

    await popupOpen(session); // the first load compiles the popup's code: not counted
    const warm: number[] = [];
    for (let i = 0; i < 7; i++) warm.push((await popupOpen(session)).ms);
    const suspended: number[] = [];
    const restarted: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      // Every Keyward page is closed by now: none keeps talking to the background.
      await new Promise((done) => setTimeout(done, IDLE_MS));
      const cold = await popupOpen(session);
      suspended.push(cold.ms);
      restarted.push(cold.backgroundRestarted);
    }
    return {
      unlock: { note: 'vault.unlock message round trip from an extension page', runsMs: round1(unlock), medianMs: median(unlock) },
      unlockFromPopup: { note: 'Enter in the popup to the (empty) key list drawn', runsMs: round1(fromPopup), medianMs: median(fromPopup) },
      addThousandKeysMs: addMs,
      popupOpenToList: {
        keys: 1000,
        note: 'popup page opened as a tab; from navigation start to the list drawn with data',
        warmBackground: { runsMs: round1(warm), medianMs: median(warm) },
        suspendedBackground: {
          note: `after ${IDLE_MS / 1000} s with no Keyward page open, the event page's idle timeout set to ${IDLE_TIMEOUT_MS / 1000} s`,
          runsMs: round1(suspended),
          medianMs: median(suspended),
          backgroundRestartedEachRound: restarted,
        },
      },
    };
  } finally {
    await session.close();
  }
}

/** Dialog inserted → Keyward's confirmation inside it, timed in the page (as in bench-pages.ts). */
export async function measureFirefoxCapture(samples: number): Promise<Record<string, unknown>> {
  const server = await startFixtureServer();
  const session = await launchFirefox({ dist: distPath('firefox'), hosts: ['www.htx.com'], port: server.port, httpPort: server.httpPort });
  try {
    const popup = await session.openExtensionPage(POPUP);
    await send(popup, 'vault.create', { password: 'bench-capture-password' });
    await send(popup, 'vault.lock', {});
    const times: number[] = [];
    const missed: number[] = [];
    for (let i = 0; i < samples; i++) {
      const page = await session.browser.newPage();
      const access = `a${i.toString(16).padStart(7, '0')}-99b1d3f5-84e6a8c0-7b2d4`;
      await page.evaluateOnNewDocument(watchCaptureDialog, access);
      await page.goto('https://www.htx.com/en-us/apikey/');
      const create = await page.waitForFunction(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Create'));
      await (create.asElement() as ElementHandle<Element> | null)?.click();
      const confirmed = await page
        .waitForFunction(() => (window as unknown as { __confirmedAt?: number }).__confirmedAt !== undefined, { timeout: 10_000 })
        .then(() => true, () => false);
      if (!confirmed) {
        // Reported, not hidden: a capture that was not confirmed within 10 s.
        missed.push(i);
        await page.close();
        continue;
      }
      times.push(
        await page.evaluate(() => {
          const scope = window as unknown as { __confirmedAt: number; __dialogAt: number };
          return scope.__confirmedAt - scope.__dialogAt;
        }),
      );
      await page.close();
    }
    return {
      samples,
      note: 'Firefox coarsens performance.now() in web pages (1 ms or coarser)',
      notConfirmedWithin10s: missed,
      runsMs: round1(times),
      medianMs: median(times),
    };
  } finally {
    await session.close();
    await server.close();
  }
}

/**
 * Click on a key in Keyward's picker window to the values in the page's fields, vault unlocked
 * (Firefox picks in a window of Keyward's own, never in the page). Both ends are read on the
 * machine's clock (performance.timeOrigin + now) in their own documents.
 */
export async function measureFirefoxFill(samples: number): Promise<Record<string, unknown>> {
  const server = await startFixtureServer();
  const session = await launch('firefox', { hosts: ['app.3commas.io'], server });
  const secret = FILL_BENCH_SECRET;
  try {
    const popup = await session.openExtensionPage(POPUP);
    await popup.call('vault.create', { password: 'bench-fill-password' });
    await popup.call('keys.add', FILL_BENCH_KEY);
    const times: number[] = [];
    for (let i = 0; i < samples + 1; i++) {
      const tab = await session.openPage('https://app.3commas.io/accounts/new/');
      // The fill comes long after the load: watching from here sees it.
      await tab.evaluate(watchFilledValue, secret);
      await tab.click({ role: 'combobox' });
      await tab.click({ role: 'option', name: 'Binance Spot' });
      const picker = await session.openPicker(tab);
      await picker.evaluate(() => {
        document.addEventListener('click', () => ((window as unknown as { __clickAt: number }).__clickAt = performance.timeOrigin + performance.now()), true);
      });
      await picker.click({ role: 'button', name: /bench bot/ });
      await tab.waitUntil(() => (window as unknown as { __filledAt?: number }).__filledAt !== undefined, undefined, 10_000);
      const filledAt = await tab.evaluate(() => (window as unknown as { __filledAt: number }).__filledAt);
      const clickAt = picker.gone()
        ? Number.NaN
        : await picker.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt).catch(() => Number.NaN);
      // The first fill loads the picker's and the background's code paths: not counted.
      if (i > 0 && Number.isFinite(clickAt)) times.push(filledAt - clickAt);
      await tab.close();
    }
    return { samples: times.length, runsMs: round1(times), medianMs: median(times) };
  } finally {
    await session.close();
    await server.close();
  }
}
