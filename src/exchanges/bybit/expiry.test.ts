import { describe, expect, it } from 'vitest';
import { CREATED, DAY, deadlinesAfter, perms, sampleKey } from '../../../tests/unit/exchanges/expiry-samples';

describe('Bybit expiry rules', () => {
  it('invalidate any key without an IP 90 days after creation', () => {
    expect(deadlinesAfter(sampleKey('bybit', perms()), 60)).toEqual([['expires', 30, true]]);
    expect(deadlinesAfter(sampleKey('bybit', perms(), ['203.0.113.9']), 60)).toEqual([]);
  });

  it('give way to the date the exchange itself stated', () => {
    const key = { ...sampleKey('bybit', perms('trade')), validUntil: CREATED + 70 * DAY };
    expect(deadlinesAfter(key, 60)).toEqual([['expires', 10, true]]);
  });
});
