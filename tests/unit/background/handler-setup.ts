import type { ClipboardGuard } from '../../../src/background/clipboard';
import { createHandlers } from '../../../src/background/handlers';
import { LockService } from '../../../src/background/lock';
import { SettingsService } from '../../../src/background/settings';
import { UnlockThrottle } from '../../../src/background/throttle';
import type { KeySummary } from '../../../src/core/records';
import type { CaptureSubmission } from '../../../src/messages';
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

/** A capture as HTX's one-time dialog reports it: key, secret, no passphrase, nothing read yet. */
export const HTX_CAPTURE: CaptureSubmission = {
  exchange: 'htx',
  apiKey: 'e2c4f6a8-99b1d3f5-84e6a8c0-7b2d4',
  secret: 'b7c8d9e0-f1a2b3c4-d5e6f7a8-9b0c1',
  passphrase: '',
  label: 'bot',
  account: 'main',
  permissions: null,
  ipWhitelist: null,
};

/** A listed HTX key with no risk, for the fill service's tests; `fields` says what differs. */
export function htxKeySummary(fields: Partial<KeySummary> & Pick<KeySummary, 'id'>): KeySummary {
  return {
    exchange: 'htx',
    label: fields.id,
    account: 'main',
    permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: [] },
    ipWhitelist: ['203.0.113.7'],
    source: { kind: 'manual' },
    bindings: [],
    notes: '',
    apiKeyTail: 'a1b2',
    createdAt: 0,
    updatedAt: 0,
    risk: { withdraw: false, transfer: false, noIpWhitelist: false },
    pendingAdoption: false,
    ...fields,
  };
}
