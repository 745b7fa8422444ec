/**
 * `npm run screenshots`: the store screenshots, made by the demo in each language Keyward speaks.
 * For en, ru, zh_CN and zh_TW, Chromium is launched in that UI language (the harness's `locale`,
 * with the language packs scripts/ensure-browsers.sh installs) on the demo's local server
 * (demo-window.ts: the bundled pages under their real host names), and four 1280×800 PNGs, the
 * Chrome Web Store's size, are written to store/screenshots/<locale>/:
 *   1-popup-keys.png     the popup's key list, dropped over the exchange's API page
 *   2-capture-note.png   a key created on the exchange's API page, its secret captured, Keyward's note beside it
 *   3-picker.png         Keyward's picker on 3Commas' bind form
 *   4-risk-warning.png   the warnings while a key with withdraw on and no IP whitelist is being created
 * The exchange page is one in that language where a bundled one exists (HTX's Simplified Chinese
 * page, its Traditional Chinese /zh-hk/ one, bitexbit's Russian one), since the notes follow the
 * page's language. Every step is driven by ids, the protocol and the page's own words, never by
 * Keyward's English, so one script serves every language. Builds dist/chrome first when it is
 * missing or older than the sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { NewKeyInput } from '../src/core/records';
import { manualKey } from '../tests/e2e/driver/manual-key';
import { clickFillButtonIn, pickerFrameIn } from '../tests/e2e/driver/chromium';
import { keywardNotesChromium } from '../tests/e2e/driver/notes-chromium';
import { callFrom } from '../tests/e2e/driver/send';
import { type BrowserLocale, distPath } from '../tests/e2e/harness';
import { DEMO_URLS, type DemoWindow, openDemoWindow } from './demo-window';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'store', 'screenshots');
/** The Chrome Web Store's screenshot size (its other one, 640×400, is this halved). */
const SIZE = { width: 1280, height: 800 } as const;
/** The popup's own width (popup.css) and a height that shows a list of a few keys. */
const POPUP_SIZE = { width: 380, height: 600 } as const;
const PASSWORD = 'store-screenshots-password';

/** What a language's run does on its exchange page, in that page's words. */
interface ExchangePage {
  url: string;
  /** Opens the create form, turns withdraw on and leaves the IP whitelist empty. */
  riskyForm(page: Page): Promise<void>;
  /** Creates a key with Trade and an IP whitelist; resolves once the page shows its secret. */
  createKey(page: Page, label: string): Promise<void>;
}

function htxPage(url: string, words: { title: string; notesHint: string; trade: string; withdraw: string; ipHint: RegExp; create: string }): ExchangePage {
  return {
    url,
    async riskyForm(page) {
      await page.getByRole('heading', { name: words.title }).waitFor();
      await page.getByRole('checkbox', { name: words.withdraw, exact: true }).click();
    },
    async createKey(page, label) {
      await page.getByRole('heading', { name: words.title }).waitFor();
      await page.getByPlaceholder(words.notesHint).fill(label);
      await page.getByRole('checkbox', { name: words.trade, exact: true }).click();
      await page.getByPlaceholder(words.ipHint).fill('203.0.113.10');
      await page.getByRole('button', { name: words.create, exact: true }).click();
      await page.getByRole('dialog').waitFor();
    },
  };
}

const BITEXBIT: ExchangePage = {
  url: 'https://www.bitexbit.com/profile/api/',
  async riskyForm(page) {
    await page.getByRole('button', { name: 'Добавить API ключ' }).click();
    await page.getByLabel('Может выводить').check();
  },
  async createKey(page, label) {
    await page.getByRole('button', { name: 'Добавить API ключ' }).click();
    await page.getByLabel('Название ключа').fill(label);
    await page.getByLabel('Может торговать').check();
    await page.getByLabel('Список IP').fill('203.0.113.10');
    await page.getByRole('button', { name: 'Создать ключ' }).click();
    await page.getByLabel('Код 2FA').fill('123456');
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByRole('heading', { name: 'Ключ создан' }).waitFor();
  },
};

interface Run {
  locale: BrowserLocale;
  page: ExchangePage;
  /** Key labels as a user of that language might write them: risky, HTX (for the picker), OKX, captured. */
  labels: { risky: string; htx: string; okx: string; captured: string };
}

const RUNS: Run[] = [
  {
    locale: 'en',
    page: htxPage(DEMO_URLS.htxApiPage, { title: 'Create API Key', notesHint: 'e.g. my-bot', trade: 'Trade', withdraw: 'Withdraw', ipHint: /^Up to 20 IP/, create: 'Create' }),
    labels: { risky: 'grid bot', htx: 'spot DCA', okx: 'arbitrage', captured: 'new-grid-bot' },
  },
  {
    locale: 'ru',
    page: BITEXBIT,
    labels: { risky: 'сеточный бот', htx: 'DCA на споте', okx: 'арбитраж', captured: 'новый бот' },
  },
  {
    locale: 'zh_CN',
    page: htxPage('https://www.htx.com/zh-cn/apikey/', { title: '创建API Key', notesHint: '例如 my-bot', trade: '交易', withdraw: '提币', ipHint: /^最多20个IP/, create: '创建' }),
    labels: { risky: '网格机器人', htx: '现货定投', okx: '套利', captured: '新网格机器人' },
  },
  {
    // HTX's Traditional Chinese site (/zh-hk/): its page is tagged zh-HK, so the notes are zh_TW too.
    locale: 'zh_TW',
    page: htxPage('https://www.htx.com/zh-hk/apikey/', { title: '創建API Key', notesHint: '例如 my-bot', trade: '交易', withdraw: '提幣', ipHint: /^最多20個IP/, create: '創建' }),
    labels: { risky: '網格機器人', htx: '現貨定投', okx: '套利', captured: '新網格機器人' },
  },
];

function key(exchange: NewKeyInput['exchange'], label: string, credentials: NewKeyInput['credentials'], withdraw: boolean, ips: string[]): { input: NewKeyInput } {
  return { input: manualKey(exchange, label, credentials, { withdraw, ips }) };
}

/** The demo's keys, in the shapes each exchange issues (made up for the demo). */
function demoKeys(labels: Run['labels']): { input: NewKeyInput }[] {
  return [
    key('binance', labels.risky, { apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j', passphrase: '' }, true, []),
    key('htx', labels.htx, { apiKey: 'a7d3c1e5-99b1d3f5-84e6a8c0-1f2e3', secret: 'a1b2c3d4-e5f6a7b8-c9d0e1f2-a3b4c', passphrase: '' }, false, ['203.0.113.10']),
    key('okx', labels.okx, { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' }, false, ['203.0.113.10']),
  ];
}

// ---------------------------------------------------------------------------------------------

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** Builds dist/chrome when it is missing or older than what goes into it. */
function buildIfNeeded(): void {
  const built = join(distPath('chrome'), 'manifest.json');
  const sources = ['src', 'public', 'manifest.json', 'package.json', 'vite.config.ts', 'scripts/manifest.ts', 'scripts/entries.ts'].map((path) => join(ROOT, path));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.filter((path) => existsSync(path)).map(newest))) return;
  process.stdout.write('Building dist/chrome first.\n');
  execFileSync('npm', ['run', 'build:chrome'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * The store takes 1280×800 (or 640×400) JPEG or 24-bit PNG without alpha: read from the PNG's
 * header (IHDR: width, height, bit depth, colour type 2 = RGB), so a picture it would refuse fails here.
 */
async function checkStoreFormat(path: string): Promise<void> {
  const png = await readFile(path);
  const [width, height, depth, colour] = [png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]];
  if (width !== SIZE.width || height !== SIZE.height || depth !== 8 || colour !== 2) {
    throw new Error(`${path} is ${width}×${height}, bit depth ${String(depth)}, colour type ${String(colour)}: the store wants ${SIZE.width}×${SIZE.height} 24-bit RGB`);
  }
}

async function ready(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 20_000 });
}

/** Waits until Keyward's notes on the page include one with this role (read through the accessibility tree). */
async function noteWithRole(page: Page, role: 'alert' | 'status'): Promise<void> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    if ((await keywardNotesChromium(page)).some((note) => note.role === role)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`no Keyward ${role} note on ${page.url()}`);
}

/** Lets the last paint settle (notes fade in) before a picture is taken. */
const settle = (page: Page) => page.waitForTimeout(600);

async function shoot(demo: DemoWindow, run: Run): Promise<string[]> {
  const dir = join(OUT, run.locale);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const save = async (page: Page, name: string) => {
    const path = join(dir, name);
    await page.screenshot({ path });
    await checkStoreFormat(path);
    written.push(path);
  };
  const { session, tabs } = demo;
  const open = async (url: string) => {
    const page = await session.context.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(url);
    return page;
  };

  // The vault, by the create view's ids (its words are the language under test), then the keys.
  const popup = tabs.popup;
  await popup.setViewportSize(POPUP_SIZE);
  await ready(popup, 'create');
  await popup.locator('#create-password').fill(PASSWORD);
  await popup.locator('#create-confirm').fill(PASSWORD);
  await popup.locator('button[type="submit"]').click();
  await ready(popup, 'list');
  for (const input of demoKeys(run.labels)) await callFrom(popup, 'keys.add', input);

  // Warnings while a risky key is being created.
  const risky = await open(run.page.url);
  await run.page.riskyForm(risky);
  await noteWithRole(risky, 'alert');
  await settle(risky);
  await save(risky, '4-risk-warning.png');
  await risky.close();

  // A key created while the vault is locked: its one-time secret captured, and said so.
  await callFrom(popup, 'vault.lock', {});
  const api = await open(run.page.url);
  await run.page.createKey(api, run.labels.captured);
  const captured = api.locator('keyward-inline[data-keyward^="capture-"]').last();
  await captured.waitFor({ timeout: 15_000 });
  await captured.scrollIntoViewIfNeeded();
  await settle(api);
  await save(api, '2-capture-note.png');
  await api.close();
  await callFrom(popup, 'vault.unlock', { password: PASSWORD });

  // The popup's key list, dropped over the exchange's page as from the toolbar button.
  await popup.reload();
  await ready(popup, 'list');
  await popup.getByText(run.labels.captured).waitFor();
  await settle(popup);
  const popupPicture = await popup.screenshot();
  const backdrop = await open(run.page.url);
  await settle(backdrop);
  const backdropPicture = await backdrop.screenshot();
  await backdrop.close();
  const canvas = await session.context.newPage();
  await canvas.setViewportSize(SIZE);
  const data = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  // setContent waits for the load event, which waits for both images.
  await canvas.setContent(
    `<body style="margin:0;width:${SIZE.width}px;height:${SIZE.height}px;overflow:hidden;position:relative">` +
      `<img src="${data(backdropPicture)}" style="position:absolute;inset:0;filter:brightness(.88)">` +
      `<img src="${data(popupPicture)}" style="position:absolute;top:10px;right:28px;border-radius:10px;box-shadow:0 14px 44px rgba(0,0,0,.38)">` +
      '</body>',
  );
  await save(canvas, '1-popup-keys.png');
  await canvas.close();

  // The picker on a platform's bind form (3Commas, its page English in every language).
  const bind = await open(DEMO_URLS.threeCommasBindForm);
  await bind.getByRole('combobox').click();
  await bind.getByRole('option', { name: 'HTX', exact: true }).click();
  await clickFillButtonIn(bind);
  const picker = await pickerFrameIn(bind);
  await picker.getByRole('button', { name: run.labels.htx }).waitFor();
  await settle(bind);
  await save(bind, '3-picker.png');
  await bind.close();
  return written.sort();
}

async function main(): Promise<void> {
  buildIfNeeded();
  const only = process.argv.slice(2);
  for (const run of RUNS.filter((r) => only.length === 0 || only.includes(r.locale))) {
    const started = Date.now();
    const demo = await openDemoWindow({ headless: true, locale: run.locale, hosts: [new URL(BITEXBIT.url).hostname] });
    try {
      const written = await shoot(demo, run);
      process.stdout.write(`${run.locale}: ${written.length} screenshots in ${Math.round((Date.now() - started) / 1000)} s\n`);
      for (const path of written) process.stdout.write(`  ${path}\n`);
    } finally {
      await demo.session.close();
      await demo.stopped;
    }
  }
}

await main();
