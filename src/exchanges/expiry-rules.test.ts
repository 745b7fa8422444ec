import { describe, expect, it } from 'vitest';
import { EXCHANGE_IDS } from './registry';
import { deadlinesOf, expiryRulesOf } from './expiry-rules';
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

  it('keeps a sure deadline passed long ago: the key is known to be expired', () => {
    expect(deadlinesOf(sampleKey('mexc', null), CREATED + 200 * DAY).map((d) => d.daysLeft)).toEqual([-110]);
  });
});
