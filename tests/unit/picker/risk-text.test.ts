import { afterEach, describe, expect, it } from 'vitest';
import type { FillRisk, PickerKey, PickerSession } from '../../../src/messages';
import { isPreflightRisk, missingPublishedText, pageListedText, preflightBadge, refusedIpText, riskText, scopeName } from '../../../src/picker/risk-text';
import { speak } from '../i18n/speak';

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

const session: PickerSession = { host: 'app.3commas.io', platform: 'threecommas', exchange: 'htx', scope: 'futures', locked: false, keys: [key], surface: 'frame', refusedPageIps: [] };

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

describe('the picker’s risk wording in Russian and Chinese', () => {
  afterEach(() => speak(null));

  it('says the page’s refused and listed addresses, and the preflight answer, in the catalogue’s language', () => {
    speak('ru');
    expect(refusedIpText({ ip: '0.0.0.0/0', why: 'over-broad' })).toMatch(/^Эта страница просит внести 0\.0\.0\.0\/0 в белый список\. Не делайте этого:/);
    expect(pageListedText(['1.2.3.4', '5.6.7.8'])).toContain('адреса 1.2.3.4, 5.6.7.8; в белом списке этого ключа их нет');
    expect(missingPublishedText(['1.2.3.4'], '3Commas')).toContain('3Commas публикует адрес 1.2.3.4');
    expect(riskText('no-futures', key, session)).toMatch(/^3Commas ответит Permission Denied: фьючерсным стратегиям нужно разрешение Futures \/ Swap Trade на бирже HTX\./);
    speak('zh_CN');
    expect(refusedIpText({ ip: '10.0.0.1', why: 'private' })).toBe('此页面要求您将 10.0.0.1 加入白名单。请不要这样做：这是私有或保留地址，交易所永远不会收到来自它的请求。');
    expect(scopeName('both')).toBe('现货和合约');
  });
});
