import { beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/vault/store';
import type { KeySummary, NewKeyInput } from '../../src/core/records';
import { BROWSERS, useBrowser, type DriverSession, type ExtensionTab, backToList, createVault, lock, unlock, waitReady } from './driver';
import { SPOT_KEY, WITHDRAW_KEY, clearRiskHintInPage, recordStateInPage, sealOverInPage } from './profile-writer';

/**
 * Storage tampering: from an extension page (the extension's origin, so the same IndexedDB as the
 * background) a profile writer rewrites the vault's records. Keyward must refuse what it did not
 * write and keep its warnings whatever the clear flags say.
 */

const PASSWORD = 'tamper-harbour-copper-58';

describe.each(BROWSERS)('storage tampering in %s', (browser) => {
  const use = useBrowser(browser, () => ({}));
  let session: DriverSession;
  let page: ExtensionTab;
  let withdrawId = '';
  let spotId = '';

  const add = async (input: unknown) => (await page.call('keys.add', { input: input as NewKeyInput })).key.id;
  const listed = async (): Promise<KeySummary[]> => (await page.call('keys.list', {})).keys;
  const row = (label: RegExp) => ({ css: 'button.row', has: { text: label } });

  beforeAll(async () => {
    ({ session, popup: page } = use);
    await createVault(page, PASSWORD);
    withdrawId = await add(WITHDRAW_KEY);
    spotId = await add(SPOT_KEY);
    await page.reload();
    await waitReady(page, 'list');
  });

  it('a cleared clear-text withdraw flag changes no warning, open or after lock and unlock', async () => {
    expect(await page.evaluate(clearRiskHintInPage, { db: DB_NAME, id: withdrawId })).toMatchObject({ withdraw: false });
    await page.reload();
    await waitReady(page, 'list');
    expect(await page.text(row(/okx withdraw bot/))).toMatch(/Withdraw on/);
    expect((await listed()).find((key) => key.id === withdrawId)?.risk.withdraw).toBe(true);

    await lock(page);
    await page.evaluate(clearRiskHintInPage, { db: DB_NAME, id: withdrawId });
    await unlock(page, PASSWORD);
    expect(await page.text(row(/okx withdraw bot/))).toMatch(/Withdraw on/);
    expect((await listed()).find((key) => key.id === withdrawId)?.risk.withdraw).toBe(true);
    await page.click(row(/okx withdraw bot/));
    await waitReady(page, 'detail');
    await page.waitFor({ text: 'Withdraw is enabled.' });
    await backToList(page);
  });

  it('an adopted record rewritten with a sealed box is shown as tampered after lock and unlock, and reveal is refused', async () => {
    expect(await page.evaluate(sealOverInPage, { db: DB_NAME, id: withdrawId })).toBe('ECDH-P256+HKDF-SHA256+A256GCM');
    await lock(page);
    await unlock(page, PASSWORD);

    expect(await page.text(row(/Tampered key record/))).toMatch(/Tampered/);
    expect(await page.count({ css: 'button.row', has: { text: /Tampered key record/ } })).toBe(1);
    expect(await page.count({ text: 'planted' })).toBe(0);
    expect((await listed()).find((key) => key.id === withdrawId)?.damaged).toEqual(expect.any(String));

    const refused = await page.send('keys.reveal', { id: withdrawId, field: 'secret' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('tampered');
    // Left as the writer left it: never re-encrypted as Keyward's own.
    expect(await page.evaluate(recordStateInPage, { db: DB_NAME, id: withdrawId })).toEqual({
      alg: 'ECDH-P256+HKDF-SHA256+A256GCM',
      tagged: false,
    });
    // The other key is untouched.
    expect(await page.send('keys.reveal', { id: spotId, field: 'secret' })).toEqual({ ok: true, data: { value: SPOT_KEY.credentials.secret } });

    await page.click(row(/Tampered key record/));
    await waitReady(page, 'detail');
    await page.waitFor({ text: 'Keyward will not use this key.' });
    expect(await page.count({ role: 'button', name: /^Reveal/ })).toBe(0);
    await page.click({ role: 'button', name: 'Delete record…' });
    await page.click({ role: 'button', name: 'Delete record' });
    await waitReady(page, 'list');
    expect((await listed()).map((key) => key.id)).toEqual([spotId]);
  });
});
