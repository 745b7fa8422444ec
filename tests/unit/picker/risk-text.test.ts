import { describe, expect, it } from 'vitest';
import type { FillRisk, PickerKey, PickerSession } from '../../../src/messages';
import { isPreflightRisk, preflightBadge, riskText, scopeName } from '../../../src/picker/risk-text';

const key: PickerKey = {
  id: 'k1',
  exchange: 'htx',
  label: 'grid',
  account: 'main',
  apiKeyTail: 'a1b2',
  risk: { withdraw: false, noIpWhitelist: false },
  boundElsewhere: [],
  missingIps: [],
  pageIpsMissing: [],
  preflight: 'no-futures',
};

const session: PickerSession = { host: 'app.3commas.io', platformName: '3Commas', exchange: 'htx', scope: 'futures', locked: false, keys: [key], surface: 'frame', refusedPageIps: [] };

describe('what the picker says before a bind Keyward expects to be denied', () => {
  it('states the platform’s answer for a read-only key, naming the platform and the exchange', () => {
    const text = riskText('cannot-trade', key, session);
    expect(text).toMatch(/^3Commas will answer Permission Denied: this key cannot trade\./);
    expect(text).toContain('HTX last showed it without trade permission');
    expect(text).toContain('fill anyway if you have enabled Trade there since');
  });

  it('states the platform’s answer for a spot-only key bound for futures', () => {
    const text = riskText('no-futures', key, session);
    expect(text).toMatch(/^3Commas will answer Permission Denied: futures strategies need the Futures \/ Swap Trade permission on HTX\./);
    expect(text).toContain('fill anyway if you have enabled it since');
  });

  it('names the key’s exchange, not the form’s, when they differ', () => {
    expect(riskText('no-futures', { ...key, exchange: 'binance' }, session)).toContain('permission on Binance.');
  });

  it('tells preflight risks apart from risks to funds, with a short badge each', () => {
    const preflight: FillRisk[] = ['cannot-trade', 'no-futures'];
    const funds: FillRisk[] = ['withdraw', 'reuse', 'other-exchange'];
    expect(preflight.every(isPreflightRisk)).toBe(true);
    expect(funds.some(isPreflightRisk)).toBe(false);
    expect(preflightBadge('cannot-trade')).toMatch(/denied/);
    expect(preflightBadge('no-futures')).toMatch(/futures/);
    expect(riskText('withdraw', key, session)).toMatch(/never need withdraw/);
  });

  it('names the scopes as a person reads them', () => {
    expect([scopeName('spot'), scopeName('futures'), scopeName('both')]).toEqual(['Spot', 'Futures', 'Spot and futures']);
  });
});
