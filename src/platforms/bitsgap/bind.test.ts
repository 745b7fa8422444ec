// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bitsgap } from '.';
import { readBindForm } from '../readers/bind-form';
import { readShownIps } from '../readers/shown-ips';
import { publishedIpsFor } from '../registry';
import { byText, clickText, expectForm, expectListedAndRouted, loadFixture, messages, setNative, settle, typeInto } from '../../../tests/unit/platforms/helpers';

const FIXTURE = 'app.bitsgap.com/my-exchanges/index.html';
const read = () => readBindForm(document, bitsgap.vocabulary, bitsgap);

async function openDialog(): Promise<void> {
  await settle(200);
  clickText('Add new exchange');
  await settle(10);
}

async function choose(exchange: string): Promise<void> {
  const control = document.querySelector('.css-13cymwt-control');
  if (!control) throw new Error('no exchange picker');
  control.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  byText('[role=option]', exchange).click();
  await settle(10);
}

describe('Bitsgap bind form fixture', () => {
  it('is listed by the module and routed', () => {
    expectListedAndRouted(bitsgap, FIXTURE, ['/my-exchanges'], ['/my-exchanges-archive']);
  });

  it('finds nothing before the app renders, nothing until the dialog opens, then the fields', async () => {
    loadFixture(FIXTURE);
    expect(read()).toBeNull();
    await settle(200);
    expect(document.querySelector('h1')?.textContent).toBe('My Exchanges');
    expect(read()).toBeNull();
    clickText('Add new exchange');
    const form = expectForm(read());
    expect(form.apiKeyField.id).toBe('bg-api-key');
    expect(form.secretField.id).toBe('bg-secret-key');
    expect(form.passphraseField).toBeNull();
    expect([form.exchangeText, form.exchange]).toEqual(['Binance', 'binance']);
    expect(form.exchangeControl?.getAttribute('role')).toBe('combobox');
  });

  it('reads the react-select value beside its empty search input, and the passphrase it brings', async () => {
    loadFixture(FIXTURE);
    await openDialog();
    await choose('KuCoin');
    let form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField?.id]).toEqual(['KuCoin', 'kucoin', 'bg-passphrase']);
    await choose('Binance Futures');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.passphraseField]).toEqual(['Binance Futures', 'binance', null]);
    await choose('HTX');
    expect(expectForm(read()).exchange).toBe('htx');
    await choose('Bitfinex');
    expect(expectForm(read()).exchange).toBeNull();
  });

  it('reads the IPs the form asks to whitelist, as the page shows them', async () => {
    loadFixture(FIXTURE);
    await openDialog();
    const shown = Array.from(document.querySelectorAll('.bg-ip-list code')).map((c) => c.textContent);
    expect(shown.length).toBeGreaterThan(0);
    expect(readShownIps(expectForm(read()).apiKeyField)).toEqual(shown);
    // The module's own list is a placeholder: never presented as Bitsgap's addresses.
    expect(publishedIpsFor(bitsgap, 'okx')).toBeNull();
  });

  it('loses plain assignments and keeps native-setter input (controlled inputs)', async () => {
    loadFixture(FIXTURE);
    await openDialog();
    const form = expectForm(read());
    typeInto(form.secretField, 'typed-the-naive-way');
    await settle(300);
    expect(form.secretField.value).toBe('');
    setNative(form.secretField, 'kept');
    await settle(300);
    expect(form.secretField.value).toBe('kept');
  });

  it('validates and connects', async () => {
    loadFixture(FIXTURE);
    await openDialog();
    await choose('OKX');
    const form = expectForm(read());
    setNative(form.apiKeyField, 'd3aede45-c3b6-4b4b-a6c5-4aea77000e21');
    setNative(form.secretField, 'CA4DB91963A2B3E372AC4593493F32B0\t');
    byText('button', 'Connect').click();
    expect(messages()).toContain('Secret Key contains leading or trailing spaces');
    setNative(form.secretField, 'CA4DB91963A2B3E372AC4593493F32B0');
    byText('button', 'Connect').click();
    expect(messages()).toContain('Passphrase is required');
    const passphrase = expectForm(read()).passphraseField;
    if (!passphrase) throw new Error('no passphrase field');
    setNative(passphrase, 'Correct-Horse-9');
    byText('button', 'Connect').click();
    await settle(400);
    expect(Array.from(document.querySelectorAll('.css-ae3r1h-Card > span:first-child')).map((s) => s.textContent)).toEqual(['Binance', 'OKX']);
    expect(read()).toBeNull();
  });
});
