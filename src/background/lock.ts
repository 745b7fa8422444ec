import { type Bytes, fromBase64, toBase64 } from '../vault/bytes';
import { VaultError } from '../vault/errors';
import type { UnlockedVault, Vault } from '../vault/vault';
import type { StorageArea } from './storage';

const SESSION_KEY = 'unlocked';

interface SessionRecord {
  vaultKey: string;
  lockAt: number;
}

export interface LockDeps {
  /** storage.session: memory only, cleared on browser restart, closed to content scripts. */
  session: StorageArea;
  autoLockSeconds: () => Promise<number>;
  /** Schedules the auto-lock check (alarms survive the service worker; timers do not). */
  schedule: (at: number) => void;
  cancelSchedule: () => void;
  onChange: () => void;
  now?: () => number;
}

/**
 * Holds the open vault. The vault key lives in this object and in storage.session, nowhere else,
 * so a service worker that was stopped comes back unlocked until the auto-lock deadline passes.
 * Every use of the vault from an extension page pushes the deadline back.
 */
export class LockService {
  private open: UnlockedVault | null = null;
  private resuming: Promise<UnlockedVault | null> | null = null;
  private readonly now: () => number;

  constructor(
    private readonly vault: Vault,
    private readonly deps: LockDeps,
  ) {
    this.now = deps.now ?? Date.now;
  }

  /** The open vault, resumed from session storage if this worker just started; null if locked. */
  async current(): Promise<UnlockedVault | null> {
    if (this.open) {
      if (await this.expired()) {
        await this.lock();
        return null;
      }
      return this.open;
    }
    this.resuming ??= this.resume().finally(() => {
      this.resuming = null;
    });
    return this.resuming;
  }

  private async record(): Promise<SessionRecord | null> {
    const value = (await this.deps.session.get(SESSION_KEY))[SESSION_KEY] as Partial<SessionRecord> | undefined;
    if (typeof value?.vaultKey !== 'string' || typeof value.lockAt !== 'number') return null;
    return { vaultKey: value.vaultKey, lockAt: value.lockAt };
  }

  private async expired(): Promise<boolean> {
    const record = await this.record();
    return record === null || record.lockAt <= this.now();
  }

  private async resume(): Promise<UnlockedVault | null> {
    const record = await this.record();
    if (!record) return null;
    if (record.lockAt <= this.now()) {
      await this.lock();
      return null;
    }
    let key: Bytes;
    try {
      key = fromBase64(record.vaultKey);
      this.open = await this.vault.resume(key);
    } catch {
      await this.lock();
      return null;
    }
    this.deps.schedule(record.lockAt);
    return this.open;
  }

  async require(): Promise<UnlockedVault> {
    const open = await this.current();
    if (!open) throw new VaultError('locked', 'The vault is locked. Unlock it first.');
    return open;
  }

  async isUnlocked(): Promise<boolean> {
    return (await this.current()) !== null;
  }

  async setUnlocked(open: UnlockedVault): Promise<void> {
    this.open = open;
    const lockAt = this.now() + (await this.deps.autoLockSeconds()) * 1000;
    await this.deps.session.set({ [SESSION_KEY]: { vaultKey: toBase64(open.vaultKeyRaw), lockAt } });
    this.deps.schedule(lockAt);
    this.deps.onChange();
  }

  /** Pushes the auto-lock deadline back after a use of the vault. */
  async touch(): Promise<void> {
    const record = await this.record();
    if (!record || !this.open) return;
    const lockAt = this.now() + (await this.deps.autoLockSeconds()) * 1000;
    await this.deps.session.set({ [SESSION_KEY]: { ...record, lockAt } });
    this.deps.schedule(lockAt);
  }

  /** Called by the alarm: locks only if the deadline really passed (it may have moved). */
  async checkDeadline(): Promise<void> {
    const record = await this.record();
    if (!record) return;
    if (record.lockAt <= this.now()) await this.lock();
    else this.deps.schedule(record.lockAt);
  }

  async lock(): Promise<void> {
    this.open = null;
    await this.deps.session.remove(SESSION_KEY);
    this.deps.cancelSchedule();
    this.deps.onChange();
  }
}
