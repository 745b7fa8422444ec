import { describe, expect, it } from 'vitest';
import { validators } from '../../../src/background/validate';

const base = { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] };

function capture(permissions: unknown) {
  return {
    exchange: 'htx',
    apiKey: 'e2a1b2c3-99d4e5f6-84a7b8c9-7d0e1',
    secret: 'f1e2d3c4-b5a69788-12345678-9abcd',
    passphrase: '',
    label: 'grid',
    account: 'main',
    permissions,
    ipWhitelist: [],
  };
}

function manual(permissions: unknown) {
  return {
    input: {
      exchange: 'htx',
      credentials: { apiKey: 'k', secret: 's', passphrase: '' },
      details: { label: '', account: 'main', notes: '', permissions, ipWhitelist: null, source: { kind: 'manual' } },
    },
  };
}

describe('permissions in messages: futures is optional, and a boolean when present', () => {
  it.each([
    ['without futures (older senders, or no such permission on the page)', base],
    ['with futures on', { ...base, futures: true }],
    ['with futures off', { ...base, futures: false }],
  ])('accepts permissions %s in a capture, a key list and a manual add', (_name, permissions) => {
    expect(validators['capture.submit'](capture(permissions))).toBe(true);
    expect(validators['page.keysSeen']({ exchange: 'htx', keys: [{ apiKey: 'k', permissions, ipWhitelist: null }] })).toBe(true);
    expect(validators['keys.add'](manual(permissions))).toBe(true);
  });

  it.each([['yes'], [1], [null]])('refuses futures = %j', (futures) => {
    const permissions = { ...base, futures };
    expect(validators['capture.submit'](capture(permissions))).toBe(false);
    expect(validators['page.keysSeen']({ exchange: 'htx', keys: [{ apiKey: 'k', permissions, ipWhitelist: null }] })).toBe(false);
    expect(validators['keys.add'](manual(permissions))).toBe(false);
  });
});

describe('fill.open carries the trading scope', () => {
  const open = (extra: Record<string, unknown>) => validators['fill.open']({ platform: 'threecommas', exchange: 'htx', pageIps: [], canProveVisible: true, ...extra });

  it('accepts each scope, and null when the form shows none', () => {
    for (const scope of ['spot', 'futures', 'both', null]) expect(open({ scope }), String(scope)).toBe(true);
  });

  it('refuses a missing or unknown scope', () => {
    expect(open({})).toBe(false);
    expect(open({ scope: 'margin' })).toBe(false);
    expect(open({ scope: 'Futures' })).toBe(false);
    expect(open({ scope: ['futures'] })).toBe(false);
  });
});

describe('fill.choose confirmations', () => {
  const choose = (confirmed: unknown) => validators['fill.choose']({ token: 't', keyId: 'k', confirmed });

  it('accepts the preflight confirmations beside the others', () => {
    expect(choose(['withdraw', 'reuse', 'other-exchange', 'cannot-trade', 'no-futures'])).toBe(true);
    expect(choose([])).toBe(true);
  });

  it('refuses anything else', () => {
    expect(choose(['futures'])).toBe(false);
    expect(choose('no-futures')).toBe(false);
    expect(choose(new Array(6).fill('reuse'))).toBe(false);
  });
});
