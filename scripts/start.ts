/**
 * `npm start`: opens Chromium with the freshly built Keyward loaded. With a display, a window
 * opens (demo-window.ts) on a guide, the popup (as a tab), HTX's API page and 3Commas' bind form,
 * the two sites' bundled pages served locally under their real host names; it stays, with the
 * server, until you close it. The profile is kept under artifacts/demo-profile so your demo vault
 * survives restarts. Without a display, the same demo runs headless: it creates a vault, adds two
 * keys, locks and unlocks, then, on the same pages under the same names, captures a new key on
 * HTX's API page while the vault is locked and fills it into 3Commas' bind form, saving
 * screenshots of each step.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { clickFillButtonIn, pickerFrameIn } from '../tests/e2e/driver/chromium';
import { distPath, launchChromium, startFixtureServer } from '../tests/e2e/harness';
import { DEMO_URLS, POPUP, openDemoWindow } from './demo-window';

const ARTIFACTS = resolve('artifacts');
const DEMO_PASSWORD = 'demo-keyward-password';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function interactive(): Promise<void> {
  const profile = resolve(ARTIFACTS, 'demo-profile');
  await mkdir(profile, { recursive: true });
  const demo = await openDemoWindow({ headless: false, userDataDir: profile });
  say(`Chromium is open with Keyward (extension id ${demo.session.extensionId}), in tabs:`);
  say(`  ${DEMO_URLS.guide}  what to try, step by step`);
  say('  Keyward\'s popup (the toolbar icon opens it too)');
  say(`  ${DEMO_URLS.htxApiPage}  HTX's API page: create a key, see the warnings and the capture`);
  say(`  ${DEMO_URLS.threeCommasBindForm}  3Commas' bind form: fill it with Keyward's button`);
  say('These are local copies of the sites, served from this machine: nothing goes to a real exchange.');
  say('Close the window to stop.');
  await demo.stopped;
}

async function ready(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 20_000 });
}

async function headless(): Promise<void> {
  const out = resolve(ARTIFACTS, 'demo');
  await mkdir(out, { recursive: true });
  say('No display found: running the demo headless.');
  const server = await startFixtureServer();
  const session = await launchChromium({ dist: distPath('chrome'), hosts: ['www.htx.com', 'app.3commas.io'], port: server.port });
  try {
    const page = await session.openExtensionPage(POPUP);
    await page.setViewportSize({ width: 420, height: 640 });
    const shot = async (name: string) => {
      const path = resolve(out, `${name}.png`);
      await page.screenshot({ path });
      say(`  screenshot: ${path}`);
    };
    say(`Loaded Keyward in Chromium (extension id ${session.extensionId}).`);

    await ready(page, 'create');
    await shot('1-create-vault');
    await page.getByLabel('Master password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('Repeat master password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await ready(page, 'list');
    say(`Created a vault (master password "${DEMO_PASSWORD}", demo only).`);

    const demoKeys = [
      { exchange: 'Binance', label: 'grid bot', apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j', withdraw: true, ips: '' },
      { exchange: 'HTX', label: 'spot dca', apiKey: 'a7d3c1e5-99b1d3f5-84e6a8c0-1f2e3', secret: 'a1b2c3d4-e5f6a7b8-c9d0e1f2-a3b4c', withdraw: false, ips: '203.0.113.10' },
    ];
    for (const key of demoKeys) {
      await page.getByRole('button', { name: 'Add key' }).first().click();
      await ready(page, 'add');
      await page.getByLabel('Exchange').selectOption({ label: key.exchange });
      await page.getByLabel('Label', { exact: true }).fill(key.label);
      await page.locator('#add-apikey').fill(key.apiKey);
      await page.locator('#add-secret').fill(key.secret);
      if (key.withdraw) await page.getByRole('checkbox', { name: /withdraw/i }).check();
      await page.getByLabel('IP whitelist').fill(key.ips);
      await page.getByRole('button', { name: /^Save/ }).click();
      await ready(page, 'detail');
      say(`Added a ${key.exchange} key "${key.label}"${key.withdraw ? ' with withdraw on and no IP whitelist (flagged as risky)' : ''}.`);
      if (key.withdraw) await shot('3-key-detail');
      await page.getByRole('button', { name: 'Back to keys' }).click();
      await ready(page, 'list');
    }
    await shot('2-key-list');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await ready(page, 'unlock');
    await shot('4-locked');
    say('Locked the vault.');
    await page.getByLabel('Master password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^Unlock/ }).click();
    await ready(page, 'list');
    const rows = await page.locator('#key-groups ul.rows > li').count();
    say(`Unlocked again: ${rows} keys listed.`);

    // The main job, on fixture pages served under the real hostnames (each site folder's fixtures/).
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await ready(page, 'unlock');
    const htx = await session.context.newPage();
    await htx.goto(DEMO_URLS.htxApiPage);
    await htx.getByRole('heading', { name: /Create API Key/ }).waitFor();
    await htx.getByPlaceholder('e.g. my-bot').fill('demo-grid-bot');
    // A bot's key needs Trade: without it the picker's preflight says the bind will be denied.
    await htx.getByRole('checkbox', { name: 'Trade', exact: true }).click();
    await htx.getByPlaceholder(/Up to 20 IP/).fill('203.0.113.10');
    await htx.getByRole('button', { name: 'Create' }).click();
    await htx.getByRole('dialog').waitFor();
    await htx.waitForTimeout(800);
    await htx.screenshot({ path: resolve(out, '5-htx-secret-captured.png') });
    say(`  screenshot: ${resolve(out, '5-htx-secret-captured.png')}`);
    say('On HTX\'s API page (fixture), created a key while the vault was locked: Keyward sealed its one-time secret into the vault.');
    await page.getByLabel('Master password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^Unlock/ }).click();
    await ready(page, 'list');

    const bind = await session.context.newPage();
    await bind.goto(DEMO_URLS.threeCommasBindForm);
    await bind.getByRole('combobox').click();
    await bind.getByRole('option', { name: 'HTX', exact: true }).click();
    await clickFillButtonIn(bind);
    const frame = await pickerFrameIn(bind);
    await frame.getByRole('button', { name: /demo-grid-bot/ }).waitFor();
    await bind.waitForTimeout(300);
    await bind.screenshot({ path: resolve(out, '6-3commas-picker.png') });
    say(`  screenshot: ${resolve(out, '6-3commas-picker.png')}`);
    await frame.getByRole('button', { name: /demo-grid-bot/ }).click();
    await frame.getByText(/Filled/).waitFor();
    await bind.screenshot({ path: resolve(out, '7-3commas-filled.png') });
    say(`  screenshot: ${resolve(out, '7-3commas-filled.png')}`);
    say('On 3Commas\' bind form (fixture), Keyward\'s button opened the picker and filled the captured key; the binding is recorded.');
    say('Demo finished. On a machine with a display, npm start opens a window instead.');
  } finally {
    await session.close();
    await server.close();
  }
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
await (hasDisplay ? interactive() : headless());
