/**
 * How the variant pages let time pass. The bench (`BENCH_ONLY=matrix`, under tsx) runs them on
 * the real clock; the unit tests put them on vitest's fake clock (fake-clock.ts), where a quiet
 * period or a late render costs no wall time and a loaded machine cannot stretch it.
 */
let wait = (ms: number): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets `ms` of the page's time pass: its timers, the watcher's scans, and what they set off run. */
export async function pause(ms: number): Promise<void> {
  await wait(ms);
}

/** Replaces how time passes (the fake clock's advance). */
export function setPause(advance: (ms: number) => Promise<unknown>): void {
  wait = advance;
}
