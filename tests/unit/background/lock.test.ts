import { describe, expect, it } from 'vitest';
import { LockService } from '../../../src/background/lock';
import { MemoryArea } from './memory-area';
import { UnlockThrottle } from '../../../src/background/throttle';
import { freshVault, sampleInput } from '../vault/helpers';

async function setup(autoLockSeconds = 60) {
  const { vault } = await freshVault();
  const session = new MemoryArea();
  let clock = 1_000_000;
  let autoLock = autoLockSeconds;
  const scheduled: number[] = [];
  const deps = {
    session,
    autoLockSeconds: async () => autoLock,
    schedule: (at: number) => scheduled.push(at),
    cancelSchedule: () => undefined,
    onChange: () => undefined,
    now: () => clock,
  };
  const lock = new LockService(vault, deps);
  const open = await vault.create('password1');
  await lock.setUnlocked(open);
  return {
    vault,
    session,
    lock,
    deps,
    scheduled,
    advance: (ms: number) => {
      clock += ms;
    },
    setAutoLock: (seconds: number) => {
      autoLock = seconds;
    },
  };
}

describe('LockService', () => {
  it('keeps the vault key only in session storage, and resumes from it in a new worker', async () => {
    const { vault, session, deps } = await setup();
    expect([...session.data.keys()]).toEqual(['unlocked']);
    const restarted = new LockService(vault, deps);
    expect(await restarted.isUnlocked()).toBe(true);
  });

  it('locks at the deadline, and each use pushes the deadline back', async () => {
    const { lock, advance } = await setup(60);
    advance(50_000);
    await lock.touch();
    advance(50_000);
    expect(await lock.isUnlocked()).toBe(true);
    advance(11_000);
    expect(await lock.isUnlocked()).toBe(false);
  });

  it('a new worker does not resume an expired session, and clears it', async () => {
    const { vault, session, deps, advance } = await setup(60);
    advance(61_000);
    const restarted = new LockService(vault, deps);
    expect(await restarted.isUnlocked()).toBe(false);
    expect(session.data.size).toBe(0);
  });

  it('the alarm locks only once the deadline has really passed', async () => {
    const { lock, advance, scheduled } = await setup(60);
    advance(30_000);
    await lock.touch();
    advance(40_000); // the first deadline has passed, the pushed one has not
    await lock.checkDeadline();
    expect(await lock.isUnlocked()).toBe(true);
    expect(scheduled.at(-1)).toBe(1_000_000 + 30_000 + 60_000);
  });

  it('lock clears memory and session storage; require() then refuses', async () => {
    const { lock, session } = await setup();
    await lock.lock();
    expect(session.data.size).toBe(0);
    await expect(lock.require()).rejects.toMatchObject({ code: 'locked' });
  });
});

describe('LockService: key material', () => {
  it('lock() zeroes the raw vault key it held, and the dropped vault can no longer open a box', async () => {
    const { lock } = await setup();
    const open = await lock.require();
    await open.add(sampleInput());
    const raw = open.vaultKeyRaw;
    expect(raw.some((byte) => byte !== 0)).toBe(true);
    await lock.lock();
    expect(raw).toEqual(new Uint8Array(32));
    await expect(open.list()).rejects.toMatchObject({ code: 'locked' });
  });

  it('a vault resumed in a new worker, and one locked by the auto-lock, are zeroed too', async () => {
    const { vault, deps, lock, advance } = await setup(60);
    const first = (await lock.require()).vaultKeyRaw;
    const restarted = new LockService(vault, deps);
    const resumed = (await restarted.require()).vaultKeyRaw;
    expect(resumed).not.toBe(first);
    advance(61_000);
    expect(await restarted.isUnlocked()).toBe(false);
    expect(resumed).toEqual(new Uint8Array(32));
  });
});

describe('LockService: the kept key lasts no longer than the auto-lock', () => {
  it('stores the deadline and the last use with the key', async () => {
    const { session } = await setup(60);
    expect(session.data.get('unlocked')).toMatchObject({ lockAt: 1_000_000 + 60_000, usedAt: 1_000_000 });
  });

  it('a new worker deletes a key whose auto-lock was shortened past it while the worker was stopped', async () => {
    const { vault, session, deps, advance, setAutoLock } = await setup(15 * 60);
    advance(2 * 60_000);
    setAutoLock(60); // the stored deadline is still 13 minutes away
    const restarted = new LockService(vault, deps);
    expect(await restarted.isUnlocked()).toBe(false);
    expect(session.data.size).toBe(0);
  });

  it('the alarm, waking a new worker after the deadline, deletes the key', async () => {
    const { vault, session, deps, advance } = await setup(60);
    advance(60_000);
    await new LockService(vault, deps).checkDeadline();
    expect(session.data.size).toBe(0);
  });

  it.each([
    ['no deadline', (r: Record<string, unknown>) => ({ vaultKey: r.vaultKey })],
    ['a deadline that never comes', (r: Record<string, unknown>) => ({ ...r, lockAt: Number.POSITIVE_INFINITY, usedAt: Number.POSITIVE_INFINITY })],
    ['a deadline that is not a number', (r: Record<string, unknown>) => ({ ...r, lockAt: 'later' })],
  ])('a kept key with %s is deleted on resume, and the vault stays locked', async (_what, change) => {
    const { vault, session, deps } = await setup(60);
    const stored = session.data.get('unlocked') as Record<string, unknown>;
    session.data.set('unlocked', change(stored));
    const restarted = new LockService(vault, deps);
    expect(await restarted.isUnlocked()).toBe(false);
    expect(session.data.size).toBe(0);
  });

  it('a clock set back does not stretch the session beyond one auto-lock period', async () => {
    const { vault, session, deps, advance } = await setup(60);
    advance(-10 * 60_000);
    const restarted = new LockService(vault, deps);
    expect(await restarted.isUnlocked()).toBe(true);
    advance(61_000);
    expect(await restarted.isUnlocked()).toBe(false);
    expect(session.data.size).toBe(0);
  });
});

describe('UnlockThrottle', () => {
  it('allows four failures, then makes each further attempt wait longer, and resets on success', async () => {
    let clock = 0;
    const throttle = new UnlockThrottle(new MemoryArea(), () => clock);
    for (let i = 0; i < 4; i++) expect(await throttle.recordFailure()).toBeNull();
    expect(await throttle.recordFailure()).toBe(30_000);
    expect(await throttle.retryAt()).toBe(30_000);
    clock = 30_000;
    expect(await throttle.retryAt()).toBeNull();
    expect(await throttle.recordFailure()).toBe(30_000 + 60_000);
    await throttle.recordSuccess();
    expect(await throttle.retryAt()).toBeNull();
    expect(await throttle.recordFailure()).toBeNull();
  });
});

/** A lock service whose auto-lock setting is read only when `release` is called: a slow storage read. */
async function slowSettingLock() {
  const { vault } = await freshVault();
  const session = new MemoryArea();
  let release: () => void = () => undefined;
  const settingRead = new Promise<void>((resolve) => {
    release = resolve;
  });
  const lock = new LockService(vault, {
    session,
    autoLockSeconds: async () => {
      await settingRead;
      return 60;
    },
    schedule: () => undefined,
    cancelSchedule: () => undefined,
    onChange: () => undefined,
  });
  return { vault, session, lock, release };
}

describe('LockService: a use during the unlock', () => {
  it('a message handled while the unlock is still storing its session sees the vault open, and does not lock it', async () => {
    const { vault, session, lock, release } = await slowSettingLock();
    const opened = await vault.create('password1');
    const unlocking = lock.setUnlocked(opened);
    // page.keysSeen or the badge asks for the vault while the session record is not written yet.
    const during = lock.current();
    release();
    await unlocking;
    expect(await during).toBe(opened);
    expect(await lock.isUnlocked()).toBe(true);
    expect(session.data.has('unlocked')).toBe(true);
  });

  it('a lock during the unlock wins: the vault it was opening is zeroed and nothing is kept', async () => {
    const { vault, session, lock, release } = await slowSettingLock();
    const opened = await vault.create('password1');
    const raw = opened.vaultKeyRaw;
    const unlocking = lock.setUnlocked(opened);
    await lock.lock();
    release();
    await unlocking;
    expect(await lock.isUnlocked()).toBe(false);
    expect(session.data.size).toBe(0);
    expect(raw).toEqual(new Uint8Array(32));
  });
});
