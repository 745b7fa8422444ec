import { describe, expect, it } from 'vitest';
import { deadlinesAfter, perms, sampleKey } from '../../../tests/unit/exchanges/expiry-samples';

describe('Binance expiry rules', () => {
  it('remove spot trading from an unbound key 30 days after creation', () => {
    expect(deadlinesAfter(sampleKey('binance', perms('trade')), 18)).toEqual([['spot-trading-removed', 12, true]]);
  });

  it('touch neither a key with trusted IPs nor one that cannot trade spot (futures only, read only)', () => {
    expect(deadlinesAfter(sampleKey('binance', perms('trade'), ['203.0.113.9']), 18)).toEqual([]);
    expect(deadlinesAfter(sampleKey('binance', perms('futures')), 18)).toEqual([]);
    expect(deadlinesAfter(sampleKey('binance', perms()), 18)).toEqual([]);
  });
});
