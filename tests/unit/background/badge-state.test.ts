import { afterEach, describe, expect, it } from 'vitest';
import { attentionCounts, badgeText, badgeTitle, lockedCounts } from '../../../src/background/badge-state';
import type { KeySummary } from '../../../src/core/records';
import { speak } from '../i18n/speak';
import { htxKeySummary } from './handler-setup';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

/** A safe Bybit key made 10 days ago; `over` says what differs. */
function key(id: string, over: Partial<KeySummary>): KeySummary {
  return htxKeySummary({ id, exchange: 'bybit', createdAt: NOW - 10 * DAY, ...over });
}

describe('the badge', () => {
  afterEach(() => speak(null));

  it('counts, while unlocked, each key that is risky or due within 7 days once', () => {
    const keys = [
      key('safe', {}),
      key('due', { validUntil: NOW + 3 * DAY }),
      key('later', { validUntil: NOW + 20 * DAY }),
      key('risky', { risk: { withdraw: true, transfer: false, noIpWhitelist: false } }),
      key('both', { ipWhitelist: [], risk: { withdraw: false, transfer: false, noIpWhitelist: true }, createdAt: NOW - 85 * DAY }),
    ];
    const counts = attentionCounts(keys, NOW);
    expect(counts).toEqual({ riskyCount: 2, dueSoonCount: 2, attentionCount: 3 });
    const state = { unlocked: true, hasVault: true, ...counts };
    expect(badgeText(state)).toBe('3');
    expect(badgeTitle(state)).toBe('Keyward: unlocked, 3 keys need attention (2 risky, 2 retired by the exchange within 7 days)');
  });

  it('claims, while locked, only the risky keys the clear flags show, and says deadlines wait for the unlock', () => {
    const state = { unlocked: false, hasVault: true, ...lockedCounts(2) };
    expect(badgeText(state)).toBe('2');
    expect(badgeTitle(state)).toBe('Keyward: locked, 2 risky keys (expiry dates are checked once unlocked)');
    expect(badgeTitle({ ...state, riskyCount: 0, attentionCount: 0 })).toBe('Keyward: locked');
    expect(badgeText({ ...state, riskyCount: 0, attentionCount: 0 })).toBe('');
  });

  it('says one key in the singular', () => {
    const state = { unlocked: true, hasVault: true, riskyCount: 0, dueSoonCount: 1, attentionCount: 1 };
    expect(badgeTitle(state)).toBe('Keyward: unlocked, 1 key needs attention (1 retired by the exchange within 7 days)');
    expect(badgeTitle({ unlocked: false, hasVault: true, ...lockedCounts(1) })).toBe('Keyward: locked, 1 risky key (expiry dates are checked once unlocked)');
    expect(badgeTitle({ unlocked: false, hasVault: false, ...lockedCounts(0) })).toBe('Keyward: no vault yet');
  });

  it('speaks Russian with its three plural forms', () => {
    speak('ru');
    const state = { unlocked: true, hasVault: true, riskyCount: 2, dueSoonCount: 5, attentionCount: 5 };
    expect(badgeTitle(state)).toBe(
      'Keyward: хранилище разблокировано, 5 ключей требуют внимания (2 рискованных, 5 будут ограничены или отключены биржей в течение 7 дней)',
    );
    expect(badgeTitle({ unlocked: false, hasVault: true, ...lockedCounts(21) })).toBe(
      'Keyward: хранилище заблокировано, 21 рискованный ключ (сроки действия проверяются после разблокировки)',
    );
    expect(badgeTitle({ ...state, riskyCount: 0, dueSoonCount: 3, attentionCount: 3 })).toBe(
      'Keyward: хранилище разблокировано, 3 ключа требуют внимания (3 будут ограничены или отключены биржей в течение 7 дней)',
    );
  });
});
