import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../src/background/broker';
import { CAPTURE_RATE_CODE, CaptureLimiter, GLOBAL_LIMIT, PER_TAB_LIMIT } from '../../../src/background/capture-limits';
import type { CaptureSubmission } from '../../../src/messages';
import { KDF_MINIMUM } from '../../../src/vault/kdf';
import { Vault } from '../../../src/vault/vault';
import { countingDb } from '../vault/counting-db';
import { freshVault } from '../vault/helpers';
import { backgroundFor, HTX_CAPTURE } from './handler-setup';

const MINUTE = 60_000;

/** A clock the test moves by hand: no sleeps. */
function manualClock(start = 1_700_000_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

async function setup(options: { maxPending?: number; unlocked?: boolean } = {}) {
  const clock = manualClock();
  const { db, vault: creator } = await freshVault();
  await creator.create('password-1');
  const counting = countingDb(db);
  const vault = new Vault(counting.db, { kdfTarget: KDF_MINIMUM, now: clock.now, maxPending: options.maxPending });
  const { handlers } = backgroundFor(vault, { autoLockSeconds: 3600, now: clock.now });
  if (options.unlocked) await handlers['vault.unlock']({ password: 'password-1' }, { context: 'popup', url: '' });
  return { db, handlers, clock, counting };
}

function capture(n: number): CaptureSubmission {
  return { ...HTX_CAPTURE, apiKey: `${n.toString(16).padStart(8, '0')}-99b1d3f5-84e6a8c0-7b2d4` };
}

function tab(tabId: number): Caller {
  return { context: 'exchange-content', url: 'https://www.htx.com/en-us/apikey/', tabId, frameId: 0 };
}

describe('capture rate limits', () => {
  it('refuses the sixth capture in a minute from one tab, with a clear code and note', async () => {
    const { handlers, db } = await setup();
    for (let n = 0; n < PER_TAB_LIMIT.max; n++) await handlers['capture.submit'](capture(n), tab(1));
    const refused = handlers['capture.submit'](capture(99), tab(1));
    await expect(refused).rejects.toMatchObject({
      code: CAPTURE_RATE_CODE,
      message: expect.stringMatching(/^Keyward has stored many captures from this page in a short time; it refuses more for a while \(about \d+ min\)\.$/),
    });
    expect(await db.count('keys')).toBe(PER_TAB_LIMIT.max);
  });

  it('accepts again from that tab once the minute has passed, and other tabs meanwhile', async () => {
    const { handlers, clock } = await setup();
    for (let n = 0; n < PER_TAB_LIMIT.max; n++) await handlers['capture.submit'](capture(n), tab(1));
    await expect(handlers['capture.submit'](capture(51), tab(1))).rejects.toMatchObject({ code: CAPTURE_RATE_CODE });
    expect(await handlers['capture.submit'](capture(50), tab(2))).toMatchObject({ duplicate: false });
    clock.advance(MINUTE - 1);
    await expect(handlers['capture.submit'](capture(51), tab(1))).rejects.toMatchObject({ code: CAPTURE_RATE_CODE });
    clock.advance(1);
    expect(await handlers['capture.submit'](capture(51), tab(1))).toMatchObject({ duplicate: false });
  });

  it('does not count a duplicate of a stored key, and still answers it at the limit', async () => {
    const { handlers } = await setup();
    const first = await handlers['capture.submit'](capture(0), tab(1));
    // The watcher may send the same key many times (re-renders, the copy signal): all answered.
    for (let i = 0; i < 20; i++) {
      expect(await handlers['capture.submit'](capture(0), tab(1))).toEqual({ id: first.id, duplicate: true });
    }
    for (let n = 1; n < PER_TAB_LIMIT.max; n++) await handlers['capture.submit'](capture(n), tab(1));
    await expect(handlers['capture.submit'](capture(99), tab(1))).rejects.toMatchObject({ code: CAPTURE_RATE_CODE });
    expect(await handlers['capture.submit'](capture(0), tab(1))).toEqual({ id: first.id, duplicate: true });
  });

  it('refuses beyond the hourly limit across all tabs, until the hour has passed', async () => {
    const { handlers, clock } = await setup();
    for (let n = 0; n < GLOBAL_LIMIT.max; n++) await handlers['capture.submit'](capture(n), tab(n));
    await expect(handlers['capture.submit'](capture(500), tab(500))).rejects.toMatchObject({
      code: CAPTURE_RATE_CODE,
      message: expect.stringContaining('in the last hour'),
    });
    clock.advance(60 * MINUTE);
    expect(await handlers['capture.submit'](capture(500), tab(500))).toMatchObject({ duplicate: false });
  });

  it('refuses beyond the pending cap with a clear note, changing nothing stored', async () => {
    const { handlers, db, clock } = await setup({ maxPending: 3 });
    for (let n = 0; n < 3; n++) {
      await handlers['capture.submit'](capture(n), tab(n));
      clock.advance(10 * MINUTE);
    }
    const before = await db.getAll('keys');
    await expect(handlers['capture.submit'](capture(3), tab(3))).rejects.toMatchObject({
      code: 'too-many-pending',
      message: expect.stringContaining('waiting for the vault to be unlocked'),
    });
    expect(await db.getAll('keys')).toEqual(before);
  });

  it('a flood of 200 captures on an open vault reads each record a fixed number of times', async () => {
    const { handlers, clock, counting } = await setup({ unlocked: true, maxPending: 1000 });
    counting.reset();
    const readAfter = new Map<number, number>();
    for (let n = 1; n <= 200; n++) {
      await handlers['capture.submit'](capture(n), tab(n));
      // Two minutes apart: under both rate limits, so every capture is stored and adopted.
      clock.advance(2 * MINUTE);
      readAfter.set(n, counting.counts.recordsRead);
    }
    const first50 = readAfter.get(50) ?? 0;
    const all200 = readAfter.get(200) ?? 0;
    // Linear: 200 captures read about four times what 50 did. The old code rescanned every
    // record to adopt each capture: sixteen times, about 20,000 records read.
    expect(all200).toBeLessThanOrEqual(4 * first50 + 10);
    expect(all200).toBeLessThanOrEqual(200 * 3);
  });
});

describe('CaptureLimiter', () => {
  it('forgets tabs whose captures have left the window', () => {
    const clock = manualClock();
    const limiter = new CaptureLimiter({ now: clock.now });
    for (let id = 0; id < 30; id++) limiter.admit(id);
    expect(limiter.trackedTabs).toBe(30);
    clock.advance(MINUTE);
    limiter.admit(1000);
    expect(limiter.trackedTabs).toBe(1);
  });

  it('says roughly when it will accept again', () => {
    const clock = manualClock();
    const limiter = new CaptureLimiter({ now: clock.now, perTab: { max: 1, windowMs: 10 * MINUTE } });
    limiter.admit(7);
    clock.advance(MINUTE);
    expect(() => limiter.admit(7)).toThrow(/about 9 min/);
  });
});
