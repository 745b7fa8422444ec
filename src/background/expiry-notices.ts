import { daysLeft } from '../core/deadline-words';
import type { KeyDeadline } from '../core/expiry';
import type { ExchangeId, KeySummary } from '../core/records';
import { SerialQueue } from '../core/serial';
import { deadlinesOf } from '../exchanges/expiry-rules';
import { type PlainKey, plural, t } from '../i18n';
import type { StorageArea } from './storage';

/**
 * Browser notifications before an exchange retires a key: one when its deadline is 7 days away,
 * one at 1 day, each once per key, deadline and threshold. Checked by a daily alarm and at unlock
 * or resume; only while the vault is open, since which keys are due (permissions, IPs, the
 * exchange's own date) is sealed while it is locked.
 *
 * What is remembered (storage.local, in clear): the key's record id, the deadline's time and the
 * threshold. The record id and the key's exchange are already in clear in the vault's store; the
 * label is not, so it is never written here. The notification itself names the exchange and the
 * label: the browser shows it, no web page can read it, and a label is what tells the user which
 * key to renew. It never names the API key, its last characters, the account or the IPs. The
 * operating system may keep a shown notification in its history: the opt-out (Settings) is for
 * whoever does not want labels there.
 */

const DAY_MS = 86_400_000;

/** Days before a deadline at which a notice is sent, the most urgent last. */
export const NOTICE_DAYS = [7, 1] as const;

export const SENT_KEY = 'expiryNoticesSent';

/** A sent notice is remembered until this long after its deadline, then forgotten. */
const FORGET_AFTER_MS = 30 * DAY_MS;

/** The notification id's prefix; the id also carries the exchange, for the click. */
const NOTICE_PREFIX = 'keyward-expiry';

export interface ExpiryNotice {
  /** The notification's id: `keyward-expiry|<exchange>|<record id>` (no secret, no label). */
  id: string;
  title: string;
  message: string;
}

export interface ExpiryNoticeDeps {
  local: StorageArea;
  now: () => number;
  /** The user's setting (Settings: expiry notifications). */
  enabled: () => Promise<boolean>;
  /** The open vault's keys; null while locked. */
  keys: () => Promise<readonly KeySummary[] | null>;
  notify: (notice: ExpiryNotice) => Promise<void>;
  exchangeName: (id: ExchangeId) => string;
  formatDate: (ms: number) => string;
}

interface SentRecord {
  keyId: string;
  /** The deadline's time: a new date (a key check's validUntil) is a new deadline. */
  at: number;
  days: number;
}

function isSentRecord(value: unknown): value is SentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.keyId === 'string' && typeof record.at === 'number' && typeof record.days === 'number';
}

const sentId = (record: SentRecord): string => `${record.keyId}|${record.at}|${record.days}`;

export function noticeId(exchange: ExchangeId, keyId: string): string {
  return `${NOTICE_PREFIX}|${exchange}|${keyId}`;
}

/** The exchange a notification of ours names, for its click; null for any other id. */
export function noticeExchange(notificationId: string): string | null {
  const [prefix, exchange] = notificationId.split('|');
  return prefix === NOTICE_PREFIX && exchange ? exchange : null;
}

export class ExpiryNotifier {
  /** A check at unlock and the alarm's may overlap: one at a time, or both would notify. */
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: ExpiryNoticeDeps) {}

  /** Sends the notices now due; returns how many. */
  check(): Promise<number> {
    return this.queue.run(() => this.checkNow());
  }

  private async checkNow(): Promise<number> {
    if (!(await this.deps.enabled())) return 0;
    const keys = await this.deps.keys();
    if (keys === null) return 0;
    const now = this.deps.now();
    const stored = (await this.deps.local.get(SENT_KEY))[SENT_KEY];
    const ids = new Set(keys.map((key) => key.id));
    // Deleted keys and long-passed deadlines are forgotten, so the list stays small.
    const kept = (Array.isArray(stored) ? stored : []).filter(isSentRecord).filter((r) => ids.has(r.keyId) && r.at + FORGET_AFTER_MS > now);
    const sent = new Set(kept.map(sentId));
    const added: SentRecord[] = [];
    for (const key of keys) {
      for (const deadline of deadlinesOf(key, now)) {
        // A passed deadline is the list's to show: a notice after the fact warns of nothing.
        if (deadline.at <= now) continue;
        const reached = NOTICE_DAYS.filter((days) => deadline.at - now <= days * DAY_MS).map((days) => ({ keyId: key.id, at: deadline.at, days }));
        if (reached.length === 0 || reached.every((record) => sent.has(sentId(record)))) continue;
        // Reached two thresholds at once (the browser was closed): the most urgent notice only.
        await this.deps.notify(this.notice(key, deadline, now));
        for (const record of reached) {
          sent.add(sentId(record));
          added.push(record);
        }
      }
    }
    if (added.length > 0 || kept.length !== (Array.isArray(stored) ? stored.length : 0)) {
      await this.deps.local.set({ [SENT_KEY]: [...kept, ...added] });
    }
    return new Set(added.map((record) => `${record.keyId}|${record.at}`)).size;
  }

  private notice(key: KeySummary, deadline: KeyDeadline, now: number): ExpiryNotice {
    const exchange = this.deps.exchangeName(key.exchange);
    const substitutions = { exchange, label: key.label || t('unnamedKey'), date: this.deps.formatDate(deadline.at) };
    return {
      id: noticeId(key.exchange, key.id),
      title: t(NOTICE_TITLES[deadline.effect], { exchange, when: dueWhen(deadline, now) }),
      message: t(deadline.certain ? 'noticeMessageOn' : 'noticeMessageUnlessUsed', substitutions),
    };
  }
}

/** A notice's title by what the exchange does; each language words the whole title, time included. */
type NoticeTitle = Extract<PlainKey, `noticeTitle${string}`>;
const NOTICE_TITLES: Record<KeyDeadline['effect'], NoticeTitle> = {
  expires: 'noticeTitleExpires',
  deactivated: 'noticeTitleDeactivated',
  deleted: 'noticeTitleDeleted',
  'spot-trading-removed': 'noticeTitleSpotTradingRemoved',
  'trading-removed': 'noticeTitleTradingRemoved',
};

/**
 * When a coming deadline falls, for a notice's title: "today", "in 3 days". One counted from the
 * key's last use, which Keyward cannot see, claims no more than it knows: "in about 3 days at
 * the earliest". Notices are sent only before a deadline, so there is no past tense here.
 */
function dueWhen(deadline: KeyDeadline, now: number): string {
  const days = daysLeft(deadline.at, now);
  if (deadline.certain) return days === 0 ? t('dueToday') : plural('dueInDays', days);
  return days === 0 ? t('dueTodayAtEarliest') : plural('dueInAboutDaysAtEarliest', days);
}
