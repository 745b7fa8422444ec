// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { altrady } from '.';
import { readBindForm } from '../readers/bind-form';
import { publishedIpsFor } from '../registry';
import { byText, chooseOption, expectForm, expectListedAndRouted, loadFixture, messages, settle, typeInto } from '../../../tests/unit/platforms/helpers';

const FIXTURE = 'app.altrady.com/settings/exchange-api-keys/index.html';
const read = () => readBindForm(document, altrady.vocabulary, altrady);

const choose = (value: string): void => chooseOption('#ta-exchange', value);

describe('Altrady bind form fixture', () => {
  it('is listed by the module, routed, and carries no static IP list (IPs are per key)', () => {
    expectListedAndRouted(altrady, FIXTURE, ['/settings/exchange-api-keys'], ['/settings/profile']);
    expect(publishedIpsFor(altrady, 'binance')).toBeNull();
  });

  it('finds nothing before the app renders, then the fields and the select inside its label', async () => {
    loadFixture(FIXTURE);
    expect(read()).toBeNull();
    await settle(200);
    const form = expectForm(read());
    expect([form.apiKeyField.id, form.secretField.id, form.passphraseField]).toEqual(['ta-key', 'ta-secret', null]);
    expect([form.exchangeText, form.exchange, form.exchangeControl?.id]).toEqual(['Binance', 'binance', 'ta-exchange']);
  });

  it('follows the select and the mounted passphrase', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    choose('BIFU');
    let form = expectForm(read());
    expect([form.exchangeText, form.exchange]).toEqual(['Binance USDⓈ-M Futures', 'binance']);
    choose('BITG');
    form = expectForm(read());
    expect([form.exchange, form.passphraseField?.id]).toEqual(['bitget', 'ta-passphrase']);
    choose('CRCO');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField]).toEqual(['Crypto.com', null, null]);
  });

  it('validates, then shows the IPs allocated to the key', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const form = expectForm(read());
    byText('button', 'Add account').click();
    expect(messages()).toContain('API Key is required.');
    typeInto(form.apiKeyField, 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A ');
    typeInto(form.secretField, 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j');
    byText('button', 'Add account').click();
    expect(messages()).toContain('API Key must not begin or end with whitespace.');
    typeInto(form.apiKeyField, 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    byText('button', 'Add account').click();
    await settle(400);
    expect(messages()).toContain('Trading account added');
    expect(document.querySelector('._ips_8h2k1_40')?.textContent?.split(', ')).toHaveLength(20);
  });
});
