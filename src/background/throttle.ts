import { VaultError, isVaultError } from '../vault/errors';
import type { StorageArea } from './storage';
import { plural, t } from '../i18n';

const KEY = 'unlockThrottle';
/** Failures allowed before waiting starts; Argon2id already costs about a second per try. */
const FREE_ATTEMPTS = 4;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

interface ThrottleState {
  failures: number;
  retryAt: number;
}

/**
 * Slows password guessing through the popup. Kept in storage.local (not secret) so that
 * restarting the service worker or the browser does not reset it.
 */
export class UnlockThrottle {
  constructor(
    private readonly area: StorageArea,
    private readonly now: () => number = Date.now,
  ) {}

  private async state(): Promise<ThrottleState> {
    const stored = (await this.area.get(KEY))[KEY] as Partial<ThrottleState> | undefined;
    return {
      failures: typeof stored?.failures === 'number' ? stored.failures : 0,
      retryAt: typeof stored?.retryAt === 'number' ? stored.retryAt : 0,
    };
  }

  /** When the next attempt is allowed, or null if it is allowed now. */
  async retryAt(): Promise<number | null> {
    const { retryAt } = await this.state();
    return retryAt > this.now() ? retryAt : null;
  }

  async recordFailure(): Promise<number | null> {
    const { failures } = await this.state();
    const count = failures + 1;
    const over = count - FREE_ATTEMPTS;
    const retryAt = over > 0 ? this.now() + Math.min(FIRST_DELAY_MS * 2 ** (over - 1), MAX_DELAY_MS) : 0;
    await this.area.set({ [KEY]: { failures: count, retryAt } });
    return retryAt || null;
  }

  async recordSuccess(): Promise<void> {
    await this.area.remove(KEY);
  }

  /**
   * Runs one master-password attempt under the throttle: unlock, and also the re-checks for
   * export and password change, which would otherwise be a free guessing oracle beside the
   * throttled unlock. Refused before the KDF runs while waiting; a wrong password counts.
   */
  async guard<T>(attempt: () => Promise<T>): Promise<T> {
    const waitUntil = await this.retryAt();
    if (waitUntil !== null) {
      throw new VaultError('throttled', plural('vaultThrottled', this.secondsUntil(waitUntil)));
    }
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      throw isVaultError(error, 'wrong-password') ? await this.failed() : error;
    }
    await this.recordSuccess();
    return result;
  }

  private async failed(): Promise<VaultError> {
    const next = await this.recordFailure();
    return new VaultError(
      'wrong-password',
      next === null ? t('vaultWrongPassword') : plural('vaultWrongPasswordWait', this.secondsUntil(next)),
    );
  }

  private secondsUntil(at: number): number {
    return Math.ceil((at - this.now()) / 1000);
  }
}
