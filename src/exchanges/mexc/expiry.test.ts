import { describe, expect, it } from 'vitest';
import { deadlinesAfter, perms, sampleKey } from '../../../tests/unit/exchanges/expiry-samples';

describe('MEXC expiry rules', () => {
  it('expire any key without an IP 90 days after its creation, read-only ones too', () => {
    expect(deadlinesAfter(sampleKey('mexc', perms()), 80)).toEqual([['expires', 10, true]]);
    expect(deadlinesAfter(sampleKey('mexc', perms('trade')), 95)).toEqual([['expires', -5, true]]);
  });

  it('never expire a key linked to an IP', () => {
    expect(deadlinesAfter(sampleKey('mexc', perms('trade'), ['203.0.113.9']), 80)).toEqual([]);
  });
});
