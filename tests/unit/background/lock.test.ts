import { describe, expect, it } from 'vitest';
import { LockService } from '../../../src/background/lock';
import { MemoryArea } from './memory-area';
import { UnlockThrottle } from '../../../src/background/throttle';
import { freshVault } from '../vault/helpers';

async function setup(autoLockSeconds = 60) {
  const { vault } = await freshVault();
  const session = new MemoryArea();
  let clock = 1_000_000;
  const scheduled: number[] = [];
  const deps = {
    session,
    autoLockSeconds: async () => autoLockSeconds,
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
