import type { ClipboardGuard } from '../../../src/background/clipboard';
import { createHandlers } from '../../../src/background/handlers';
import { LockService } from '../../../src/background/lock';
import { SettingsService } from '../../../src/background/settings';
import { UnlockThrottle } from '../../../src/background/throttle';
import type { Vault } from '../../../src/vault/vault';
import { MemoryArea } from './memory-area';

export interface BackgroundOptions {
  autoLockSeconds?: number;
  /** The handlers' clock (capture limits, records' times). */
  now?: () => number;
  /** The lock's and the unlock throttle's clock, where a test drives them too. */
  lockNow?: () => number;
}

/** The background's handlers over `vault`, with in-memory storage areas and no alarms. */
export function backgroundFor(vault: Vault, options: BackgroundOptions = {}) {
  const lock = new LockService(vault, {
    session: new MemoryArea(),
    autoLockSeconds: async () => options.autoLockSeconds ?? 60,
    schedule: () => undefined,
    cancelSchedule: () => undefined,
    onChange: () => undefined,
    ...(options.lockNow ? { now: options.lockNow } : {}),
  });
  const handlers = createHandlers({
    vault,
    lock,
    settings: new SettingsService(new MemoryArea()),
    throttle: new UnlockThrottle(new MemoryArea(), options.lockNow),
    clipboard: {} as ClipboardGuard,
    changed: () => undefined,
    ...(options.now ? { now: options.now } : {}),
  });
  return { lock, handlers };
}
