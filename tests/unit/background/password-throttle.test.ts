import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshVault } from '../vault/helpers';
import { backgroundFor } from './handler-setup';

const MASTER = 'password-1';
const BACKUP = 'violet canoe drifts north';
const page = { context: 'popup' as const, url: '' };

/** Handlers on a fake clock, with the vault created (and so unlocked). */
async function setup() {
  const { vault, db } = await freshVault();
  let clock = 1_000_000;
  const now = () => clock;
  const { handlers } = backgroundFor(vault, { autoLockSeconds: 3600, now, lockNow: now });
  await handlers['vault.create']({ password: MASTER }, page);
  return {
    db,
    handlers,
    advance: (ms: number) => {
      clock += ms;
    },
    exportWith: (masterPassword: string, backupPassword = BACKUP) =>
      handlers['backup.export']({ masterPassword, backupPassword }, page),
    changeWith: (current: string) => handlers['vault.changePassword']({ current, next: 'password-2-new' }, page),
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => (e as { code?: unknown }).code,
  );
}

describe.each([
  ['backup export (verifyPassword)', (s: Setup, pw: string) => s.exportWith(pw)],
  ['password change (changePassword)', (s: Setup, pw: string) => s.changeWith(pw)],
])('%s goes through the unlock throttle', (_what, attempt) => {
  it('after four wrong passwords it is refused for the back-off, even with the right one, then allowed', async () => {
    const s = await setup();
    for (let i = 0; i < 4; i++) expect(await codeOf(attempt(s, 'wrong-guess'))).toBe('wrong-password');
    const fifth = await attempt(s, 'wrong-guess').catch((e: unknown) => e);
    expect(fifth).toMatchObject({ code: 'wrong-password', message: expect.stringContaining('wait 30 s') });
    expect(await codeOf(attempt(s, MASTER))).toBe('throttled');
    s.advance(29_000);
    expect(await codeOf(attempt(s, MASTER))).toBe('throttled');
    s.advance(1_000);
    expect(await codeOf(attempt(s, MASTER))).toBe('resolved');
  });

  it('shares its count with unlock: guesses here make unlock wait too', async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) await codeOf(attempt(s, 'wrong-guess'));
    await s.handlers['vault.lock']({}, page);
    expect(await codeOf(s.handlers['vault.unlock']({ password: MASTER }, page))).toBe('throttled');
  });

  it('while waiting, nothing stored changes', async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) await codeOf(attempt(s, 'wrong-guess'));
    const before = await s.db.get('meta', 'vault');
    await codeOf(attempt(s, MASTER));
    expect(await s.db.get('meta', 'vault')).toEqual(before);
  });
});

describe('backup export password', () => {
  it('refuses an empty or weak separate backup password before checking the master password', async () => {
    const s = await setup();
    expect(await codeOf(s.exportWith(MASTER, ''))).toBe('invalid-input');
    expect(await codeOf(s.exportWith(MASTER, 'short pw 1'))).toBe('invalid-input');
    expect(await codeOf(s.exportWith(MASTER, 'aaaaaaaaaaaaaaaa'))).toBe('invalid-input');
  });

  it('takes a strong separate password, or the master password when the popup sends it as the choice', async () => {
    const s = await setup();
    const separate = await s.exportWith(MASTER, BACKUP);
    expect(JSON.parse(separate.content)).toMatchObject({ format: 'keyward-backup' });
    expect(await codeOf(s.exportWith(MASTER, MASTER))).toBe('resolved');
  });
});
