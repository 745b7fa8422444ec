// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cryptohopper } from '.';
import { readBindForm } from '../readers/bind-form';
import { publishedIpsFor } from '../registry';
import { byText, chooseOption, expectForm, expectListedAndRouted, loadFixture, messages, settle, typeInto } from '../../../tests/unit/platforms/helpers';

const FIXTURE = 'www.cryptohopper.com/config/index.html';
const read = () => readBindForm(document, cryptohopper.vocabulary, cryptohopper);

const choose = (value: string): void => chooseOption('#config_exchange', value);

describe('Cryptohopper bind form fixture', () => {
  it('is listed by the module, routed, and publishes no IPs', () => {
    expectListedAndRouted(cryptohopper, FIXTURE, ['/config#exchange', '/hoppers/42/config'], ['/marketplace']);
    expect(publishedIpsFor(cryptohopper, 'binance')).toBeNull();
  });

  it('finds nothing before the tab loads, then the labelled fields and the native select', async () => {
    loadFixture(FIXTURE);
    expect(read()).toBeNull();
    await settle(200);
    const form = expectForm(read());
    expect([form.apiKeyField.id, form.secretField.id]).toEqual(['config_api_key', 'config_api_secret']);
    expect([form.exchangeText, form.exchange]).toEqual(['Binance', 'binance']);
    expect(form.exchangeControl?.id).toBe('config_exchange');
    // The passphrase group is in the page but display:none: not offered.
    expect(document.getElementById('config_api_passphrase')).not.toBeNull();
    expect(form.passphraseField).toBeNull();
  });

  it('follows the select: the option text, its id, the shown or hidden passphrase', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    choose('okex');
    let form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField?.id]).toEqual(['OKX', 'okx', 'config_api_passphrase']);
    choose('kraken');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField]).toEqual(['Kraken', 'kraken', null]);
    choose('coinbasepro');
    expect(expectForm(read()).exchange).toBe('coinbase');
    choose('bitvavo');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange]).toEqual(['Bitvavo', null]);
    choose('');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange]).toEqual([null, null]);
  });

  it('validates on Save', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const form = expectForm(read());
    typeInto(form.apiKeyField, 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    byText('button', 'Save').click();
    expect(messages()).toContain('API secret cannot be empty.');
    typeInto(form.secretField, ' NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j');
    byText('button', 'Save').click();
    expect(messages()).toContain('API secret has spaces at the start or end.');
    typeInto(form.secretField, 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j');
    byText('button', 'Save').click();
    await settle(400);
    expect(messages()).toContain('Your exchange is connected.');
  });
});
