/**
 * What Keyward costs on exchange and platform pages, for `npm run bench`:
 * - main-thread script time added on a trading page whose order book changes N rows a second,
 *   extension on versus off, each measurement in a fresh browser, alternating;
 * - capture latency, from the secret dialog entering the DOM to Keyward's confirmation in it
 *   (the record is committed before the background answers, so this bounds the commit time).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { clickKeyward, picker } from '../tests/e2e/fill-driver';
import { distPath, launchChromium, quietChromiumArgs, startFixtureServer } from '../tests/e2e/harness';
import { sendFromPage } from '../tests/e2e/popup-driver';
import type { RequestOf } from '../src/messages';
import { watchCaptureDialog, watchFilledValue } from './bench-in-page';

const CHROMIUM = '/usr/lib/chromium/chromium';
const HOSTS = ['www.htx.com', 'app.3commas.io', 'chat.team-notes.example'];

/** Pages traders keep open, each with a stream of DOM changes: `rate` is appended as ?rate=. */
export const BUSY_PAGES = {
  exchangeTradingPage: 'https://www.htx.com/en-us/trade/btc_usdt/',
  platformNonBindPage: 'https://app.3commas.io/smart_trade/',
  /** An ordinary site (a team chat streaming messages): the lookalike guard and the leak guard run there. */
  ordinaryPage: 'https://chat.team-notes.example/',
} as const;

/** What the "off" side of a page-cost measurement runs: no extension, or one that does nothing. */
export type Baseline = 'no-extension' | 'idle-extension';

/**
 * An MV3 extension with an empty service worker and no content script: the baseline for the leak
 * guard, so the figure is what Keyward's scripts add to a page, not what loading any extension does.
 */
async function idleExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'keyward-bench-idle-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'idle', version: '1.0', background: { service_worker: 'sw.js' } }));
  await writeFile(join(dir, 'sw.js'), '// Does nothing: a baseline for npm run bench.\n');
  return dir;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** A fresh browser with Keyward (`dist`), another unpacked extension, or none (null). */
async function launch(dist: string | null, port: number): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (dist !== null) {
    const session = await launchChromium({ dist, hosts: HOSTS, port, executablePath: CHROMIUM });
    return { context: session.context, close: () => session.close() };
  }
  const profile = await mkdtemp(join(tmpdir(), 'keyward-bench-off-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    args: quietChromiumArgs(HOSTS, port),
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Script milliseconds per second of page time over the window, from Performance.getMetrics. */
async function scriptCost(dist: string | null, port: number, url: string, rate: number, windowMs: number): Promise<number> {
  const browser = await launch(dist, port);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${url}?rate=${rate}`);
    await page.waitForTimeout(1500); // content scripts load at document_idle; let the page settle
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const sample = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { script: get('ScriptDuration'), time: get('Timestamp') };
    };
    const start = await sample();
    await page.waitForTimeout(windowMs);
    const end = await sample();
    return ((end.script - start.script) * 1000) / (end.time - start.time);
  } finally {
    await browser.close();
  }
}

export async function measurePageCost(url: string, rounds: number, windowMs = 4000, baseline: Baseline = 'no-extension') {
  const server = await startFixtureServer();
  const idle = baseline === 'idle-extension' ? await idleExtension() : null;
  const keyward = distPath('chrome');
  try {
    const result: Record<string, unknown> = {};
    for (const rate of [200, 1000]) {
      const on: number[] = [];
      const offA: number[] = [];
      const offB: number[] = [];
      for (let round = 0; round < rounds; round++) {
        // Alternate the order so drift over the run does not favour either side.
        if (round % 2 === 0) {
          offA.push(await scriptCost(idle, server.port, url, rate, windowMs));
          on.push(await scriptCost(keyward, server.port, url, rate, windowMs));
        } else {
          on.push(await scriptCost(keyward, server.port, url, rate, windowMs));
          offA.push(await scriptCost(idle, server.port, url, rate, windowMs));
        }
        offB.push(await scriptCost(idle, server.port, url, rate, windowMs));
      }
      const added = on.map((v, i) => v - ((offA[i] ?? 0) + (offB[i] ?? 0)) / 2);
      const noise = offA.map((v, i) => Math.abs(v - (offB[i] ?? 0)));
      result[`rowsPerSecond${rate}`] = {
        scriptMsPerSecondOn: r2(median(on)),
        scriptMsPerSecondOff: r2(median([...offA, ...offB])),
        addedMsPerSecond: r2(median(added)),
        noiseFloorMsPerSecond: r2(median(noise)),
        rounds,
        windowMs,
        page: url,
        baseline,
      };
    }
    return result;
  } finally {
    await server.close();
    if (idle) await rm(idle, { recursive: true, force: true });
  }
}

/** Dialog inserted → Keyward's confirmation inserted into it, timed in the page itself. */
export async function measureCaptureLatency(samples: number) {
  const server = await startFixtureServer();
  const session = await launchChromium({ dist: distPath('chrome'), hosts: HOSTS, port: server.port, executablePath: CHROMIUM });
  try {
    const popup = await session.openExtensionPage('src/popup/popup.html');
    await popup.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        keyward: 1,
        type: 'vault.create',
        payload: { password: 'bench-capture-password' },
      }),
    );
    await popup.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        keyward: 1,
        type: 'vault.lock',
        payload: {},
      }),
    );
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const page = await session.context.newPage();
      const access = `a${i.toString(16).padStart(7, '0')}-99b1d3f5-84e6a8c0-7b2d4`;
      await page.addInitScript(watchCaptureDialog, access);
      await page.goto('https://www.htx.com/en-us/apikey/');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.waitForFunction(() => (window as unknown as { __confirmedAt?: number }).__confirmedAt !== undefined, null, { timeout: 10_000 });
      times.push(await page.evaluate(() => {
        const scope = window as unknown as { __confirmedAt: number; __dialogAt: number };
        return scope.__confirmedAt - scope.__dialogAt;
      }));
      await page.close();
    }
    return { samples, runsMs: times.map((t) => Math.round(t * 10) / 10), medianMs: Math.round(median(times) * 10) / 10 };
  } finally {
    await session.close();
    await server.close();
  }
}

/** The key both browsers' fill benches bind: Binance, no passphrase, withdraw off. */
export const FILL_BENCH_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
export const FILL_BENCH_KEY: RequestOf<'keys.add'> = {
  input: {
    exchange: 'binance',
    credentials: { apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: FILL_BENCH_SECRET, passphrase: '' },
    details: {
      label: 'bench bot',
      account: 'main',
      permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: [] },
      ipWhitelist: ['203.0.113.10', '203.0.113.11', '203.0.113.12'],
      source: { kind: 'manual' },
      notes: '',
    },
  },
};

/**
 * Click on a key in the picker to the values in the page's fields, vault unlocked. Both ends are
 * read on the machine's clock (performance.timeOrigin + now) in their own frames: the click in
 * the picker (an extension frame), the last credential input event in the page.
 */
export async function measureFillLatency(samples: number) {
  const server = await startFixtureServer();
  const session = await launchChromium({ dist: distPath('chrome'), hosts: HOSTS, port: server.port, executablePath: CHROMIUM });
  const secret = FILL_BENCH_SECRET;
  try {
    const popup = await session.openExtensionPage('src/popup/popup.html');
    const send = (type: string, payload: unknown) => sendFromPage(popup, type, payload);
    await send('vault.create', { password: 'bench-fill-password' });
    await send('keys.add', FILL_BENCH_KEY);
    const times: number[] = [];
    for (let i = 0; i < samples + 1; i++) {
      const page = await session.context.newPage();
      await page.addInitScript(watchFilledValue, secret);
      await page.goto('https://app.3commas.io/accounts/new/');
      await page.getByRole('combobox').click();
      await page.getByRole('option', { name: 'Binance Spot', exact: true }).click();
      await clickKeyward(page);
      const frame = await picker(page);
      const key = frame.getByRole('button', { name: /bench bot/ });
      await key.waitFor();
      await frame.waitForFunction(() => !document.querySelector('button.key[disabled]'));
      await frame.evaluate(() => {
        document.addEventListener('click', () => ((window as unknown as { __clickAt: number }).__clickAt = performance.timeOrigin + performance.now()), true);
      });
      await key.click();
      await page.waitForFunction(() => (window as unknown as { __filledAt?: number }).__filledAt !== undefined, null, { timeout: 10_000 });
      const filledAt = await page.evaluate(() => (window as unknown as { __filledAt: number }).__filledAt);
      const clickAt = await frame.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
      // The first fill loads the picker's and the worker's code paths: not counted.
      if (i > 0) times.push(filledAt - clickAt);
      await page.close();
    }
    return { samples, runsMs: times.map((t) => Math.round(t * 10) / 10), medianMs: Math.round(median(times) * 10) / 10 };
  } finally {
    await session.close();
    await server.close();
  }
}
