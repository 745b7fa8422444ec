/**
 * Waiting in e2e tests: on facts, never on time, except to prove that something does NOT happen,
 * and then only through absence() with its one duration.
 */

/**
 * How long an absence is watched for: every reaction Keyward shows (a note, a button, a picker
 * frame or window, a fill, a capture) comes within a few hundred milliseconds of its cause, and
 * the content scripts rescan every 250 ms, so 800 ms spans three rescans. Used only where the
 * test's claim is "nothing happens"; anything that must happen is waited for as a fact.
 */
export const ABSENCE_MS = 800;

/** Lets the absence window pass, so that what the test then checks has had every chance to appear. */
export async function absence(): Promise<void> {
  await new Promise((done) => setTimeout(done, ABSENCE_MS));
}

/** Polls a cheap check until it holds (every 100 ms); fails naming what it waited for. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeout = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeout; ; ) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
