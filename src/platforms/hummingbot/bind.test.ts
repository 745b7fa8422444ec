// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hummingbot } from '.';
import { readBindForm } from '../readers/bind-form';
import { platformByHost } from '../registry';
import { byText, expectForm, loadFixture, messages, setNative, settle, typeInto } from '../../../tests/unit/platforms/helpers';

const FIXTURE = 'hummingbot.local/credentials/index.html';
const read = () => readBindForm(document, hummingbot.vocabulary, hummingbot);

function labelOf(field: Element | null): string | null | undefined {
  return field?.closest('[data-testid=stTextInput]')?.querySelector('[data-testid=stWidgetLabel]')?.textContent;
}

async function connector(name: string): Promise<void> {
  const box = Array.from(document.querySelectorAll('[data-testid=stSelectbox]')).find((b) =>
    b.querySelector('[data-testid=stWidgetLabel]')?.textContent === 'Select Connector',
  );
  const select = box?.querySelector<HTMLElement>('[data-baseweb=select]');
  if (!select) throw new Error('no connector selectbox');
  select.click();
  byText('[role=option]', name).click();
  await settle(10);
}

describe('Hummingbot dashboard credentials fixture (Streamlit)', () => {
  it('is self-hosted and routed', () => {
    expect(hummingbot.fixtures).toEqual([FIXTURE]);
    expect([hummingbot.selfHosted, hummingbot.hosts]).toEqual([true, []]);
    expect(platformByHost('hummingbot.local', { 'hummingbot.local': 'hummingbot' })).toBe(hummingbot);
    expect(hummingbot.bindPages.some((r) => r.test('/credentials'))).toBe(true);
    expect(hummingbot.bindPages.some((r) => r.test('/instances'))).toBe(false);
  });

  it('finds nothing before the script runs, then the default connector fields', async () => {
    loadFixture(FIXTURE);
    expect(read()).toBeNull();
    await settle(200);
    const form = expectForm(read());
    expect([labelOf(form.apiKeyField), labelOf(form.secretField), form.passphraseField]).toEqual([
      'binance_perpetual_api_key',
      'binance_perpetual_api_secret',
      null,
    ]);
    // The connector's value, without the account selectbox or the svg title "open".
    expect([form.exchangeText, form.exchange]).toEqual(['binance_perpetual', 'binance']);
    expect(form.exchangeControl?.getAttribute('aria-label')).toBe('Selected binance_perpetual. Select Connector');
  });

  it('follows the connector: field names, passphrase, and ids', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    await connector('okx');
    let form = expectForm(read());
    expect([labelOf(form.apiKeyField), labelOf(form.secretField), labelOf(form.passphraseField)]).toEqual([
      'okx_api_key',
      'okx_secret_key',
      'okx_passphrase',
    ]);
    expect([form.exchangeText, form.exchange]).toEqual(['okx', 'okx']);

    await connector('kraken');
    form = expectForm(read());
    expect([labelOf(form.secretField), form.passphraseField, form.exchange]).toEqual(['kraken_secret_key', null, 'kraken']);

    await connector('gate_io');
    expect(expectForm(read()).exchange).toBe('gate');
    await connector('coinbase_advanced_trade');
    expect(expectForm(read()).exchange).toBe('coinbase');
    await connector('binance_perpetual_testnet');
    form = expectForm(read());
    expect([form.exchangeText, form.exchange]).toEqual(['binance_perpetual_testnet', null]);
    await connector('dydx_v4_perpetual');
    expect(read()).toBeNull();
  });

  it('keeps only native-setter values, and submits them', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    await connector('kucoin');
    const form = expectForm(read());
    typeInto(form.apiKeyField, 'naive');
    await settle(300);
    expect(form.apiKeyField.value).toBe('');
    setNative(form.apiKeyField, '65f1c2d3e4a5b6c7d8e9f0a1');
    setNative(form.secretField, '6a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d ');
    if (!form.passphraseField) throw new Error('no passphrase field');
    setNative(form.passphraseField, 'Correct-Horse-9');
    await settle(300);
    expect(form.apiKeyField.value).toBe('65f1c2d3e4a5b6c7d8e9f0a1');
    byText('button', 'Submit Credentials').click();
    expect(messages()).toContain('kucoin_secret_key has leading or trailing whitespace');
    setNative(form.secretField, '6a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d');
    byText('button', 'Submit Credentials').click();
    expect(messages()).toContain('Connector kucoin added to account master_account');
  });
});
