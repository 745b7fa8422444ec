// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { EXCHANGES } from '../exchanges/registry';
import { GENERIC_VOCABULARY } from './generic-vocabulary';
import {
  SECRET_LABELS,
  compilePhrases,
  essentialPhrases,
  findApiSignal,
  isCredentialShaped,
  matchesPhrase,
  wordsOf,
} from './api-signals';

const SIGNALS = compilePhrases(['API Management', 'API Keys', 'Create API', 'API管理', '创建API', 'Управление API', 'Создать API', 'Add key']);
const MATCHERS = { signals: SIGNALS, secretLabels: compilePhrases(SECRET_LABELS) };

/** Builds the page from markup (test input only; the extension itself never parses HTML). */
function page(html: string, title = ''): Document {
  document.title = title;
  document.body.innerHTML = html;
  return document;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('wordsOf', () => {
  it('normalises width and case, and splits on punctuation and between CJK characters', () => {
    expect(wordsOf('ＡＰＩ　Ｍａｎａｇｅｍｅｎｔ')).toEqual(['api', 'management']);
    expect(wordsOf('+ Create API-Key')).toEqual(['create', 'api', 'key']);
    expect(wordsOf('创建API密钥')).toEqual(['创', '建', 'api', '密', '钥']);
    expect(wordsOf('Управление  API')).toEqual(['управление', 'api']);
  });
});

describe('matchesPhrase', () => {
  it('finds a phrase as words inside a short text', () => {
    expect(matchesPhrase('+ Create API Key', SIGNALS)).toBe(true);
    expect(matchesPhrase('API Management', SIGNALS)).toBe(true);
    expect(matchesPhrase('  api   management ', SIGNALS)).toBe(true);
    expect(matchesPhrase('My API Keys (3)', SIGNALS)).toBe(true);
    expect(matchesPhrase('API Key Management', compilePhrases(['API Key Management']))).toBe(true);
  });

  it('matches full-width, bilingual and Cyrillic forms', () => {
    expect(matchesPhrase('ＡＰＩ管理', SIGNALS)).toBe(true);
    expect(matchesPhrase('API 管理', SIGNALS)).toBe(true);
    expect(matchesPhrase('创建 API 密钥', SIGNALS)).toBe(true);
    expect(matchesPhrase('API Management（API管理）', SIGNALS)).toBe(true);
    expect(matchesPhrase('Создать API-ключ', SIGNALS)).toBe(true);
    expect(matchesPhrase('УПРАВЛЕНИЕ API', SIGNALS)).toBe(true);
  });

  it('matches Traditional Chinese through the Simplified phrases', () => {
    expect(matchesPhrase('創建API Key', SIGNALS)).toBe(true);
    expect(matchesPhrase('創建 API 密鑰', SIGNALS)).toBe(true);
    expect(matchesPhrase('Secret Key（密鑰）', compilePhrases(SECRET_LABELS))).toBe(true);
    expect(matchesPhrase('私鑰', compilePhrases(SECRET_LABELS))).toBe(true);
  });

  it('the lookalike guard\'s anchored labels take Traditional characters too', () => {
    expect(GENERIC_VOCABULARY.apiKey.test('訪問密鑰')).toBe(true);
    expect(GENERIC_VOCABULARY.apiKey.test('访问密钥')).toBe(true);
    expect(GENERIC_VOCABULARY.secret.test('密鑰')).toBe(true);
    expect(GENERIC_VOCABULARY.secret.test('私鑰')).toBe(true);
    expect(GENERIC_VOCABULARY.secret.test('訪問密鑰')).toBe(false);
  });

  it('accepts endings on the last word but not a longer word, and words written together', () => {
    const keys = compilePhrases(['API key', 'секретный ключ']);
    expect(matchesPhrase('API keys', keys)).toBe(true);
    expect(matchesPhrase('APIKey', keys)).toBe(true);
    expect(matchesPhrase('Секретного ключа', keys)).toBe(false);
    expect(matchesPhrase('Секретный ключа', keys)).toBe(true);
    expect(matchesPhrase('API keyboard', keys)).toBe(false);
  });

  it('never matches inside another word, out of order, or in a sentence', () => {
    expect(matchesPhrase('RAPID Management', SIGNALS)).toBe(false);
    expect(matchesPhrase('Management of API', SIGNALS)).toBe(false);
    expect(matchesPhrase('Recreate APIs', SIGNALS)).toBe(false);
    const sentence = `Go to API Management to ${'create and manage your keys, '.repeat(4)}then come back.`;
    expect(matchesPhrase(sentence, SIGNALS)).toBe(false);
    expect(matchesPhrase('', SIGNALS)).toBe(false);
    expect(matchesPhrase(null, SIGNALS)).toBe(false);
    expect(matchesPhrase('API Management', compilePhrases([]))).toBe(false);
  });
});

describe('essentialPhrases', () => {
  it('drops phrases that only repeat a shorter one, keeping the order', () => {
    expect(essentialPhrases(['API Management', 'Create API Key', 'Create API', 'API 管理', 'API管理', 'API Keys', 'API Key Management'])).toEqual([
      'API Management',
      'Create API',
      'API 管理',
      'API Keys',
      'API Key Management',
    ]);
  });

  it('keeps what every exchange names: each dropped phrase is still matched by the rest', () => {
    for (const exchange of EXCHANGES) {
      const all = exchange.page?.signals ?? [];
      const kept = compilePhrases(essentialPhrases(all));
      for (const phrase of all) expect(matchesPhrase(phrase, kept), `${exchange.id}: ${phrase}`).toBe(true);
    }
  });
});

describe('isCredentialShaped', () => {
  it('takes long single tokens mixing letters and digits', () => {
    expect(isCredentialShaped('f9e8d7c6-b5a4c3d2-e1f0a9b8-7c6d5')).toBe(true);
    expect(isCredentialShaped('Sx9dF2gH5jK8lZ1xC4vB7nM0qW3eR6tY9uI2oP5aS8dF1gH4jK7lZ0xC3vB6n7Ms')).toBe(true);
    expect(isCredentialShaped('kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==')).toBe(true);
  });

  it('refuses masked values, words, numbers, sentences and short ids', () => {
    expect(isCredentialShaped('abcd****************wxyz')).toBe(false);
    expect(isCredentialShaped('••••••••••••••••••••')).toBe(false);
    expect(isCredentialShaped('ThisIsNotACredentialAtAll')).toBe(false);
    expect(isCredentialShaped('12345678901234567890')).toBe(false);
    expect(isCredentialShaped('a1b2 c3d4 e5f6 a7b8 c9d0')).toBe(false);
    expect(isCredentialShaped('abc123')).toBe(false);
    expect(isCredentialShaped('https://www.htx.com/en-us/apikey/1')).toBe(false);
  });
});

describe('findApiSignal', () => {
  it('says nothing on a trading page whose menus and links lead to API Management', () => {
    const doc = page(
      `<header><a href="/apikey">API Management</a><div role="menu"><button role="menuitem">API Management</button></div></header>
       <nav><h3>Account</h3><a href="/apikey">API Management</a></nav>
       <main><h1>BTC/USDT</h1><button>Buy BTC</button><a href="/apikey">Create API</a>
         <table><tr><td>65000.50</td><td>1.2345</td></tr></table></main>
       <footer><h3>API Management</h3><a href="/docs">API</a></footer>`,
      'BTC/USDT | HTX Spot',
    );
    expect(findApiSignal(doc, MATCHERS)).toBeNull();
  });

  it('does not count a menu button or a heading inside a menu', () => {
    const doc = page(
      `<div class="top"><button aria-haspopup="menu">API Management</button></div>
       <div role="navigation"><h2>API Management</h2></div>`,
    );
    expect(findApiSignal(doc, MATCHERS)).toBeNull();
  });

  it('recognises the title', () => {
    expect(findApiSignal(page('<main><p>Loading…</p></main>', 'API Management | Binance'), MATCHERS)).toBe('title');
  });

  it('recognises a heading in the content, also inside a page header', () => {
    expect(findApiSignal(page('<main><h1>API管理</h1></main>'), MATCHERS)).toBe('heading');
    expect(findApiSignal(page('<main><header><h2>Управление API</h2></header></main>'), MATCHERS)).toBe('heading');
    expect(findApiSignal(page('<div><div role="heading" aria-level="1">API Keys</div></div>'), MATCHERS)).toBe('heading');
  });

  it('recognises a selected tab and the current menu item, but not an unselected tab', () => {
    const tabs = (selected: boolean) =>
      `<div role="tablist"><div role="tab" aria-selected="${!selected}">Security</div><div role="tab" aria-selected="${selected}">API Management</div></div>`;
    expect(findApiSignal(page(tabs(true)), MATCHERS)).toBe('selected');
    expect(findApiSignal(page(tabs(false)), MATCHERS)).toBeNull();
    expect(findApiSignal(page('<nav><a href="/u/api" aria-current="page">API Management</a></nav>'), MATCHERS)).toBe('selected');
  });

  it('recognises a primary button in the content, including a link acting as one', () => {
    expect(findApiSignal(page('<main><button>+ Create API Key</button></main>'), MATCHERS)).toBe('button');
    expect(findApiSignal(page('<main><a href="#" role="button">Создать API-ключ</a></main>'), MATCHERS)).toBe('button');
    expect(findApiSignal(page('<div><button aria-haspopup="dialog">Create API</button></div>'), MATCHERS)).toBe('button');
  });

  it('recognises a secret label beside a credential-shaped value', () => {
    const value = 'Hc4Jd9Lm2Nf6Qg1Rs8Tw3Vx7Yz5Ab0Ce2D6e';
    expect(findApiSignal(page(`<div>Secret Key <code>${value}</code></div>`), MATCHERS)).toBe('secret');
    expect(findApiSignal(page(`<dl><dt>Private Key</dt><dd><span>${value}</span></dd></dl>`), MATCHERS)).toBe('secret');
    expect(findApiSignal(page(`<div><label>密钥</label><input readonly value="${value}"></div>`), MATCHERS)).toBe('secret');
    expect(findApiSignal(page(`<div><span>Секретный ключ:</span> <b>${value}</b></div>`), MATCHERS)).toBe('secret');
    expect(findApiSignal(page(`<div><span>${value}</span><button aria-label="Copy API Secret">⧉</button></div>`), MATCHERS)).toBe('secret');
  });

  it('does not take a masked secret, a secret label alone, or a value far from its label', () => {
    expect(findApiSignal(page('<div>Secret Key <code>abcd************wxyz</code></div>'), MATCHERS)).toBeNull();
    expect(findApiSignal(page('<p>Your Secret Key is shown only once.</p>'), MATCHERS)).toBeNull();
    const far = `<section><div><div><div><div><span>Secret Key</span></div></div></div></div>
      <p>${'Market news and long paragraphs of text about trading. '.repeat(10)}</p>
      <div>Order id 7c1e9a425d3b4f869a0c2e4b6d8f1a37</div></section>`;
    expect(findApiSignal(page(far), MATCHERS)).toBeNull();
  });

  it('ignores a key-shaped value without a secret label (an order id, an address)', () => {
    expect(findApiSignal(page('<div>Order ID <span>7c1e9a425d3b4f869a0c2e4b6d8f1a37</span></div>'), MATCHERS)).toBeNull();
    expect(findApiSignal(page('<div>Deposit address <code>0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE</code></div>'), MATCHERS)).toBeNull();
  });
});
