import { tWords, words } from '../i18n';
import { RefusedError } from './broker';

/**
 * Rate limits for capture.submit. An exchange shows a new key only after its own 2FA and
 * confirmation dialogs, so a person stores at most a few keys a minute in one tab and a few
 * dozen in an hour; a script on an exchange page (or a compromised content script) can submit
 * thousands. These limits sit far above the first and far below the second.
 *
 * Kept in memory only: a service worker restart forgets them. That is accepted, because the
 * cap on pending sealed records (Vault.maxPending) bounds what a flood can store across
 * restarts, and persisting every capture's time would itself be a write per capture.
 */

export interface RateWindow {
  /** Captures admitted within the window. */
  max: number;
  windowMs: number;
}

export interface CaptureLimitOptions {
  perTab?: RateWindow;
  global?: RateWindow;
  /** The clock; tests drive it instead of sleeping. */
  now?: () => number;
}

/** Five a minute in one tab: creating a key on any exchange takes a 2FA code and a dialog or two. */
export const PER_TAB_LIMIT: RateWindow = { max: 5, windowMs: 60_000 };
/** Forty an hour across all tabs: a trader setting up many bots at once, with room to spare. */
export const GLOBAL_LIMIT: RateWindow = { max: 40, windowMs: 3_600_000 };

export const CAPTURE_RATE_CODE = 'capture-rate-limited';

/** Tab id used when the browser did not say which tab sent the capture. */
const NO_TAB = -1;

/** Times of admitted captures, oldest first, trimmed to one window. */
class Window {
  private readonly times: number[] = [];

  constructor(private readonly limit: RateWindow) {}

  /** Drops what fell out of the window; returns whether another capture fits. */
  hasRoom(now: number): boolean {
    const start = now - this.limit.windowMs;
    while (this.times.length > 0 && (this.times[0] ?? now) <= start) this.times.shift();
    return this.times.length < this.limit.max;
  }

  add(now: number): void {
    this.times.push(now);
  }

  get empty(): boolean {
    return this.times.length === 0;
  }

  /** When the oldest admitted capture leaves the window, so another fits. */
  freeAt(): number {
    return (this.times[0] ?? 0) + this.limit.windowMs;
  }
}

export class CaptureLimiter {
  private readonly perTab: RateWindow;
  private readonly global: Window;
  private readonly tabs = new Map<number, Window>();
  private readonly now: () => number;

  constructor(options: CaptureLimitOptions = {}) {
    this.perTab = options.perTab ?? PER_TAB_LIMIT;
    this.global = new Window(options.global ?? GLOBAL_LIMIT);
    this.now = options.now ?? Date.now;
  }

  /**
   * Counts one capture from this tab, or refuses it. Called only for a capture about to be
   * stored, so a duplicate of a stored key is never counted.
   */
  admit(tabId: number | undefined): void {
    const now = this.now();
    this.prune(now);
    const tab = this.tabs.get(tabId ?? NO_TAB) ?? new Window(this.perTab);
    if (!tab.hasRoom(now)) throw refusal('tab', tab.freeAt() - now);
    if (!this.global.hasRoom(now)) throw refusal('hour', this.global.freeAt() - now);
    tab.add(now);
    this.global.add(now);
    this.tabs.set(tabId ?? NO_TAB, tab);
  }

  /** Forgets tabs whose window is empty, so closed tabs do not accumulate. */
  private prune(now: number): void {
    for (const [id, window] of this.tabs) {
      if (window.hasRoom(now) && window.empty) this.tabs.delete(id);
    }
  }

  /** Tabs with captures still inside their window (for tests: the map stays small). */
  get trackedTabs(): number {
    return this.tabs.size;
  }
}

/**
 * The note the exchange page shows beside the secret, after "NOT saved:": its words, which the
 * page says in its language, and the message said from the same words in the background's
 * language for the log and other surfaces.
 */
function refusal(where: 'tab' | 'hour', waitMs: number): RefusedError {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  const said = where === 'tab' ? words('noteCaptureRateTab', { minutes }) : words('noteCaptureRateHour', { minutes });
  return new RefusedError(CAPTURE_RATE_CODE, tWords(said), said);
}
