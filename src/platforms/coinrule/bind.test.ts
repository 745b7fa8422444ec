// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { coinrule } from '.';
import { readBindForm } from '../readers/bind-form';
import { readShownIps } from '../readers/shown-ips';
import { publishedIpsFor } from '../registry';
import { byText, clickText, expectForm, expectListedAndRouted, loadFixture, messages, settle, typeInto } from '../../../tests/unit/platforms/helpers';

const FIXTURE = 'web.coinrule.com/exchanges/index.html';
const read = () => readBindForm(document, coinrule.vocabulary, coinrule);

describe('Coinrule bind form fixture', () => {
  it('is listed by the module and routed', () => {
    expectListedAndRouted(coinrule, FIXTURE, ['/exchanges', '/exchanges/binance'], ['/rules']);
  });

  it('finds nothing before the app renders, then the fields by placeholder alone', async () => {
    loadFixture(FIXTURE);
    expect(read()).toBeNull();
    await settle(200);
    const form = expectForm(read());
    expect(document.querySelectorAll('label')).toHaveLength(0);
    expect([form.apiKeyField.placeholder, form.secretField.placeholder, form.passphraseField]).toEqual(['API Key', 'Secret Key', null]);
    expect([form.exchangeText, form.exchange]).toEqual(['Binance', 'binance']);
    expect(form.exchangeControl?.getAttribute('role')).toBe('tablist');
  });

  it('follows the exchange tabs and the passphrase', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickText('Coinbase Advanced');
    let form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField?.placeholder]).toEqual(['Coinbase Advanced', 'coinbase', 'Passphrase']);
    clickText('HTX');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField]).toEqual(['HTX', 'htx', null]);
    clickText('Bitpanda Pro');
    expect(expectForm(read()).exchange).toBeNull();
  });

  it('reads the IPs the form shows', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const shown = Array.from(document.querySelectorAll('.cr-ip-list span')).map((c) => c.textContent);
    expect(shown.length).toBeGreaterThan(0);
    expect(readShownIps(expectForm(read()).apiKeyField)).toEqual(shown);
    expect(publishedIpsFor(coinrule, 'kraken')).toBeNull();
  });

  it('validates on Connect', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickText('KuCoin');
    const form = expectForm(read());
    typeInto(form.apiKeyField, '65f1c2d3e4a5b6c7d8e9f0a1');
    typeInto(form.secretField, '6a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d');
    byText('button', 'Connect').click();
    expect(messages()).toContain('Passphrase is missing');
    if (!form.passphraseField) throw new Error('no passphrase');
    typeInto(form.passphraseField, ' Correct-Horse-9');
    byText('button', 'Connect').click();
    expect(messages()).toContain('Passphrase has extra spaces');
    typeInto(form.passphraseField, 'Correct-Horse-9');
    byText('button', 'Connect').click();
    await settle(400);
    expect(messages()).toContain('KuCoin connected. You can now create rules.');
  });
});
