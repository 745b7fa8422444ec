import { describe, expect, it } from 'vitest';
import { deadlinesAfter, perms, sampleKey } from '../../../tests/unit/exchanges/expiry-samples';

describe('OKX expiry rules', () => {
  it('delete an unbound trade key after 14 days unused: at the earliest 14 days after creation', () => {
    expect(deadlinesAfter(sampleKey('okx', perms('trade')), 10)).toEqual([['deleted', 4, false]]);
  });

  it('leave read-only and IP-bound keys alone', () => {
    expect(deadlinesAfter(sampleKey('okx', perms()), 10)).toEqual([]);
    expect(deadlinesAfter(sampleKey('okx', perms('withdraw'), ['203.0.113.9']), 10)).toEqual([]);
  });

  it('stop repeating the guess once it passed long ago (the key was used since, or is gone)', () => {
    expect(deadlinesAfter(sampleKey('okx', perms('trade')), 44)).toEqual([['deleted', -30, false]]);
    expect(deadlinesAfter(sampleKey('okx', perms('trade')), 45)).toEqual([]);
  });
});
