import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, assertBuilt, distPath, launchChromium } from './harness';
import { POPUP, addKey, backToList, createVault, lock, sendFromPage, unlock, waitReady } from './popup-driver';
import { dumpStorage, findSecrets } from './storage-scan';

/**
 * The vault in the real extension, in Chromium: one profile through a user's first session,
 * a service-worker restart, auto-lock, and a browser restart.
 */

const PASSWORD = 'orbit-canal-velvet-42';
const OKX = {
  exchange: 'OKX',
  label: 'okx grid bot',
  apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93',
  secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B',
  passphrase: 'Tr4d1ng-Passphrase!',
  withdraw: true,
  ips: '',
};
const HTX = {
  exchange: 'HTX',
  label: 'htx spot',
  apiKey: 'e2c4f6a8-99b1d3f5-84e6a8c0-7b2d4',
  secret: 'a1b2c3d4-e5f6a7b8-c9d0e1f2-a3b4c',
  ips: '203.0.113.10, 198.51.100.0/24',
};
const SECRETS = {
  okxKey: OKX.apiKey,
  okxSecret: OKX.secret,
  okxPassphrase: OKX.passphrase,
  htxKey: HTX.apiKey,
  htxSecret: HTX.secret,
  masterPassword: PASSWORD,
};

let session: ChromiumSession;
let page: Page;

async function openPopup(): Promise<Page> {
  const popup = await session.openExtensionPage(POPUP);
  return popup;
}

async function openKey(label: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(label) }).first().click();
  await waitReady(page, 'detail');
}

async function revealed(label: string): Promise<string> {
  await page.getByRole('button', { name: `Reveal ${label}` }).click();
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.waitFor();
  return field.inputValue();
}

async function clipboardText(): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

beforeAll(async () => {
  assertBuilt('chrome');
  session = await launchChromium({ dist: distPath('chrome') });
  page = await openPopup();
});

afterAll(async () => {
  await session?.close();
});

describe('vault in Chromium', () => {
  it('creates a vault from the popup', async () => {
    await createVault(page, PASSWORD);
    await expect.poll(() => page.getByText('No keys yet.').isVisible()).toBe(true);
  });

  it('locks, refuses a wrong password (keeping it in the field), unlocks with the right one', async () => {
    await lock(page);
    const field = page.getByLabel('Master password', { exact: true });
    await field.fill('not-the-password');
    await page.getByRole('button', { name: /^Unlock/ }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/wrong password/i);
    expect(await field.inputValue()).toBe('not-the-password');
    await unlock(page, PASSWORD);
  });

  it('adds keys by hand, trimmed, with risk badges', async () => {
    await addKey(page, { ...OKX, apiKey: `  ${OKX.apiKey}\n`, secret: ` ${OKX.secret} ` });
    await backToList(page);
    await addKey(page, HTX);
    await backToList(page);
    const okxRow = page.getByRole('button', { name: /okx grid bot/ });
    await expect.poll(() => okxRow.innerText()).toMatch(/Withdraw on/);
    expect(await okxRow.innerText()).toMatch(/No IP whitelist/);
    expect(await okxRow.innerText()).toContain(OKX.apiKey.slice(-4));
    const htxRow = page.getByRole('button', { name: /htx spot/ });
    expect(await htxRow.innerText()).not.toMatch(/Withdraw on|No IP whitelist/);
    // The toolbar badge counts the risky keys.
    const worker = await session.serviceWorker();
    const badge = () =>
      worker.evaluate(() =>
        (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}),
      );
    await expect.poll(badge).toBe('1');
  });

  it('reveals the exact stored values', async () => {
    await openKey('okx grid bot');
    expect(await revealed('API Key')).toBe(OKX.apiKey);
    expect(await revealed('Secret Key')).toBe(OKX.secret);
    expect(await revealed('Passphrase')).toBe(OKX.passphrase);
  });

  it('copies a value and clears the clipboard after the delay, only if unchanged', async () => {
    const reply = await sendFromPage<{ ok: boolean }>(page, 'settings.update', { clipboardClearSeconds: 5 });
    expect(reply.ok).toBe(true);
    await page.getByRole('button', { name: 'Copy Secret Key' }).click();
    await expect.poll(() => page.getByText(/Copied/).first().isVisible()).toBe(true);
    expect(await clipboardText()).toBe(OKX.secret);
    await expect.poll(clipboardText, { timeout: 15_000, interval: 500 }).toBe('');

    // Something else copied meanwhile must survive the clear.
    await page.getByRole('button', { name: 'Copy API Key' }).click();
    await expect.poll(clipboardText).toBe(OKX.apiKey);
    await page.evaluate(() => navigator.clipboard.writeText('user copied this'));
    await page.waitForTimeout(6_500);
    expect(await clipboardText()).toBe('user copied this');
  });

  it('stores no secret, passphrase, API key or password in clear anywhere', async () => {
    const worker = await session.serviceWorker();
    const dump = await worker.evaluate(dumpStorage);
    expect(dump).toContain('idb:keyward:keys');
    expect(dump.length).toBeGreaterThan(1000);
    expect(findSecrets(dump, SECRETS)).toEqual([]);
  });

  it('stays unlocked when the service worker is stopped and restarted', async () => {
    await session.stopServiceWorker();
    await page.reload();
    await waitReady(page, 'list');
    await openKey('htx spot');
    expect(await revealed('Secret Key')).toBe(HTX.secret);
    await backToList(page);
  });

  it('deletes a key after confirmation', async () => {
    await openKey('htx spot');
    await page.getByRole('button', { name: 'Delete key…' }).click();
    await expect.poll(() => page.getByText(/Delete HTX key 'htx spot'/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Delete key', exact: true }).click();
    await waitReady(page, 'list');
    expect(await page.getByRole('button', { name: /htx spot/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /okx grid bot/ }).count()).toBe(1);
  });

  it('auto-locks after the configured idle time', async () => {
    const reply = await sendFromPage<{ ok: boolean }>(page, 'settings.update', { autoLockSeconds: 15 });
    expect(reply.ok).toBe(true);
    const status = () => sendFromPage<{ data: { state: string } }>(page, 'vault.status', {}).then((r) => r.data.state);
    expect(await status()).toBe('unlocked');
    await page.waitForTimeout(10_000);
    expect(await status()).toBe('unlocked');
    await expect.poll(status, { timeout: 20_000, interval: 1_000 }).toBe('locked');
    await page.reload();
    await waitReady(page, 'unlock');
  });

  it('is locked after a browser restart, with the data intact', async () => {
    await unlock(page, PASSWORD);
    await sendFromPage(page, 'settings.update', { autoLockSeconds: 900 });
    session = await session.restart();
    page = await openPopup();
    await unlock(page, PASSWORD);
    await openKey('okx grid bot');
    expect(await revealed('Passphrase')).toBe(OKX.passphrase);
  });
});
