// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readBindForm } from '../readers/bind-form';
import { platformByHost } from '../registry';
import { wundertrading } from '.';
import { byText, clickText, expectForm, expectListedAndRouted, loadFixture, messages, settle, typeInto } from '../../../tests/unit/platforms/helpers';

const FIXTURE = 'wundertrading.com/en/api-keys/index.html';
const read = () => readBindForm(document, wundertrading.vocabulary, wundertrading);

function fieldLabel(field: Element): string | null | undefined {
  return field.closest('.v-input')?.querySelector('label')?.textContent;
}

describe('WunderTrading bind form fixture', () => {
  it('is listed by the module, on both hosts, and routed', () => {
    expectListedAndRouted(wundertrading, FIXTURE, ['/en/api-keys'], ['/en/bots']);
    expect(platformByHost('wundertrading.com')).toBe(wundertrading);
    expect(platformByHost('app.wundertrading.com')).toBe(wundertrading);
  });

  it('finds nothing before the app renders, then the fields and the checked exchange card', async () => {
    loadFixture(FIXTURE);
    expect(read()).toBeNull();
    await settle(200);
    const form = expectForm(read());
    expect([fieldLabel(form.apiKeyField), fieldLabel(form.secretField), form.passphraseField]).toEqual(['API Key', 'Secret Key', null]);
    expect([form.exchangeText, form.exchange]).toEqual(['Binance', 'binance']);
    expect(form.exchangeControl?.getAttribute('role')).toBe('radiogroup');
  });

  it('follows the cards (not the Spot/Futures radios) and the passphrase', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickText('Bitget');
    let form = expectForm(read());
    expect([form.exchangeText, form.exchange, fieldLabel(form.passphraseField ?? document.body)]).toEqual(['Bitget', 'bitget', 'Passphrase']);
    clickText('Futures');
    form = expectForm(read());
    expect(form.exchangeText).toBe('Bitget');
    clickText('Gate.io');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField]).toEqual(['Gate.io', 'gate', null]);
    clickText('Deribit');
    expect(expectForm(read()).exchange).toBeNull();
  });

  it('loses a value set without an input event at the next re-render (v-model)', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    let form = expectForm(read());
    form.apiKeyField.value = 'no-event';
    typeInto(form.secretField, 'with-event');
    clickText('OKX');
    form = expectForm(read());
    expect([form.apiKeyField.value, form.secretField.value]).toEqual(['', 'with-event']);
  });

  it('validates on Save', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const form = expectForm(read());
    typeInto(form.apiKeyField, 'key ');
    typeInto(form.secretField, 'secret');
    byText('button', 'Save').click();
    expect(messages()).toContain('API Key: remove spaces at the beginning or end');
    const again = expectForm(read());
    typeInto(again.apiKeyField, 'key');
    byText('button', 'Save').click();
    await settle(300);
    expect(messages()).toContain('API key added');
  });
});
