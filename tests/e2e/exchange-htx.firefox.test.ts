import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, type FixtureServer, assertBuilt, distPath, launchFirefox, startFixtureServer } from './harness';
import { sendFrom } from './firefox-fill-driver';

/**
 * HTX in Firefox: warnings while creating, the secret captured while locked, the key in the vault
 * after unlock. Firefox has no DevTools accessibility tree here, so the notes are seen through
 * their host elements and the result through the vault.
 */

const PASSWORD = 'firefox-htx-password';
const ACCESS = 'd4e6f8a0-99c2d4e6-84f8a0b2-7c3d5';
const SECRET = 'a0b1c2d3-e4f5a6b7-c8d9e0f1-a2b3c';

let server: FixtureServer;
let session: FirefoxSession;
let popup: Page;

/** A message to the background from the popup page, as Keyward's own pages send it. */
const send = <T>(type: string, payload: unknown) => sendFrom<T>(popup, type, payload);

async function clickText(page: Page, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('span, button')].reverse().find((e) => e.textContent?.trim() === t),
    {},
    text,
  );
  await (handle.asElement() as ElementHandle<Element> | null)?.click();
}

async function notes(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('keyward-inline')].map((e) => (e as HTMLElement).dataset.keyward ?? ''));
}

beforeAll(async () => {
  assertBuilt('firefox');
  server = await startFixtureServer();
  session = await launchFirefox({ dist: distPath('firefox'), hosts: ['www.htx.com'], port: server.port, httpPort: server.httpPort });
  popup = await session.openExtensionPage('src/popup/popup.html');
  expect((await send('vault.create', { password: PASSWORD })).ok).toBe(true);
  expect((await send('vault.lock', {})).ok).toBe(true);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('HTX API page in Firefox', () => {
  it('warns, captures while locked, and the vault has the key after unlock', async () => {
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(
      (access: string, secret: string) => Object.assign(window, { __fixtureAccess: access, __fixtureSecret: secret }),
      ACCESS,
      SECRET,
    );
    await page.goto('https://www.htx.com/en-us/apikey/');
    await clickText(page, 'Withdraw');
    await page.waitForFunction(() => document.querySelector('keyward-inline[data-keyward="perm-withdraw"]') !== null);
    expect(await notes(page)).toContain('ip');
    await clickText(page, 'Withdraw');
    await page.waitForFunction(() => document.querySelector('keyward-inline[data-keyward="perm-withdraw"]') === null);
    await clickText(page, 'Trade');
    const notesField = await page.waitForSelector('input');
    await notesField?.type('ff-bot');
    await clickText(page, 'Create');
    await page.waitForFunction(
      () => document.querySelector('[role=dialog] keyward-inline[data-keyward^="capture-"]') !== null,
    );
    expect((await send<{ keyCount: number }>('vault.status', {})).data.keyCount).toBe(1);
    expect((await send('vault.unlock', { password: PASSWORD })).ok).toBe(true);
    const list = await send<{ keys: { id: string; label: string; permissions: { trade: boolean; withdraw: boolean } }[] }>('keys.list', {});
    expect(list, JSON.stringify(list)).toMatchObject({ ok: true });
    const key = list.data.keys.find((k) => k.label === 'ff-bot');
    expect(key?.permissions).toMatchObject({ trade: true, withdraw: false });
    const secret = await send<{ value: string }>('keys.reveal', { id: key?.id, field: 'secret' });
    expect(secret.data.value).toBe(SECRET);
  });
});
