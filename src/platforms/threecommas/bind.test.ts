// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readBindForm } from '../readers/bind-form';
import { readShownIps } from '../readers/shown-ips';
import { publishedIpsFor } from '../registry';
import { threecommas } from '.';
import { byText, clickText, expectForm, expectListedAndRouted, loadFixture, messages, setNative, settle, typeInto } from '../../../tests/unit/platforms/helpers';

const FIXTURE = 'app.3commas.io/accounts/new/index.html';
const { vocabulary } = threecommas;

function read() {
  return readBindForm(document, vocabulary, threecommas);
}

async function choose(exchange: string): Promise<void> {
  const combo = document.querySelector<HTMLElement>('[role=combobox]');
  if (!combo) throw new Error('no exchange combobox');
  combo.click();
  clickText(exchange);
  await settle(10);
}

describe('3Commas bind form fixture', () => {
  it('is listed by the module and routed', () => {
    expectListedAndRouted(threecommas, FIXTURE, ['/accounts/new', '/en/accounts/123/edit'], ['/bots/new']);
  });

  it('finds nothing before the app renders, then the fields by their labels', async () => {
    loadFixture(FIXTURE);
    expect(read()).toBeNull();
    await settle(200);
    const form = expectForm(read());
    expect(form.apiKeyField.closest('.sc-gKXOVf')?.textContent).toMatch(/^API Key/);
    expect(form.secretField.type).toBe('password');
    expect(form.secretField.closest('.sc-gKXOVf')?.textContent).toMatch(/^Secret/);
    expect(form.passphraseField).toBeNull();
    expect(form.exchangeText).toBe('Binance Spot');
    expect(form.exchange).toBe('binance');
    expect(form.exchangeControl?.getAttribute('role')).toBe('combobox');
    // Not the search box, not the account name.
    expect(form.apiKeyField.type).toBe('text');
    expect(form.apiKeyField.getAttribute('placeholder')).toBeNull();
  });

  it('follows the exchange combobox: name, id and the passphrase field', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    await choose('OKX');
    let form = expectForm(read());
    expect(form.exchangeText).toBe('OKX');
    expect(form.exchange).toBe('okx');
    expect(form.passphraseField?.closest('.sc-gKXOVf')?.textContent).toBe('Passphrase');

    await choose('Gate.io');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField]).toEqual(['Gate.io', 'gate', null]);

    await choose('Coinbase Advanced');
    form = expectForm(read());
    expect(form.exchange).toBe('coinbase');
    expect(form.passphraseField).not.toBeNull();

    await choose('Bitfinex');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange]).toEqual(['Bitfinex', null]);
  });

  it('reads the chosen value, not the open menu', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    document.querySelector<HTMLElement>('[role=combobox]')?.click();
    expect(document.querySelector('[role=listbox]')).not.toBeNull();
    expect(expectForm(read()).exchangeText).toBe('Binance Spot');
  });

  it('reads the IPs the form shows for the chosen exchange, not the search box or typed values', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const shown = Array.from(document.querySelectorAll('.sc-ip-list code')).map((c) => c.textContent);
    expect(shown.length).toBeGreaterThan(0);
    const form = expectForm(read());
    typeInto(form.secretField, '10.1.2.3');
    expect(readShownIps(form.apiKeyField)).toEqual(shown);
    expect(publishedIpsFor(threecommas, 'binance')).toBeNull();
  });

  it('keeps a value only when set through the native setter and an input event (controlled inputs)', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const form = expectForm(read());
    form.apiKeyField.value = 'plain-assignment';
    await settle(300);
    expect(form.apiKeyField.value).toBe('');

    typeInto(form.apiKeyField, 'assignment-plus-event');
    await settle(300);
    expect(form.apiKeyField.value).toBe('');

    setNative(form.apiKeyField, 'native-setter');
    await settle(300);
    expect(form.apiKeyField.value).toBe('native-setter');
    expect(form.apiKeyField.isConnected).toBe(true);
  });

  it('validates on Connect: no surrounding spaces, then connects', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    let form = expectForm(read());
    setNative(form.apiKeyField, ' vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A ');
    setNative(form.secretField, 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j');
    byText('button', 'Connect').click();
    expect(messages()).toContain('API Key must not start or end with a space');

    form = expectForm(read());
    setNative(form.apiKeyField, 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    byText('button', 'Connect').click();
    expect(messages()).toContain('Connecting…');
    await settle(400);
    expect(messages()).toContain('Binance Spot account connected');
  });

  it('requires the passphrase where the exchange shows one', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    await choose('KuCoin');
    const form = expectForm(read());
    setNative(form.apiKeyField, '65f1c2d3e4a5b6c7d8e9f0a1');
    setNative(form.secretField, '6a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d');
    byText('button', 'Connect').click();
    expect(messages()).toContain('Passphrase is required');
  });
});

describe('3Commas in another language', () => {
  it('is still read, by the generic words, when its labels are Russian or Chinese', async () => {
    const { readBindForms } = await import('../readers/forms');
    const variants: [string, string][] = [
      ['API-ключ', 'Секретный ключ'],
      ['API Key 密钥', '密钥'],
    ];
    for (const [key, secret] of variants) {
      loadFixture(FIXTURE);
      await settle(200);
      byText('div', 'API Key').textContent = key;
      byText('div', 'Secret').textContent = secret;
      expect(readBindForm(document, threecommas.vocabulary, threecommas)).toBeNull();
      const [form] = readBindForms(document, threecommas);
      expect(form?.kind).toBe('fields');
      if (form?.kind !== 'fields') return;
      const labelOf = (field: Element) => field.closest('.sc-gKXOVf')?.firstElementChild?.textContent;
      expect([labelOf(form.apiKeyField), labelOf(form.secretField)]).toEqual([key, secret]);
    }
  });
});

describe('3Commas pages that are not bind forms', () => {
  it('finds no form on the SmartTrade terminal (order entry inputs, streaming book)', async () => {
    const { readBindForms } = await import('../readers/forms');
    loadFixture('app.3commas.io/smart_trade/index.html');
    await settle(600);
    expect(document.querySelectorAll('#book tr').length).toBeGreaterThan(0);
    expect(readBindForms(document, threecommas)).toEqual([]);
  });
});
