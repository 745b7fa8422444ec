import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Drives the popup the way a person does: by labels, roles and visible text. */
export const POPUP = 'src/popup/popup.html';

export async function waitReady(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 15_000 });
}

export async function createVault(page: Page, password: string): Promise<void> {
  await waitReady(page, 'create');
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByLabel('Repeat master password').fill(password);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await waitReady(page, 'list');
}

export async function unlock(page: Page, password: string): Promise<void> {
  await waitReady(page, 'unlock');
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^Unlock/ }).click();
  await waitReady(page, 'list');
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await waitReady(page, 'unlock');
}

export interface ManualKey {
  exchange: string;
  label: string;
  apiKey: string;
  secret: string;
  passphrase?: string;
  withdraw?: boolean;
  ips?: string;
}

export async function addKey(page: Page, key: ManualKey): Promise<void> {
  await page.getByRole('button', { name: 'Add key' }).first().click();
  await waitReady(page, 'add');
  await page.getByLabel('Exchange').selectOption({ label: key.exchange });
  await page.getByLabel('Label', { exact: true }).fill(key.label);
  await page.locator('#add-apikey').fill(key.apiKey);
  await page.locator('#add-secret').fill(key.secret);
  if (key.passphrase !== undefined) await page.getByLabel('Passphrase', { exact: true }).fill(key.passphrase);
  if (key.withdraw) await page.getByRole('checkbox', { name: /withdraw/i }).check();
  if (key.ips !== undefined) await page.getByLabel('IP whitelist').fill(key.ips);
  await page.getByRole('button', { name: /^Save/ }).click();
  await waitReady(page, 'detail');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain(key.label);
}

export async function backToList(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to keys' }).click();
  await waitReady(page, 'list');
}

/** Sends a protocol message from the extension page itself: the sender is a real extension page. */
export async function sendFromPage<T>(page: Page, type: string, payload: unknown): Promise<T> {
  return page.evaluate(
    async ([t, p]) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome
        .runtime;
      return runtime.sendMessage({ keyward: 1, type: t, payload: p });
    },
    [type, payload] as const,
  ) as Promise<T>;
}
