import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, assertBuilt, distPath, launchFirefox } from './harness';
import { dumpStorage, findSecrets } from './storage-scan';

/** The vault in Firefox (background scripts, not a service worker): load, create, lock, unlock, add. */

const PASSWORD = 'firefox-harbour-lantern-7';
const KEY = {
  label: 'ff kucoin bot',
  apiKey: '65a1f3c9e2b4d6a8c0e1f2a3',
  secret: 'c2a4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
  passphrase: 'kucoin-pass-phrase',
};

let session: FirefoxSession;
let page: Page;

async function ready(view: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 15_000 });
}

async function type(selector: string, value: string): Promise<void> {
  const field = await page.waitForSelector(selector);
  await field?.evaluate((el) => {
    (el as HTMLInputElement).value = '';
  });
  await field?.type(value);
}

async function bodyText(): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

async function clickButton(name: RegExp): Promise<void> {
  const handle = await page.waitForFunction(
    (source: string, flags: string) => {
      const pattern = new RegExp(source, flags);
      return [...document.querySelectorAll('button')].find(
        (b) => pattern.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()) && !b.disabled,
      );
    },
    {},
    name.source,
    name.flags,
  );
  // The predicate returned a <button>; puppeteer types it as a Node.
  await (handle.asElement() as ElementHandle<Element> | null)?.click();
}

beforeAll(async () => {
  assertBuilt('firefox');
  session = await launchFirefox({ dist: distPath('firefox') });
  page = await session.openExtensionPage('src/popup/popup.html');
});

afterAll(async () => {
  await session?.close();
});

describe('vault in Firefox', () => {
  it('loads and offers to create a vault', async () => {
    await ready('create');
    expect(await bodyText()).toMatch(/master password/i);
  });

  it('creates the vault', async () => {
    await type('#create-password', PASSWORD);
    await type('#create-confirm', PASSWORD);
    await clickButton(/^Create vault$/);
    await ready('list');
  });

  it('locks, refuses a wrong password, unlocks with the right one', async () => {
    await clickButton(/^Lock$/);
    await ready('unlock');
    await type('#unlock-password', 'wrong-password-here');
    await clickButton(/^Unlock$/);
    await page.waitForSelector('[role="alert"]');
    expect(await bodyText()).toMatch(/wrong password/i);
    await type('#unlock-password', PASSWORD);
    await clickButton(/^Unlock$/);
    await ready('list');
  });

  it('adds a key by hand and reveals it', async () => {
    await clickButton(/^Add key$/);
    await ready('add');
    await page.select('#add-exchange', 'kucoin');
    await type('#add-label', KEY.label);
    await type('#add-apikey', ` ${KEY.apiKey} `);
    await type('#add-secret', KEY.secret);
    await type('#add-passphrase', KEY.passphrase);
    await clickButton(/^Save/);
    await ready('detail');
    expect(await bodyText()).toContain(KEY.label);
    await clickButton(/^Reveal Passphrase$/);
    await page.waitForFunction(
      (value: string) => [...document.querySelectorAll('input, textarea')].some((el) => (el as HTMLInputElement).value === value),
      {},
      KEY.passphrase,
    );
  });

  it('stores nothing in clear', async () => {
    const dump = await page.evaluate(dumpStorage);
    expect(dump).toContain('idb:keyward:keys');
    expect(findSecrets(dump, { ...KEY, password: PASSWORD })).toEqual([]);
  });
});
