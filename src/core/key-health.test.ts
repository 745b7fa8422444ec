import { describe, expect, it } from 'vitest';
import { applyReport, compareReport } from './key-health';
import type { KeyDetails } from './records';

const details: KeyDetails = {
  label: 'grid bot',
  account: 'main',
  permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
  ipWhitelist: ['1.2.3.4'],
  source: { kind: 'manual' },
  bindings: [],
  notes: 'mine',
  apiKeyTail: 'abcd',
};

describe('compareReport', () => {
  it('finds nothing when the exchange agrees, whatever the order of the IPs', () => {
    const same = compareReport({ ...details, ipWhitelist: ['5.6.7.8', '1.2.3.4'] }, {
      permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['read_only', 'trade'] },
      ipWhitelist: ['1.2.3.4', '5.6.7.8'],
    });
    expect(same).toEqual([]);
  });

  it('marks withdraw turned on and a whitelist removed as riskier', () => {
    const differences = compareReport(details, {
      permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: [] },
      ipWhitelist: [],
    });
    expect(differences).toEqual([
      { field: 'withdraw', vault: 'off', exchange: 'on', riskier: true },
      { field: 'ipWhitelist', vault: '1.2.3.4', exchange: 'none (any address)', riskier: true },
    ]);
  });

  it('says a permission turned off is a difference but not a risk, and leaves unstated fields alone', () => {
    const differences = compareReport(details, { permissions: { read: true, trade: false, withdraw: false, transfer: false, labels: [] } });
    expect(differences).toEqual([{ field: 'trade', vault: 'on', exchange: 'off', riskier: false }]);
  });

  it('compares against unknown vault facts as "not known", and reports an end date', () => {
    const differences = compareReport({ permissions: null, ipWhitelist: null }, {
      permissions: { read: true, trade: false, withdraw: false, transfer: false, labels: [] },
      ipWhitelist: ['9.9.9.9'],
      validUntil: Date.UTC(2027, 0, 31),
    });
    expect(differences.map((d) => [d.field, d.vault, d.exchange])).toEqual([
      ['read', 'not known', 'on'],
      ['trade', 'not known', 'off'],
      ['withdraw', 'not known', 'off'],
      ['transfer', 'not known', 'off'],
      ['ipWhitelist', 'not known', '9.9.9.9'],
      ['validUntil', 'not known', '2027-01-31'],
    ]);
  });
});

describe('applyReport', () => {
  it("takes the exchange's permissions, whitelist and end date, and never the user's label or notes", () => {
    const next = applyReport(details, {
      permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: ['withdraw'] },
      ipWhitelist: [],
      validUntil: 123,
      label: 'name on the exchange',
    });
    expect(next.permissions?.withdraw).toBe(true);
    expect(next.ipWhitelist).toEqual([]);
    expect(next.validUntil).toBe(123);
    expect(next.label).toBe('grid bot');
    expect(next.notes).toBe('mine');
  });

  it('keeps what the exchange did not state', () => {
    expect(applyReport(details, {})).toEqual(details);
  });
});
