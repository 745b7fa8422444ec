import { describe, expect, it } from 'vitest';
import { GENERIC_WORDS } from '../exchanges/readers/generic-words';
import { bestConcept, hasWords, labelParts, normaliseWords, wordScore } from './words';

describe('words: labels read as a person reads them', () => {
  it('normalises width, case, decoration and the script boundary', () => {
    expect(normaliseWords('  * Secret Key：(required) ')).toBe('secret key:');
    expect(normaliseWords('复制Key')).toBe('复制 key');
    expect(normaliseWords('Разрешённые IP')).toBe('разрешенные ip');
  });

  it('splits a label into the parts that may each name one thing', () => {
    expect(labelParts('Secret Key (密钥)')).toEqual(expect.arrayContaining(['secret key', '密钥']));
    expect(labelParts('Futures / Swap Trade')).toEqual(expect.arrayContaining(['futures', 'swap trade']));
    expect(labelParts('Secret Key — shown only once')).toContain('secret key');
    // "API 密钥" is one Chinese name ("API key"): its Latin word is not split off.
    expect(labelParts('API 密钥')).toEqual(['api 密钥']);
  });

  it.each([
    ['Secret Key', 'secret key'],
    ['Secret key：', 'secret key'],
    ['* Secret Key (required)', 'secret key'],
    ['Copy Secret Key', 'secret key'],
    ['Secret Key（密钥）', '密钥'],
    ['Enable Withdrawals', 'withdraw'],
    ['Can withdraw / transfer to whitelisted addresses', 'withdraw'],
    ['secretKey', 'secret key'],
    ['API-Key', 'api key'],
    ['Вывода', 'вывод'],
    ['Доступ только с разрешённых IP', 'только с разрешенных ip'],
    ['View account details', 'view'],
  ])('"%s" names "%s"', (label, phrase) => {
    expect(wordScore(label, [phrase])).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['Ready', 'read'],
    ['Keyboard shortcuts', 'key'],
    ['This sentence goes on far too long to be a label about trading', 'trading'],
  ])('"%s" does not name "%s"', (label, phrase) => {
    expect(hasWords(label, [phrase])).toBe(false);
  });

  it('a word in passing is weak evidence, a word that starts a short label is strong', () => {
    expect(wordScore('Trading platforms never need withdraw', ['trading'])).toBeLessThan(0.34);
    expect(wordScore('View account details', ['view'])).toBeGreaterThanOrEqual(0.5);
  });

  it('ranks by coverage, then by the longer phrase', () => {
    const concepts = [
      ['secret', ['secret key', '密钥']],
      ['apiKey', ['api key', 'access key', 'key']],
      ['keyLabel', ['api key name', 'name']],
    ] as const;
    expect(bestConcept('Secret Key', concepts)?.concept).toBe('secret');
    expect(bestConcept('API Key Name', concepts)?.concept).toBe('keyLabel');
    expect(bestConcept('Access Key (API 密钥)', concepts)?.concept).toBe('apiKey');
    expect(bestConcept('Notes', concepts)).toBeNull();
  });
});

describe('words: Traditional Chinese read through the Simplified vocabulary', () => {
  const flagOf = (label: string) => GENERIC_WORDS.permissions.find((p) => hasWords(label, p.words))?.flag;

  it('folds the Traditional characters of the matched words, and leaves the rest', () => {
    expect(normaliseWords('綁定IP地址（選填）')).toBe('绑定 ip 地址(選填)');
    expect(normaliseWords('權限設置')).toBe('权限设置');
    expect(normaliseWords('密鑰僅顯示一次')).toBe('密钥僅顯示一次');
    expect(normaliseWords('Secret Key')).toBe('secret key');
  });

  it.each([
    ['讀取', 'read'],
    ['交易', 'trade'],
    ['提幣', 'withdraw'],
    ['資產劃轉', 'transfer'],
    ['合約交易', 'futures'],
  ])('the permission "%s" is %s, as its Simplified form is', (label, flag) => {
    expect(flagOf(label)).toBe(flag);
  });

  it('names the fields of a Traditional page as its Simplified twin', () => {
    const concepts = [
      ['apiKey', GENERIC_WORDS.apiKey],
      ['secret', GENERIC_WORDS.secret],
      ['keyLabel', GENERIC_WORDS.keyLabel],
      ['ipWhitelist', GENERIC_WORDS.ipWhitelist],
    ] as const;
    expect(bestConcept('訪問密鑰', concepts)?.concept).toBe('apiKey');
    expect(bestConcept('密鑰', concepts)?.concept).toBe('secret');
    expect(bestConcept('私鑰', concepts)?.concept).toBe('secret');
    expect(bestConcept('備註', concepts)?.concept).toBe('keyLabel');
    expect(bestConcept('綁定IP地址（選填）', concepts)?.concept).toBe('ipWhitelist');
    expect(bestConcept('IP白名單', concepts)?.concept).toBe('ipWhitelist');
    expect(hasWords('無限制', GENERIC_WORDS.ipUnrestricted)).toBe(true);
    expect(hasWords('子帳號', GENERIC_WORDS.subAccount ?? [])).toBe(true);
  });
});
