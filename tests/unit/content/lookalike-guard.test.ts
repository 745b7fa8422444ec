// @vitest-environment happy-dom
import { domainToASCII } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogueGetMessage } from '../../../src/i18n/format';
import { brandsFromExchanges } from '../../../src/core/lookalike';
import { runLookalikeGuard } from '../../../src/content/lookalike-guard';
import { EXCHANGES } from '../../../src/exchanges/registry';
import { readCatalogue } from '../i18n/speak';

const BRANDS = brandsFromExchanges(EXCHANGES);

/** A browser whose i18n.getMessage reads this catalogue, as the content script's `chrome` does. */
function browserSpeaking(locale: string): void {
  const read = catalogueGetMessage(readCatalogue(locale));
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: (name: string, substitutions: string[] = []) => read(name, substitutions) } };
}

/** The red banner's text, once the guard has run on this host of a page asking for a password. */
function bannerOn(host: string): string {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://${host}/login`);
  document.body.innerHTML = '<input type="password">';
  runLookalikeGuard(BRANDS);
  return [...document.querySelectorAll('keyward-inline')].map((note) => note.shadowRoot?.textContent ?? '').join('');
}

beforeEach(() => {
  // The notes' shadow roots are closed to the page; opened here so the test can read them.
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    return attach.call(this, { ...init, mode: 'open' });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { chrome?: unknown }).chrome;
  document.documentElement.querySelectorAll('div').forEach((element) => element.remove());
});

describe('the lookalike banner’s reasons', () => {
  const unicodeHost = domainToASCII('bіnance.com'); // a Cyrillic і: three reasons

  it('are said in English, joined with "; "', () => {
    browserSpeaking('en');
    expect(bannerOn(unicodeHost)).toContain(
      `only looks like it (contains 'binance' outside binance.com; uses look-alike characters (punycode); ` +
        'mixes letters of different alphabets in one label (Latin, Cyrillic)).',
    );
  });

  it('are said in Russian', () => {
    browserSpeaking('ru');
    expect(bannerOn('huobi-pro.net')).toContain(
      'Сайт huobi-pro.net лишь похож на настоящий (в адресе есть «huobi», но это не htx.com, huobi.com, hbg.com).',
    );
    expect(bannerOn(unicodeHost)).toContain(
      '(в адресе есть «binance», но это не binance.com; в адресе есть символы, похожие на обычные латинские буквы (punycode); ' +
        'в одной части адреса смешаны буквы разных алфавитов (Latin, Cyrillic))',
    );
  });

  it('are said in Chinese, joined with a full-width semicolon', () => {
    browserSpeaking('zh_CN');
    expect(bannerOn(unicodeHost)).toContain(
      '（网址中含有“binance”，但并非 binance.com；网址使用了外形与普通字母相似的字符（punycode）；网址的同一部分混用了不同字母表的字母（Latin, Cyrillic））',
    );
    expect(bannerOn('binnance.com')).toContain('binnance.com 只是看起来像 Binance（“binnance”与“binance”只差一个字母）。');
  });

  it('are said in Traditional Chinese, with Taiwan’s quotes and a full-width semicolon', () => {
    browserSpeaking('zh_TW');
    expect(bannerOn(unicodeHost)).toContain(
      '（網址中含有「binance」，但並非 binance.com；網址使用了外形與一般字母相似的字元（punycode）；網址的同一部分混用了不同字母表的字母（Latin, Cyrillic））',
    );
    expect(bannerOn('binnance.com')).toContain('binnance.com 只是看起來像 Binance（「binnance」與「binance」只差一個字母）。');
  });
});
