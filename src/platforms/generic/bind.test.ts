// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readBindForm } from '../readers/bind-form';
import { detectGenericBindForm } from '../readers/generic';
import { byText, chooseOption, expectForm, loadFixture, messages, settle, typeInto } from '../../../tests/unit/platforms/helpers';

const choose = (value: string): void => chooseOption('select', value);

describe.each([
  ['en', 'generic-bind/index.html', { binance: 'Binance', okx: 'OKX', htx: 'HTX', bind: 'Bind', ok: 'Exchange bound' }],
  ['zh', 'generic-bind/zh/index.html', { binance: '币安', okx: '欧易 OKX', htx: '火币 HTX', bind: '绑定', ok: '绑定成功' }],
  ['ru', 'generic-bind/ru/index.html', { binance: 'Binance', okx: 'OKX', htx: 'HTX', bind: 'Привязать', ok: 'Биржа подключена' }],
])('generic detector on the %s bind form', (_lang, fixture, words) => {
  it('finds nothing before the render, then the key and secret, not the search box', async () => {
    loadFixture(fixture);
    expect(detectGenericBindForm(document)).toBeNull();
    await settle(200);
    const form = expectForm(detectGenericBindForm(document));
    expect(form.apiKeyField.type).toBe('text');
    expect(form.secretField.type).toBe('password');
    expect(form.apiKeyField.closest('header')).toBeNull();
    expect(form.passphraseField).toBeNull();
    expect([form.exchangeText, form.exchange]).toEqual([words.binance, 'binance']);
  });

  it('follows the exchange select and its passphrase field', async () => {
    loadFixture(fixture);
    await settle(200);
    choose('okx');
    let form = expectForm(detectGenericBindForm(document));
    expect([form.exchangeText, form.exchange]).toEqual([words.okx, 'okx']);
    expect(form.passphraseField?.type).toBe('password');
    expect(form.passphraseField).not.toBe(form.secretField);
    choose('htx');
    form = expectForm(detectGenericBindForm(document));
    expect([form.exchangeText, form.exchange, form.passphraseField]).toEqual([words.htx, 'htx', null]);
    choose('deribit');
    expect(expectForm(detectGenericBindForm(document)).exchange).toBeNull();
  });

  it('binds after validation', async () => {
    loadFixture(fixture);
    await settle(200);
    const form = expectForm(detectGenericBindForm(document));
    typeInto(form.apiKeyField, 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    typeInto(form.secretField, 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j ');
    byText('button', words.bind).click();
    expect(messages()).toHaveLength(1);
    expect(messages()).not.toContain(words.ok);
    typeInto(form.secretField, 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j');
    byText('button', words.bind).click();
    expect(messages()).toEqual([words.ok]);
  });
});

describe('generic detector, by evidence', () => {
  it('reads the Russian secret by its name alone, and the key by its prompt-style aria-label', async () => {
    loadFixture('generic-bind/ru/index.html');
    await settle(200);
    const form = expectForm(detectGenericBindForm(document));
    expect(form.apiKeyField.getAttribute('aria-label')).toBe('Введите API-ключ');
    expect(form.secretField.getAttribute('name')).toBe('secret_key');
  });

  it('reads the Chinese fields by their <label for>', async () => {
    loadFixture('generic-bind/zh/index.html');
    await settle(200);
    const form = expectForm(detectGenericBindForm(document));
    expect(form.apiKeyField.labels?.[0]?.textContent).toBe('API密钥');
    expect(form.secretField.labels?.[0]?.textContent).toBe('密钥');
  });
});

describe('generic detector on pages that are not bind forms', () => {
  it('ignores login forms (en, zh, ru), a change-password form, search boxes, a promo code and a lone read-only API key', async () => {
    loadFixture('generic-bind/login/index.html');
    expect(detectGenericBindForm(document)).toBeNull();
    await settle(200);
    expect(document.querySelectorAll('input').length).toBeGreaterThan(10);
    expect(detectGenericBindForm(document)).toBeNull();
    for (const id of ['login-en', 'login-zh', 'login-ru', 'change-password', 'own-api']) {
      const section = document.getElementById(id);
      if (!section) throw new Error(`no ${id}`);
      expect(detectGenericBindForm(section), id).toBeNull();
    }
  });

  it('would find the lone API key if it were editable and had a secret beside it (the negative is not vacuous)', async () => {
    loadFixture('generic-bind/login/index.html');
    await settle(200);
    const own = document.getElementById('own-key');
    if (!(own instanceof HTMLInputElement)) throw new Error('no own key field');
    own.readOnly = false;
    own.insertAdjacentHTML('afterend', '<label for="own-secret">Secret Key</label><input id="own-secret" type="password">');
    expect(expectForm(detectGenericBindForm(document)).apiKeyField).toBe(own);
  });
});

describe('generic detector on the platform fixtures (their words are the common ones)', () => {
  it.each([
    'app.3commas.io/accounts/new/index.html',
    'www.cryptohopper.com/config/index.html',
    'wundertrading.com/en/api-keys/index.html',
    'web.coinrule.com/exchanges/index.html',
    'app.altrady.com/settings/exchange-api-keys/index.html',
  ])('%s', async (fixture) => {
    loadFixture(fixture);
    await settle(200);
    const generic = expectForm(detectGenericBindForm(document));
    expect(generic.exchange).toBe('binance');
    // Same fields as the platform reader would give, from the common vocabulary.
    const { PLATFORMS } = await import('../registry');
    const platform = PLATFORMS.find((p) => p.fixtures.includes(fixture));
    if (!platform) throw new Error('no platform for fixture');
    const specific = expectForm(readBindForm(document, platform.vocabulary, platform));
    expect([generic.apiKeyField, generic.secretField]).toEqual([specific.apiKeyField, specific.secretField]);
  });
});

describe('generic detector: labels that name the exchange first', () => {
  it('reads "Binance API Key" / "Binance Secret Key" and "Your OKX API passphrase", not a titled "Add API key"', () => {
    document.body.innerHTML = `<form><h2>Add API key</h2>
      <label>Name <input id="name"></label>
      <label>Binance API Key <input id="k"></label>
      <label>Binance Secret Key <input id="s" type="password"></label>
      <label>Your OKX API passphrase <input id="p" type="password"></label></form>`;
    const form = detectGenericBindForm(document);
    expect([form?.apiKeyField.id, form?.secretField.id, form?.passphraseField?.id]).toEqual(['k', 's', 'p']);
  });
});
