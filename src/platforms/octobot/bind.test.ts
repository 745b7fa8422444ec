// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { octobot } from '.';
import { openEditable, readBindForm, readEditableBindForms } from '../readers/bind-form';
import { readAnyBindForm } from '../readers/forms';
import { platformByHost } from '../registry';
import { byText, loadFixture, messages, setNative, settle } from '../../../tests/unit/platforms/helpers';

const FIXTURE = 'octobot.local/accounts/index.html';
const read = () => readEditableBindForms(document, octobot.vocabulary, octobot);

function first() {
  const form = read()[0];
  if (!form) throw new Error('no editable form');
  return form;
}

function add(exchange: string): void {
  const select = document.querySelector<HTMLSelectElement>('#AddExchange-select');
  if (!select) throw new Error('no add-exchange select');
  select.value = exchange;
  byText('button', 'Add').click();
}

function submitEditor(input: HTMLInputElement | HTMLTextAreaElement): void {
  const ok = input.closest('form')?.querySelector<HTMLButtonElement>('.editable-submit');
  if (!ok) throw new Error('no submit button in the editor');
  ok.click();
}

describe('OctoBot accounts fixture (x-editable anchors)', () => {
  it('is self-hosted: no hosts of its own, found only through a user host', () => {
    expect(octobot.fixtures).toEqual([FIXTURE]);
    expect(octobot.selfHosted).toBe(true);
    expect(octobot.hosts).toEqual([]);
    expect(platformByHost('octobot.local')).toBeNull();
    expect(platformByHost('octobot.local', { 'octobot.local': 'octobot' })).toBe(octobot);
    expect(octobot.bindPages.some((r) => r.test('/accounts'))).toBe(true);
  });

  it('finds no anchors before the cards render, then the card with its three anchors', async () => {
    loadFixture(FIXTURE);
    expect(read()).toEqual([]);
    await settle(200);
    const forms = read();
    expect(forms).toHaveLength(1);
    const form = first();
    expect(form.kind).toBe('editable');
    expect([form.anchors.apiKey.id, form.anchors.secret.id, form.anchors.passphrase?.id]).toEqual([
      'exchange_api-key',
      'exchange_api-secret',
      'exchange_api-password',
    ]);
    expect([form.exchangeText, form.exchange]).toEqual(['binance', 'binance']);
    expect(form.container.getAttribute('data-role')).toBe('exchange');
    // No inputs until an anchor is clicked: the field reader sees no form, the combined one does.
    expect(readBindForm(document, octobot.vocabulary, octobot)).toBeNull();
    expect(readAnyBindForm(document, octobot)?.kind).toBe('editable');
  });

  it('gives one form per card, each with its own exchange', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    add('okx');
    add('gateio');
    add('binanceus');
    const forms = read();
    expect(forms.map((f) => [f.exchangeText, f.exchange])).toEqual([
      ['binance', 'binance'],
      ['okx', 'okx'],
      ['gateio', 'gate'],
      ['binanceus', null],
    ]);
    const okx = forms[1];
    expect(okx?.container.contains(okx.anchors.apiKey)).toBe(true);
    expect(okx?.anchors.apiKey).not.toBe(forms[0]?.anchors.apiKey);
  });

  it('opens an anchor into an input, and the value set there lands in the anchor', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const { anchors } = first();
    const input = openEditable(anchors.apiKey);
    if (!input) throw new Error('the anchor opened no input');
    expect(input.value).toBe('*********');
    expect(anchors.apiKey.style.display).toBe('none');
    // While its editor is open the anchor still belongs to the form.
    expect(first().anchors.apiKey).toBe(anchors.apiKey);
    expect(openEditable(anchors.apiKey)).toBe(input);
    setNative(input, 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    submitEditor(input);
    expect(input.isConnected).toBe(false);
    expect(anchors.apiKey.getAttribute('config-value')).toBe('vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    expect(anchors.apiKey.style.display).toBe('');
  });

  it('submits the open editor when the next anchor is opened, and marks the account valid', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const { anchors } = first();
    const key = openEditable(anchors.apiKey);
    if (!key) throw new Error('no key input');
    setNative(key, 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    const secret = openEditable(anchors.secret);
    if (!secret) throw new Error('no secret input');
    expect(key.isConnected).toBe(false);
    expect(anchors.apiKey.textContent).toBe('vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    setNative(secret, 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j');
    submitEditor(secret);
    await settle(300);
    expect(first().container.querySelector('[data-role=valid-account]')?.classList.contains('d-none')).toBe(false);
    byText('button', 'Save').click();
    expect(messages()).toContain('Configuration saved');
  });

  it('keeps an editor with surrounding spaces open, with an error, and opens no other', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const { anchors } = first();
    const key = openEditable(anchors.apiKey);
    if (!key) throw new Error('no key input');
    setNative(key, ' vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A');
    submitEditor(key);
    expect(key.isConnected).toBe(true);
    expect(messages()).toContain('Remove the spaces at the start or end of the value');
    expect(openEditable(anchors.secret)).toBeNull();
    expect(anchors.apiKey.getAttribute('config-value')).toBe('*********');
  });
});
