import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/vault/store';
import { type ChromiumSession, assertBuilt, distPath, launchChromium } from './harness';
import { POPUP, backToList, createVault, lock, sendFromPage, unlock, waitReady } from './popup-driver';
import { SPOT_KEY, WITHDRAW_KEY, clearRiskHintInPage, recordStateInPage, sealOverInPage } from './profile-writer';

/**
 * Storage tampering in Chromium: from an extension page (the extension's origin, so the same
 * IndexedDB as the service worker) a profile writer rewrites the vault's records. Keyward must
 * refuse what it did not write and keep its warnings whatever the clear flags say.
 */

const PASSWORD = 'tamper-harbour-copper-58';

type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface ListedKey {
  id: string;
  label: string;
  risk: { withdraw: boolean };
  damaged?: string;
}

let session: ChromiumSession;
let page: Page;
let withdrawId = '';
let spotId = '';

async function add(input: unknown): Promise<string> {
  const reply = await sendFromPage<Reply<{ key: { id: string } }>>(page, 'keys.add', { input });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data.key.id;
}

async function listed(): Promise<ListedKey[]> {
  const reply = await sendFromPage<Reply<{ keys: ListedKey[] }>>(page, 'keys.list', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data.keys;
}

const row = (label: RegExp) => page.locator('button.row').filter({ hasText: label });

beforeAll(async () => {
  assertBuilt('chrome');
  session = await launchChromium({ dist: distPath('chrome') });
  page = await session.openExtensionPage(POPUP);
  await createVault(page, PASSWORD);
  withdrawId = await add(WITHDRAW_KEY);
  spotId = await add(SPOT_KEY);
  await page.reload();
  await waitReady(page, 'list');
});

afterAll(async () => {
  await session?.close();
});

describe('storage tampering in Chromium', () => {
  it('a cleared clear-text withdraw flag changes no warning, open or after lock and unlock', async () => {
    expect(await page.evaluate(clearRiskHintInPage, { db: DB_NAME, id: withdrawId })).toMatchObject({ withdraw: false });
    await page.reload();
    await waitReady(page, 'list');
    await expect.poll(() => row(/okx withdraw bot/).innerText()).toMatch(/Withdraw on/);
    expect((await listed()).find((key) => key.id === withdrawId)?.risk.withdraw).toBe(true);

    await lock(page);
    await page.evaluate(clearRiskHintInPage, { db: DB_NAME, id: withdrawId });
    await unlock(page, PASSWORD);
    await expect.poll(() => row(/okx withdraw bot/).innerText()).toMatch(/Withdraw on/);
    expect((await listed()).find((key) => key.id === withdrawId)?.risk.withdraw).toBe(true);
    await row(/okx withdraw bot/).click();
    await waitReady(page, 'detail');
    expect(await page.getByText('Withdraw is enabled.').isVisible()).toBe(true);
    await backToList(page);
  });

  it('an adopted record rewritten with a sealed box is shown as tampered after lock and unlock, and reveal is refused', async () => {
    expect(await page.evaluate(sealOverInPage, { db: DB_NAME, id: withdrawId })).toBe('ECDH-P256+HKDF-SHA256+A256GCM');
    await lock(page);
    await unlock(page, PASSWORD);

    await expect.poll(() => row(/Tampered key record/).count()).toBe(1);
    expect(await row(/Tampered key record/).innerText()).toMatch(/Tampered/);
    expect(await page.getByText('planted').count()).toBe(0);
    const keys = await listed();
    expect(keys.find((key) => key.id === withdrawId)?.damaged).toEqual(expect.any(String));

    const refused = await sendFromPage<Reply<{ value: string }>>(page, 'keys.reveal', { id: withdrawId, field: 'secret' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('tampered');
    // Left as the writer left it: never re-encrypted as Keyward's own.
    expect(await page.evaluate(recordStateInPage, { db: DB_NAME, id: withdrawId })).toEqual({
      alg: 'ECDH-P256+HKDF-SHA256+A256GCM',
      tagged: false,
    });
    // The other key is untouched.
    const spot = await sendFromPage<Reply<{ value: string }>>(page, 'keys.reveal', { id: spotId, field: 'secret' });
    expect(spot).toEqual({ ok: true, data: { value: SPOT_KEY.credentials.secret } });

    await row(/Tampered key record/).click();
    await waitReady(page, 'detail');
    expect(await page.getByText('Keyward will not use this key.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Reveal/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Delete record…' }).click();
    await page.getByRole('button', { name: 'Delete record', exact: true }).click();
    await waitReady(page, 'list');
    expect((await listed()).map((key) => key.id)).toEqual([spotId]);
  });
});
