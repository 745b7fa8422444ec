import { describe, expect, it } from 'vitest';
import { type TradingScope, bindPreflight, isTradingScope } from './preflight';
import type { KeyPermissions } from './records';

function perms(flags: Partial<Omit<KeyPermissions, 'labels'>>): KeyPermissions {
  return { read: true, trade: true, withdraw: false, transfer: false, labels: [], ...flags };
}

const SCOPES: (TradingScope | null)[] = ['spot', 'futures', 'both', null];

describe('bindPreflight', () => {
  it.each(SCOPES)('a read-only key cannot trade, whatever the scope (%s)', (scope) => {
    expect(bindPreflight(perms({ trade: false }), scope)).toBe('cannot-trade');
    expect(bindPreflight(perms({ trade: false, futures: false }), scope)).toBe('cannot-trade');
  });

  it('a spot-only key bound for futures or both meets Permission Denied; for spot it does not', () => {
    const spotOnly = perms({ futures: false });
    expect(bindPreflight(spotOnly, 'futures')).toBe('no-futures');
    expect(bindPreflight(spotOnly, 'both')).toBe('no-futures');
    expect(bindPreflight(spotOnly, 'spot')).toBeNull();
    expect(bindPreflight(spotOnly, null)).toBeNull();
  });

  it.each(SCOPES)('an unknown futures permission says nothing about futures (%s)', (scope) => {
    expect(bindPreflight(perms({}), scope)).toBeNull();
  });

  it.each(SCOPES)('a key with futures on passes (%s)', (scope) => {
    expect(bindPreflight(perms({ futures: true }), scope)).toBeNull();
  });

  it('a futures-only key is not read-only', () => {
    expect(bindPreflight(perms({ trade: false, futures: true }), 'futures')).toBeNull();
  });

  it.each(SCOPES)('unknown permissions say nothing (%s)', (scope) => {
    expect(bindPreflight(null, scope)).toBeNull();
  });
});

describe('isTradingScope', () => {
  it('accepts the three scopes only', () => {
    expect(['spot', 'futures', 'both'].every(isTradingScope)).toBe(true);
    expect([null, undefined, 'Spot', 'margin', 1, {}].some(isTradingScope)).toBe(false);
  });
});
