/**
 * `npm run bench`: measures what the issues ask for and prints one JSON object. Figures come
 * from the built extension in Debian's Chromium binary (launched directly, without the wrapper
 * script's extra flags) and, under `firefox`, in Firefox ESR (scripts/bench-firefox.ts).
 * Nothing here asserts a time: it reports. BENCH_BROWSERS=chromium|firefox runs one browser.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { type ChromiumSession, distPath, launchChromium } from '../tests/e2e/harness';
import { callFrom } from '../tests/e2e/driver/send';
import { BUSY_PAGES, measureCaptureLatency, measureFillLatency, measurePageCost } from './bench-pages';
import { measureFirefoxCapture, measureFirefoxFill, measureFirefoxVault } from './bench-firefox';
import { measureCheckAll } from './bench-health';
import { addBenchKeys, enterToListMs, noteEnter } from './bench-in-page';

const CHROMIUM = '/usr/lib/chromium/chromium';
const PASSWORD = 'bench-password-correct-horse';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

function round(values: number[]): number[] {
  return values.map((v) => Math.round(v * 10) / 10);
}

function bundleSizes() {
  const sizes: Record<string, { minifiedBytes: number; gzippedBytes: number } | null> = {};
  const entries: Record<string, string[]> = {
    background: ['src/background/index.js'],
    popup: ['src/popup/popup.js', 'popup.css', 'src/popup/popup.html'],
    offscreen: ['src/offscreen/offscreen.js', 'src/offscreen/offscreen.html'],
  };
  // One content script per exchange: each page loads only its own.
  const entriesDir = join(distPath('chrome'), 'src/content/entries');
  for (const file of readdirSync(entriesDir)) entries[`content:${file.replace(/\.js$/, '')}`] = [`src/content/entries/${file}`];
  for (const [name, files] of Object.entries(entries)) {
    const present = files.map((f) => join(distPath('chrome'), f)).filter((f) => statSync(f, { throwIfNoEntry: false }));
    if (present.length === 0) {
      sizes[name] = null;
      continue;
    }
    const bytes = Buffer.concat(present.map((f) => readFileSync(f)));
    sizes[name] = { minifiedBytes: bytes.length, gzippedBytes: gzipSync(bytes, { level: 9 }).length };
  }
  return sizes;
}

/**
 * The largest of the per-exchange light scripts (content:<id>, not the watchers, platforms or the
 * lookalike guard): what every page of an exchange, trading pages included, loads. Budget 5 KB.
 */
function lightScriptSize(bundles: ReturnType<typeof bundleSizes>) {
  const light = Object.entries(bundles).filter(
    ([name, size]) => size !== null && /^content:[a-z]+$/.test(name) && name !== 'content:lookalike-guard',
  );
  if (light.length === 0) return null;
  const [name, size] = light.reduce((a, b) => ((b[1]?.minifiedBytes ?? 0) > (a[1]?.minifiedBytes ?? 0) ? b : a));
  return { largest: name.replace(/^content:/, ''), minifiedBytes: size?.minifiedBytes ?? 0, gzippedBytes: size?.gzippedBytes ?? 0, budgetBytes: 5 * 1024 };
}

/** Times one message round trip from the page, as the popup sees it. */
async function timed(page: Page, type: string, payload: unknown): Promise<number> {
  return page.evaluate(
    async ([t, p]) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome
        .runtime;
      const start = performance.now();
      const reply = await runtime.sendMessage({ keyward: 1, type: t, payload: p });
      if (!reply.ok) throw new Error('failed');
      return performance.now() - start;
    },
    [type, payload] as const,
  );
}

async function kdfParams(session: ChromiumSession): Promise<unknown> {
  const worker = await session.serviceWorker();
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('keyward');
        request.onsuccess = () => {
          const get = request.result.transaction('meta').objectStore('meta').get('vault');
          get.onsuccess = () => resolve((get.result as { kdf: unknown }).kdf);
          get.onerror = () => reject(get.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/** From Enter in the popup's unlock form to the key list drawn, as a person unlocks. */
async function popupUnlockMs(session: ChromiumSession): Promise<number> {
  const popup = await session.openExtensionPage('src/popup/popup.html');
  await popup.waitForSelector('body[data-ready="unlock"]');
  await popup.locator('input[type="password"]').fill(PASSWORD);
  await popup.evaluate(noteEnter);
  await popup.keyboard.press('Enter');
  const handle = await popup.waitForFunction(enterToListMs, null, { timeout: 30_000 });
  const ms = (await handle.jsonValue()) as number;
  await popup.close();
  return ms;
}

async function measureUnlock(session: ChromiumSession, page: Page) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await callFrom(page, 'vault.lock', {});
    times.push(await timed(page, 'vault.unlock', { password: PASSWORD }));
  }
  const fromPopup: number[] = [];
  for (let i = 0; i < 5; i++) {
    await callFrom(page, 'vault.lock', {});
    fromPopup.push(await popupUnlockMs(session));
  }
  return {
    kdf: await kdfParams(session),
    runsMs: round(times),
    medianMs: median(times),
    fromPopup: { note: 'Enter in the popup to the (empty) key list drawn', runsMs: round(fromPopup), medianMs: median(fromPopup) },
  };
}

async function addKeys(page: Page, count: number): Promise<void> {
  await page.evaluate(addBenchKeys, count);
}

/** From navigation start to the list rendered with data (the popup marks body[data-ready=list]). */
async function popupOpenMs(session: ChromiumSession): Promise<number> {
  const page = await session.context.newPage();
  await page.addInitScript(() => {
    const scope = globalThis as unknown as { __keywardReadyAt?: number };
    new MutationObserver((_records, observer) => {
      if (document.body?.dataset.ready === 'list') {
        scope.__keywardReadyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'], childList: true });
  });
  await page.goto(session.extensionUrl('src/popup/popup.html'));
  await page.waitForSelector('body[data-ready="list"]', { timeout: 30_000 });
  const readyAt = await page.evaluate(() => (globalThis as unknown as { __keywardReadyAt?: number }).__keywardReadyAt ?? NaN);
  const rows = await page.locator('#key-groups ul.rows > li').count();
  await page.close();
  if (rows === 0) throw new Error('the popup listed no keys');
  return readyAt;
}

async function main() {
  // The matrix alone needs no build: skip the bundle sizes (dist/ may be absent or mid-build).
  const bundles: ReturnType<typeof bundleSizes> = process.env.BENCH_ONLY === 'matrix' ? {} : bundleSizes();
  const result: Record<string, unknown> = {
    machine: { cpus: (await import('node:os')).cpus().length, chromium: CHROMIUM },
    bundles,
    lightContentScript: lightScriptSize(bundles),
  };
  // BENCH_ONLY=vault|pages|capture|fill|health|leak|matrix runs one part (all by default).
  const only = process.env.BENCH_ONLY;
  const browsers = process.env.BENCH_BROWSERS ?? 'chromium,firefox';
  if (browsers.includes('firefox') && only !== 'matrix' && only !== 'leak') result.firefox = await measureFirefox(only);
  if (!browsers.includes('chromium')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  if (!only || only === 'vault') await measureVault(result);
  if (!only || only === 'pages') {
    const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
    result.tradingPageScriptCost = await measurePageCost(BUSY_PAGES.exchangeTradingPage, rounds);
  }
  if (!only || only === 'pages' || only === 'capture') result.captureLatency = await measureCaptureLatency(15);
  if (!only || only === 'fill') {
    const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
    result.platformPageScriptCost = await measurePageCost(BUSY_PAGES.platformNonBindPage, rounds);
    result.pickerClickToFilledMs = await measureFillLatency(15);
  }
  if (!only || only === 'health') result.checkAllFiftyKeys = await measureCheckAll(Number(process.env.BENCH_ROUNDS ?? 5));
  if (!only || only === 'leak') {
    // The leak guard (issue 11) on an ordinary busy page, against an extension that does nothing.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
    result.ordinaryPageScriptCost = await measurePageCost(BUSY_PAGES.ordinaryPage, rounds, 4000, 'idle-extension');
  }
  // Last: the matrix puts happy-dom's window on the global object, which the browser parts must not see.
  if (!only || only === 'matrix') result.captureMatrix = await captureMatrix();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** The Firefox figures: unlock, popup open (warm and with the event page suspended), capture, fill. */
async function measureFirefox(only: string | undefined): Promise<Record<string, unknown>> {
  const firefox: Record<string, unknown> = { executable: '/usr/bin/firefox-esr' };
  if (!only || only === 'vault') Object.assign(firefox, await measureFirefoxVault());
  if (!only || only === 'pages' || only === 'capture') firefox.captureLatency = await measureFirefoxCapture(15);
  if (!only || only === 'fill') firefox.pickerClickToFilledMs = await measureFirefoxFill(10);
  return firefox;
}

/**
 * Issue 8's capture matrix (exchange x markup shape: pass | offer | miss, with reasons): the variant
 * pages of tests/variants through the real watcher in a happy-dom window, no browser or build needed.
 */
async function captureMatrix(): Promise<unknown> {
  const { installDom } = await import('../tests/variants/dom');
  installDom('https://www.htx.com/');
  const { runMatrix } = await import('../tests/variants/matrix');
  return runMatrix();
}

async function measureVault(result: Record<string, unknown>): Promise<void> {
  const session = await launchChromium({ dist: distPath('chrome'), executablePath: CHROMIUM });
  try {
    const page = await session.openExtensionPage('src/popup/popup.html');
    await callFrom(page, 'vault.create', { password: PASSWORD });
    result.unlock = await measureUnlock(session, page);

    const keyCount = 1000;
    const addStart = Date.now();
    await addKeys(page, keyCount);
    result.addThousandKeysMs = Date.now() - addStart;

    const warm: number[] = [];
    const cold: number[] = [];
    await popupOpenMs(session); // first load compiles the popup's code: not counted
    for (let i = 0; i < 7; i++) warm.push(await popupOpenMs(session));
    for (let i = 0; i < 5; i++) {
      await session.stopServiceWorker();
      cold.push(await popupOpenMs(session));
    }
    result.popupOpenToList = {
      keys: keyCount,
      note: 'popup page opened as a tab; from navigation start to the list rendered with data',
      warmWorker: { runsMs: round(warm), medianMs: median(warm) },
      stoppedWorker: { runsMs: round(cold), medianMs: median(cold) },
    };
  } finally {
    await session.close();
  }
}

await main();
