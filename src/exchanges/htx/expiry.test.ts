import { describe, expect, it } from 'vitest';
import { deadlinesAfter, perms, sampleKey } from '../../../tests/unit/exchanges/expiry-samples';

describe('HTX expiry rules', () => {
  it('deactivate an unbound trade or withdraw key 90 days after its last use: the earliest is 90 days after creation', () => {
    expect(deadlinesAfter(sampleKey('htx', perms('trade')), 85)).toEqual([['deactivated', 5, false]]);
    expect(deadlinesAfter(sampleKey('htx', perms('withdraw')), 0)).toEqual([['deactivated', 90, false]]);
  });

  it('leave a key with an IP whitelist, and a read-only key, alone', () => {
    expect(deadlinesAfter(sampleKey('htx', perms('trade'), ['203.0.113.9']), 85)).toEqual([]);
    expect(deadlinesAfter(sampleKey('htx', perms()), 85)).toEqual([]);
  });
});
