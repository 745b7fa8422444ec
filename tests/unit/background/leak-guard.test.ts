import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../src/background/broker';
import { LeakGuard } from '../../../src/background/leak-guard';
import type { NewKeyInput } from '../../../src/core/records';
import { UnlockedVault } from '../../../src/vault/vault';
import { freshVault, sampleInput } from '../vault/helpers';
import { backgroundFor } from './handler-setup';

const popup = { context: 'popup' as const, url: '' };
const page = (url: string, tabId = 7): Caller => ({ context: 'page-content', url, tabId, frameId: 0 });
const gist = page('https://gist.example.com/new');

const OKX_SECRET = '8F3A61C2D4E5B6A7980C1D2E3F4A5B6C';
const OKX_PASSPHRASE = 'Grid-bot-pass-7';
const HTX_SECRET = 'f1e2d3c4-b5a69788-12345678-9abcd';

function okxInput(bindings: NewKeyInput['details']['bindings'] = []): NewKeyInput {
  const base = sampleInput({ apiKey: '3b9f1c2e-5d4a-4e7b-9c8d-0a1b2c3d4e5f', secret: OKX_SECRET, passphrase: OKX_PASSPHRASE });
  return { ...base, exchange: 'okx', details: { ...base.details, label: 'okx grid', bindings } };
}

async function setup() {
  const { vault } = await freshVault();
  const { handlers, lock } = backgroundFor(vault);
  await handlers['vault.create']({ password: 'password-1' }, popup);
  const guard = new LeakGuard({ current: () => lock.current() });
  const add = async (input: NewKeyInput) => (await handlers['keys.add']({ input }, popup)).key.id;
  return { handlers, lock, guard, add };
}

/**
 * Every string the guard holds, Maps and nested objects included; not inside the open vault it
 * points to (the vault's own memory is the vault's tests' concern), nor in its injected functions.
 */
function stringsIn(root: unknown, seen = new Set<unknown>()): string[] {
  if (typeof root === 'string') return [root];
  if (typeof root !== 'object' || root === null || seen.has(root) || root instanceof UnlockedVault) return [];
  seen.add(root);
  const children = root instanceof Map ? [...root.keys(), ...root.values()] : Object.values(root);
  return children.flatMap((child) => stringsIn(child, seen));
}

/** How many distinct fingerprints (HMAC-SHA256, base64) the guard holds. */
function fingerprintsIn(guard: LeakGuard): number {
  return new Set(stringsIn(guard).filter((s) => /^[A-Za-z0-9+/]{43}=$/.test(s))).size;
}

describe('the leak guard’s fingerprints', () => {
  it('matches a stored secret and passphrase pasted into an unrelated page, and says which key only for its token', async () => {
    const { guard, add } = await setup();
    await add(okxInput());
    const secret = await guard.check(` ${OKX_SECRET}\n`, gist);
    expect(secret).toEqual({ match: true, token: expect.any(String) });
    const passphrase = await guard.check(OKX_PASSPHRASE, gist);
    if (!passphrase.match || !secret.match) throw new Error('expected matches');
    expect(JSON.stringify(passphrase)).not.toMatch(/okx|grid/i);
    expect(guard.describe(passphrase.token, gist)).toEqual({
      exchangeName: 'OKX',
      label: 'okx grid',
      field: 'passphrase',
      apiPageUrl: expect.stringMatching(/^https:\/\/www\.okx\.com\//),
    });
    // One time only, and only to the tab and origin it was given to.
    expect(() => guard.describe(passphrase.token, gist)).toThrow(/no longer knows/);
    expect(() => guard.describe(secret.token, page('https://gist.example.com/new', 8))).toThrow(/no longer knows/);
  });

  it('does not match text of the same shape that is not stored, nor the API key itself', async () => {
    const { guard, add } = await setup();
    await add(okxInput());
    expect(await guard.check('8F3A61C2D4E5B6A7980C1D2E3F4A5B6D', gist)).toEqual({ match: false });
    expect(await guard.check('3b9f1c2e-5d4a-4e7b-9c8d-0a1b2c3d4e5f', gist)).toEqual({ match: false });
  });

  it('stays quiet on the key’s own exchange hosts and on a platform it is bound to, not on another platform', async () => {
    const { guard, add } = await setup();
    await add(okxInput([{ platformHost: 'app.3commas.io', boundAt: 1 }]));
    expect(await guard.check(OKX_SECRET, page('https://www.okx.com/account/my-api'))).toEqual({ match: false });
    expect(await guard.check(OKX_SECRET, page('https://app.3commas.io/accounts/new'))).toEqual({ match: false });
    expect((await guard.check(OKX_SECRET, page('https://www.htx.com/en-us/apikey/'))).match).toBe(true);
    expect((await guard.check(OKX_SECRET, page('https://app.bitsgap.com/exchanges'))).match).toBe(true);
  });

  it('follows the key list: a key added is guarded from the next paste, a deleted one no more', async () => {
    const { guard, add, handlers } = await setup();
    await add(okxInput());
    expect(await guard.check(HTX_SECRET, gist)).toEqual({ match: false });
    const htx = await add(sampleInput());
    expect((await guard.check(HTX_SECRET, gist)).match).toBe(true);
    expect(fingerprintsIn(guard)).toBe(3);
    await handlers['keys.delete']({ id: htx }, popup);
    expect(await guard.check(HTX_SECRET, gist)).toEqual({ match: false });
    expect((await guard.check(OKX_SECRET, gist)).match).toBe(true);
    // Forgotten, not only unanswered: the deleted key's fingerprint is gone from memory.
    expect(fingerprintsIn(guard)).toBe(2);
  });

  it('answers no match while the vault is locked, and guards again after the next unlock', async () => {
    const { guard, add, handlers } = await setup();
    await add(okxInput());
    expect((await guard.check(OKX_SECRET, gist)).match).toBe(true);
    await handlers['vault.lock']({}, popup);
    expect(await guard.check(OKX_SECRET, gist)).toEqual({ match: false });
    await handlers['vault.unlock']({ password: 'password-1' }, popup);
    expect((await guard.check(OKX_SECRET, gist)).match).toBe(true);
  });

  it('holds no secret or passphrase in clear, only keyed fingerprints', async () => {
    const { guard, add } = await setup();
    await add(okxInput());
    await add(sampleInput());
    await guard.check(OKX_SECRET, gist);
    const held = stringsIn(guard);
    // The index is really there (a guard holding nothing would pass the check below for nothing).
    expect(fingerprintsIn(guard)).toBe(3);
    for (const secret of [OKX_SECRET, OKX_PASSPHRASE, HTX_SECRET]) {
      expect(held.some((s) => s.includes(secret) || s.includes(secret.toLowerCase()))).toBe(false);
    }
  });

  it('bounds how often one tab may ask: a compromised page script gets no passphrase oracle', async () => {
    const { guard, add } = await setup();
    await add(okxInput());
    for (let i = 0; i < 20; i++) await guard.check(`Guess-number-${i}`, gist);
    await expect(guard.check(OKX_PASSPHRASE, gist)).rejects.toMatchObject({ name: 'RefusedError' });
    expect((await guard.check(OKX_PASSPHRASE, page('https://chat.example.org/', 9))).match).toBe(true);
  });
});
