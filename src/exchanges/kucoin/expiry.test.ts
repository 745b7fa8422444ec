import { describe, expect, it } from 'vitest';
import { deadlinesAfter, perms, sampleKey } from '../../../tests/unit/exchanges/expiry-samples';

describe('KuCoin expiry rules', () => {
  it('take trading from an unbound spot or futures key after 30 days unused, at the earliest', () => {
    expect(deadlinesAfter(sampleKey('kucoin', perms('trade')), 25)).toEqual([['trading-removed', 5, false]]);
    expect(deadlinesAfter(sampleKey('kucoin', perms('futures')), 25)).toEqual([['trading-removed', 5, false]]);
  });

  it('never touch a General-only key or a key with an IP', () => {
    expect(deadlinesAfter(sampleKey('kucoin', perms()), 25)).toEqual([]);
    expect(deadlinesAfter(sampleKey('kucoin', perms('trade'), ['203.0.113.9']), 25)).toEqual([]);
  });
});
