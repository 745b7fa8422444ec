import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../src/background/broker';
import { FillService } from '../../../src/background/fill';
import type { FillValuesMessage } from '../../../src/messages';
import { freshVault, sampleInput } from '../vault/helpers';
import { rewrite, sealOver } from '../vault/profile-writer';
import { backgroundFor, HTX_CAPTURE } from './handler-setup';

/**
 * The background's answers when the profile was written behind Keyward's back: what the popup
 * and the fill path get for a tampered record, a cleared risk flag, and captures made locked.
 */

const PASSWORD = 'password-1';
const popup: Caller = { context: 'popup', url: 'chrome-extension://x/src/popup/popup.html' };
const exchangePage: Caller = { context: 'exchange-content', url: 'https://www.htx.com/en-us/apikey/', tabId: 5, frameId: 0 };
const platformPage: Caller = { context: 'platform-content', url: 'https://app.3commas.io/accounts/new', tabId: 3, frameId: 0 };
const picker: Caller = { context: 'picker-frame', url: 'chrome-extension://x/src/picker/picker.html', tabId: 3, frameId: 1 };

const safeKey = {
  ...sampleInput({ apiKey: 'a9b8c7d6-11112222-33334444-5555' }),
  details: {
    ...sampleInput().details,
    label: 'safe bot',
    permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
    ipWhitelist: ['198.51.100.7'],
  },
};

async function setup() {
  const { db, vault } = await freshVault();
  const { lock, handlers } = backgroundFor(vault);
  await handlers['vault.create']({ password: PASSWORD }, popup);
  const { key: risky } = await handlers['keys.add']({ input: sampleInput() }, popup);
  const { key: safe } = await handlers['keys.add']({ input: safeKey }, popup);
  const deliver = vi.fn(async (_tab: number, _frame: number, _message: FillValuesMessage) => ({ ok: true as const }));
  const fill = new FillService({ lock, deliver, changed: () => undefined });
  return { db, vault, handlers, fill, deliver, risky, safe };
}

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: unknown }).code,
  );
}

describe('a record rewritten with a sealed box while locked', () => {
  it('is listed as damaged after unlock, and reveal, copy, update and fill refuse it', async () => {
    const { db, handlers, fill, deliver, risky, safe } = await setup();
    await handlers['vault.lock']({}, popup);
    await sealOver(db, risky.id);
    await handlers['vault.unlock']({ password: PASSWORD }, popup);

    const { keys } = await handlers['keys.list']({}, popup);
    expect(keys.find((key) => key.id === risky.id)?.damaged).toEqual(expect.any(String));
    expect(keys.find((key) => key.id === safe.id)?.damaged).toBeUndefined();
    expect(await codeOf(handlers['keys.reveal']({ id: risky.id, field: 'secret' }, popup))).toBe('tampered');
    expect(await codeOf(handlers['keys.copy']({ id: risky.id, field: 'secret' }, popup))).toBe('tampered');
    expect(await codeOf(handlers['keys.update']({ id: risky.id, patch: { label: 'mine' } }, popup))).toBe('tampered');

    const { token } = await fill.open('threecommas', 'htx', platformPage, [], null, true);
    const session = await fill.describe(token, picker);
    expect(session.keys.map((key) => key.id)).toEqual([safe.id]);
    expect(await codeOf(fill.choose(token, risky.id, ['withdraw', 'reuse'], picker))).toBe('tampered');
    expect(deliver).not.toHaveBeenCalled();

    // The user can still remove it; the other key is untouched.
    expect(await handlers['keys.reveal']({ id: safe.id, field: 'secret' }, popup)).toEqual({ value: safeKey.credentials.secret });
    await handlers['keys.delete']({ id: risky.id }, popup);
    expect((await handlers['keys.list']({}, popup)).keys.map((key) => key.id)).toEqual([safe.id]);
  });
});

describe('the withdraw confirmation of a fill', () => {
  it('is asked even when the stored withdraw flag was cleared while the vault is open', async () => {
    const { db, handlers, fill, deliver, risky } = await setup();
    await rewrite(db, risky.id, (record) => ({ ...record, risk: { withdraw: false, transfer: false, noIpWhitelist: false } }));
    const { token } = await fill.open('threecommas', 'htx', platformPage, [], null, true);
    expect((await fill.describe(token, picker)).keys.find((key) => key.id === risky.id)?.risk.withdraw).toBe(true);
    expect(await fill.choose(token, risky.id, [], picker)).toEqual({ status: 'confirm', risks: ['withdraw'] });
    expect(deliver).not.toHaveBeenCalled();
    expect((await handlers['keys.list']({}, popup)).keys.find((key) => key.id === risky.id)?.risk.withdraw).toBe(true);
    expect((await handlers['vault.status']({}, popup)).riskyCount).toBe(1);
  });

  it('is asked when the flag was cleared while locked, and after a key list showed no withdraw then', async () => {
    const { db, handlers, fill, risky } = await setup();
    await handlers['vault.lock']({}, popup);
    const reading = {
      apiKey: sampleInput().credentials.apiKey,
      permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
      ipWhitelist: ['203.0.113.9'],
    };
    expect(await handlers['page.keysSeen']({ exchange: 'htx', keys: [reading] }, exchangePage)).toEqual({ updated: 1, known: 1 });
    // The locked badge keeps its warning.
    expect((await db.get('keys', risky.id))?.risk.withdraw).toBe(true);
    expect((await handlers['vault.status']({}, popup)).riskyCount).toBe(1);
    await rewrite(db, risky.id, (record) => ({ ...record, risk: { withdraw: false, transfer: false, noIpWhitelist: false } }));
    await handlers['vault.unlock']({ password: PASSWORD }, popup);
    const { token } = await fill.open('threecommas', 'htx', platformPage, [], null, true);
    expect(await fill.choose(token, risky.id, [], picker)).toEqual({ status: 'confirm', risks: ['withdraw'] });
  });
});

describe('captures', () => {
  const capture = HTX_CAPTURE;

  it('made while locked are marked after unlock with their page and time; made while open are not', async () => {
    const { handlers } = await setup();
    await handlers['vault.lock']({}, popup);
    const locked = await handlers['capture.submit'](capture, exchangePage);
    await handlers['vault.unlock']({ password: PASSWORD }, popup);
    const open = await handlers['capture.submit']({ ...capture, apiKey: 'f0f0f0f0-99b1d3f5-84e6a8c0-7b2d4' }, exchangePage);
    const { keys } = await handlers['keys.list']({}, popup);
    expect(keys.find((key) => key.id === locked.id)?.capturedWhileLocked).toEqual({
      at: expect.any(Number),
      page: 'https://www.htx.com/en-us/apikey/',
    });
    const openCapture = keys.find((key) => key.id === open.id);
    expect(openCapture?.pendingAdoption).toBe(false);
    expect(openCapture?.capturedWhileLocked).toBeUndefined();
  });
});
