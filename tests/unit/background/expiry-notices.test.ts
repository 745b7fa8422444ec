import { afterEach, describe, expect, it } from 'vitest';
import { type ExpiryNotice, ExpiryNotifier, SENT_KEY, noticeExchange, noticeId } from '../../../src/background/expiry-notices';
import type { KeySummary } from '../../../src/core/records';
import { speak } from '../i18n/speak';
import { htxKeySummary } from './handler-setup';
import { MemoryArea } from './memory-area';

const DAY = 86_400_000;
const CREATED = Date.UTC(2026, 0, 1);

/** An HTX key with trade and no IP: deactivated 90 days after its last use, at the earliest. */
const htxKey = htxKeySummary({
  id: 'rec-1',
  label: 'grid-bot-7',
  ipWhitelist: [],
  createdAt: CREATED,
  risk: { withdraw: false, transfer: false, noIpWhitelist: true },
});

/** A notifier on a clock the test moves, over keys the test sets (null: the vault is locked). */
function setup(initial: KeySummary[] | null = [htxKey]) {
  const clock = { now: CREATED };
  const state = { keys: initial, enabled: true };
  const area = new MemoryArea();
  const sent: ExpiryNotice[] = [];
  const notifier = new ExpiryNotifier({
    local: area,
    now: () => clock.now,
    enabled: async () => state.enabled,
    keys: async () => state.keys,
    notify: async (notice) => {
      sent.push(notice);
    },
    exchangeName: (id) => id.toUpperCase(),
    formatDate: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const at = (days: number) => {
    clock.now = CREATED + days * DAY;
  };
  return { notifier, sent, area, state, at };
}

describe('ExpiryNotifier', () => {
  afterEach(() => speak(null));

  it('notifies 7 days before and 1 day before, each once', async () => {
    const { notifier, sent, at } = setup();
    at(80);
    expect(await notifier.check()).toBe(0);
    at(83.5);
    expect(await notifier.check()).toBe(1);
    expect(await notifier.check()).toBe(0);
    at(86);
    expect(await notifier.check()).toBe(0);
    at(89.25);
    expect(await notifier.check()).toBe(1);
    at(89.5);
    expect(await notifier.check()).toBe(0);
    expect(sent.map((notice) => notice.title)).toEqual([
      'HTX key deactivated in about 6 days at the earliest',
      'HTX key deactivated today at the earliest',
    ]);
    expect(sent[0]).toMatchObject({ id: 'keyward-expiry|htx|rec-1' });
    expect(sent[0]?.message).toBe('“grid-bot-7”: HTX acts from 2026-04-01 if the key is not used before then. Click to open HTX\'s API page.');
  });

  it('speaks Russian: the whole title worded per effect, days in their plural form', async () => {
    speak('ru');
    const { notifier, sent, state, at } = setup();
    at(83.5);
    await notifier.check();
    expect(sent[0]?.title).toBe('Ключ HTX будет отключён примерно через 6 дней или позже');
    expect(sent[0]?.message).toBe(
      '«grid-bot-7»: HTX сделает это начиная с 2026-04-01, если до этой даты ключ ни разу не будет использован. Нажмите, чтобы открыть страницу API-ключей HTX.',
    );
    state.keys = [{ ...htxKey, label: '', validUntil: CREATED + 85.5 * DAY }];
    await notifier.check();
    expect(sent[1]?.title).toBe('Срок действия ключа HTX истекает через 2 дня');
    expect(sent[1]?.message).toBe('«Ключ без названия»: HTX сделает это 2026-03-27. Нажмите, чтобы открыть страницу API-ключей HTX.');
  });

  it('sends only the most urgent notice when both thresholds passed unseen, and none after the deadline', async () => {
    const { notifier, sent, at } = setup();
    at(89.5);
    expect(await notifier.check()).toBe(1);
    at(89.6);
    expect(await notifier.check()).toBe(0);
    expect(sent).toHaveLength(1);
    const late = setup();
    late.at(91);
    expect(await late.notifier.check()).toBe(0);
  });

  it('does nothing while the vault is locked or the user opted out, and catches up at the next check', async () => {
    const { notifier, sent, area, state, at } = setup(null);
    at(85);
    expect(await notifier.check()).toBe(0);
    state.keys = [htxKey];
    state.enabled = false;
    expect(await notifier.check()).toBe(0);
    expect(area.data.size).toBe(0);
    state.enabled = true;
    expect(await notifier.check()).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('runs overlapping checks one after the other, so a notice is not sent twice', async () => {
    const { notifier, sent, at } = setup();
    at(85);
    await Promise.all([notifier.check(), notifier.check()]);
    expect(sent).toHaveLength(1);
  });

  it('remembers the record id, the deadline and the threshold, never the label', async () => {
    const { notifier, area, at } = setup();
    at(85);
    await notifier.check();
    expect(area.data.get(SENT_KEY)).toEqual([{ keyId: 'rec-1', at: CREATED + 90 * DAY, days: 7 }]);
    expect(JSON.stringify([...area.data])).not.toContain('grid-bot-7');
  });

  it('treats a new date from the exchange as a new deadline, and forgets deleted keys', async () => {
    const { notifier, sent, area, state, at } = setup();
    at(85);
    await notifier.check();
    state.keys = [{ ...htxKey, validUntil: CREATED + 88 * DAY }];
    expect(await notifier.check()).toBe(1);
    expect(sent[1]?.title).toBe('HTX key expires in 3 days');
    state.keys = [];
    await notifier.check();
    expect(area.data.get(SENT_KEY)).toEqual([]);
  });

  it('says which exchange a notification of its own is about, for the click', () => {
    expect(noticeExchange(noticeId('okx', 'rec-9'))).toBe('okx');
    expect(noticeExchange('someone-else|okx')).toBeNull();
  });
});
