import { type Bytes, fromBase64, toBase64, wipe } from '../vault/bytes';
import { type Infer, number, object, string } from '../core/schema';
import { VaultError } from '../vault/errors';
import type { UnlockedVault, Vault } from '../vault/vault';
import type { StorageArea } from './storage';
import { t } from '../i18n';

const SESSION_KEY = 'unlocked';

const SESSION_RECORD = object(
  {
    vaultKey: string(),
    /** The auto-lock deadline as it was set at the last use. */
    lockAt: number(),
    /** The last use: with the current auto-lock setting it bounds the deadline again on resume. */
    usedAt: number(),
  },
  { unknownKeys: 'ignore' },
);

type SessionRecord = Infer<typeof SESSION_RECORD>;

function parseRecord(value: unknown): SessionRecord | null {
  const parsed = SESSION_RECORD.parse(value);
  return parsed.ok ? parsed.value : null;
}

/**
 * When the kept key must be gone: the stored deadline, but never later than the auto-lock (as
 * set now) after the last use, nor after now. The setting may have been shortened while this
 * worker was stopped, and a clock set back must not stretch the session.
 */
function deadlineOf(record: SessionRecord, autoLockMs: number, now: number): number {
  return Math.min(record.lockAt, record.usedAt + autoLockMs, now + autoLockMs);
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
  /**
   * An unlock storing its session. Until it has, the open vault is not in `open`: a use meanwhile
   * (a page's key list, the badge) would find no kept key and lock it. Such a use waits instead.
   */
  private unlocking: Promise<void> | null = null;
  /** Counts locks, so a write prepared before a lock cannot put the key back after it. */
  private locks = 0;
  private readonly now: () => number;

  constructor(
    private readonly vault: Vault,
    private readonly deps: LockDeps,
  ) {
    this.now = deps.now ?? Date.now;
  }

  /** The open vault, resumed from session storage if this worker just started; null if locked. */
  async current(): Promise<UnlockedVault | null> {
    while (this.unlocking) await this.unlocking;
    if (this.open) {
      if (await this.live()) return this.open;
      // Expired (live() has locked), or the session was cleared elsewhere: lock this copy too.
      if (this.open) await this.lock();
      return null;
    }
    this.resuming ??= this.resume().finally(() => {
      this.resuming = null;
    });
    return this.resuming;
  }

  private async autoLockMs(): Promise<number> {
    return (await this.deps.autoLockSeconds()) * 1000;
  }

  /**
   * The kept session and its deadline, or null. One that is malformed (written by an older
   * version, or not by us) or past its deadline is deleted here, so the vault key never stays in
   * storage.session longer than the auto-lock allows.
   */
  private async live(): Promise<{ record: SessionRecord; deadline: number } | null> {
    const locks = this.locks;
    const stored = (await this.deps.session.get(SESSION_KEY))[SESSION_KEY];
    if (stored === undefined) return null;
    const record = parseRecord(stored);
    const now = this.now();
    const deadline = record ? deadlineOf(record, await this.autoLockMs(), now) : now;
    if (!record || deadline <= now) {
      await this.lock();
      return null;
    }
    // Brought forward (shorter setting, clock set back): kept, so it does not slide with "now".
    if (deadline < record.lockAt && !(await this.keep({ ...record, lockAt: deadline }, locks))) return null;
    return { record: { ...record, lockAt: deadline }, deadline };
  }

  private async resume(): Promise<UnlockedVault | null> {
    const live = await this.live();
    if (!live) return null;
    const open = await this.reopen(live.record.vaultKey);
    if (!open) {
      await this.lock();
      return null;
    }
    this.open = open;
    this.deps.schedule(live.deadline);
    return open;
  }

  /** Opens the vault with the kept key; null (the key wiped) if it does not open it. */
  private async reopen(encoded: string): Promise<UnlockedVault | null> {
    let key: Bytes;
    try {
      key = fromBase64(encoded);
    } catch {
      return null;
    }
    try {
      return await this.vault.resume(key);
    } catch {
      wipe(key);
      return null;
    }
  }

  async require(): Promise<UnlockedVault> {
    const open = await this.current();
    if (!open) throw new VaultError('locked', t('vaultLocked'));
    return open;
  }

  async isUnlocked(): Promise<boolean> {
    return (await this.current()) !== null;
  }

  async setUnlocked(open: UnlockedVault): Promise<void> {
    // Encoded before any await: a lock meanwhile zeroes open.vaultKeyRaw.
    const vaultKey = toBase64(open.vaultKeyRaw);
    const locks = this.locks;
    const storing = this.store(open, vaultKey, locks);
    this.unlocking = storing;
    try {
      await storing;
    } finally {
      if (this.unlocking === storing) this.unlocking = null;
    }
  }

  /** Keeps the session first, then holds the vault: `open` never names a vault without one. */
  private async store(open: UnlockedVault, vaultKey: string, locks: number): Promise<void> {
    const usedAt = this.now();
    const lockAt = usedAt + (await this.autoLockMs());
    if (!(await this.keep({ vaultKey, lockAt, usedAt }, locks)) || locks !== this.locks) {
      // A lock came meanwhile and wins: this vault is dropped as a locked one would be.
      open.close();
      return;
    }
    this.open = open;
    this.deps.schedule(lockAt);
    this.deps.onChange();
  }

  /** Pushes the auto-lock deadline back after a use of the vault. */
  async touch(): Promise<void> {
    const locks = this.locks;
    const live = await this.live();
    if (!live || !this.open) return;
    const usedAt = this.now();
    const lockAt = usedAt + (await this.autoLockMs());
    if (await this.keep({ ...live.record, lockAt, usedAt }, locks)) this.deps.schedule(lockAt);
  }

  /** Called by the alarm: locks only if the deadline really passed (it may have moved). */
  async checkDeadline(): Promise<void> {
    const live = await this.live();
    if (live) this.deps.schedule(live.deadline);
  }

  /**
   * Writes the session record unless a lock came since `locks` was read. The check and the write
   * start in one turn, and storage calls run in order, so a later lock's remove always wins.
   */
  private async keep(record: SessionRecord, locks: number): Promise<boolean> {
    if (locks !== this.locks) return false;
    await this.deps.session.set({ [SESSION_KEY]: record });
    return true;
  }

  /** Zeroes the raw vault key held in memory and forgets the kept copy in storage.session. */
  async lock(): Promise<void> {
    this.locks++;
    const open = this.open;
    this.open = null;
    open?.close();
    await this.deps.session.remove(SESSION_KEY);
    this.deps.cancelSchedule();
    this.deps.onChange();
  }
}
