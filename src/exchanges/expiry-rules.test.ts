import { describe, expect, it } from 'vitest';
import { EXCHANGE_IDS } from './registry';
import { deadlinesOf, expiryRulesOf, isDueSoon } from './expiry-rules';
import { CREATED, DAY, perms, sampleKey } from '../../tests/unit/exchanges/expiry-samples';

describe('expiry rules registry', () => {
  it('has rules only where a source says the exchange retires keys', () => {
    const withRules = EXCHANGE_IDS.filter((id) => expiryRulesOf(id).length > 0);
    expect(withRules.sort()).toEqual(['binance', 'bybit', 'htx', 'kucoin', 'mexc', 'okx']);
  });

  it('counts no deadline for a retired key or a damaged record', () => {
    const key = sampleKey('mexc', perms('trade'));
    expect(deadlinesOf(key, CREATED + 80 * DAY)).toHaveLength(1);
    expect(deadlinesOf({ ...key, retired: { at: CREATED, successorId: 'next' } }, CREATED + 80 * DAY)).toEqual([]);
    expect(deadlinesOf({ ...key, damaged: 'altered' }, CREATED + 80 * DAY)).toEqual([]);
  });

  it("says what ends at a date the exchange stated: Binance's is spot trading, others' the key", () => {
    const validUntil = CREATED + 20 * DAY;
    expect(deadlinesOf({ ...sampleKey('binance', perms('trade')), validUntil }, CREATED).map((d) => d.effect)).toEqual(['spot-trading-removed']);
    expect(deadlinesOf({ ...sampleKey('kraken', perms('trade')), validUntil }, CREATED).map((d) => d.effect)).toEqual(['expires']);
  });

  it('keeps a sure deadline passed long ago: the key is known to be expired', () => {
    expect(deadlinesOf(sampleKey('mexc', null), CREATED + 200 * DAY).map((d) => d.daysLeft)).toEqual([-110]);
  });
});

describe('isDueSoon', () => {
  it('is true from seven days before a deadline on, and after it', () => {
    const key = sampleKey('htx', perms('trade'));
    expect(isDueSoon(key, CREATED + 82 * DAY)).toBe(false);
    expect(isDueSoon(key, CREATED + 83 * DAY)).toBe(true);
    expect(isDueSoon(key, CREATED + 95 * DAY)).toBe(true);
    expect(isDueSoon({ ...key, ipWhitelist: ['203.0.113.9'] }, CREATED + 85 * DAY)).toBe(false);
  });
});
