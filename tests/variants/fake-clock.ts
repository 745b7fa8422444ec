import { afterEach, beforeEach, vi } from 'vitest';
import { setPause } from './clock';

/**
 * Runs each test of the file on vitest's fake clock: the page's timers, the watcher's scans and
 * `performance.now()` move only when the harness pauses, by exactly the time it names.
 */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
    setPause((ms) => vi.advanceTimersByTimeAsync(ms));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
