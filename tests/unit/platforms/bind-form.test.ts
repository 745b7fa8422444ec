// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bitsgap } from '../../../src/platforms/bitsgap';
import { readBindForm, readEditableBindForms } from '../../../src/platforms/readers/bind-form';
import { detectGenericBindForm } from '../../../src/platforms/readers/generic';
import { octobot } from '../../../src/platforms/octobot';
import { threecommas } from '../../../src/platforms/threecommas';
import { expectForm } from './helpers';

const page = (html: string) => {
  document.body.innerHTML = html;
};
const read = () => readBindForm(document, threecommas.vocabulary, threecommas);
const byId = (id: string) => document.getElementById(id);

describe('readBindForm: which field is which', () => {
  it('prefers the visible label over a name that says the same', () => {
    page(`<input id="decoy" name="api_key">
      <div><label for="k">API Key</label><input id="k"></div>
      <div><label for="s">Secret</label><input id="s" type="password"></div>`);
    const form = expectForm(read());
    expect([form.apiKeyField.id, form.secretField.id]).toEqual(['k', 's']);
  });

  it('falls back to placeholders and aria-labels, prompt words included', () => {
    page(`<input id="k" placeholder="Enter your API Key"><input id="s" aria-label="Paste Secret Key">`);
    const form = expectForm(readBindForm(document, bitsgap.vocabulary, bitsgap));
    expect([form.apiKeyField.id, form.secretField.id]).toEqual(['k', 's']);
  });

  it('uses name and id words as the last resort, Rails brackets and camelCase included', () => {
    page(`<form><input id="a" name="account[api_key]"><input id="b" name="account[secret]"><input id="apiPassphrase"></form>`);
    const form = expectForm(read());
    expect([form.apiKeyField.id, form.secretField.id, form.passphraseField?.id]).toEqual(['a', 'b', 'apiPassphrase']);
  });

  it('accepts a textarea for a PEM secret', () => {
    page(`<label>API Key <input id="k"></label><label>Secret <textarea id="s"></textarea></label>`);
    expect(expectForm(read()).secretField.id).toBe('s');
  });

  it('never offers hidden, disabled, read-only, search or checkbox inputs', () => {
    page(`<div><label for="h">API Key</label><input id="h" style="display:none"></div>
      <div hidden><label for="h2">Secret</label><input id="h2"></div>
      <input id="d" placeholder="Secret" disabled>
      <input id="r" placeholder="Secret" readonly>
      <input id="q" type="search" placeholder="API Key">
      <input id="c" type="checkbox" name="api_key">`);
    expect(read()).toBeNull();
    byId('d')?.removeAttribute('disabled');
    const form = expectForm((document.body.insertAdjacentHTML('beforeend', '<input id="v" placeholder="API Key">'), read()));
    expect([form.apiKeyField.id, form.secretField.id]).toEqual(['v', 'd']);
  });

  it("ignores Keyward's own inline UI", () => {
    page(`<keyward-inline><label>API Key <input id="k"></label><label>Secret <input id="s"></label></keyward-inline>`);
    expect(read()).toBeNull();
  });

  it('needs both a key and a secret', () => {
    page(`<label>API Key <input></label><label>Passphrase <input type="password"></label>`);
    expect(read()).toBeNull();
  });

  it('pairs fields within one form, and takes the passphrase from that form only', () => {
    page(`<section><form id="f1"><div><label for="k1">API Key</label><input id="k1"></div><div><label for="s1">Secret</label><input id="s1"></div></form></section>
      <section><form id="f2"><div><label for="k2">API Key</label><input id="k2"></div><div><label for="s2">Secret</label><input id="s2"></div>
      <div><label for="p2">Passphrase</label><input id="p2" type="password"></div></form></section>`);
    const form = expectForm(read());
    expect([form.apiKeyField.id, form.secretField.id, form.passphraseField]).toEqual(['k1', 's1', null]);
    byId('k1')?.setAttribute('disabled', '');
    const second = expectForm(read());
    expect([second.apiKeyField.id, second.secretField.id, second.passphraseField?.id]).toEqual(['k2', 's2', 'p2']);
  });
});

describe('readBindForm: the exchange selector', () => {
  const fields = `<div><label for="k">API Key</label><input id="k"></div><div><label for="s">Secret</label><input id="s"></div>`;

  it('reads a select, and nothing from its placeholder option', () => {
    page(`<div><label for="x">Exchange</label><select id="x"><option value="">Select exchange</option><option value="2">OKX</option></select></div>${fields}`);
    expect(expectForm(read()).exchangeText).toBeNull();
    const select = byId('x');
    if (!(select instanceof HTMLSelectElement)) throw new Error('no select');
    select.value = '2';
    expect([expectForm(read()).exchangeText, expectForm(read()).exchange]).toEqual(['OKX', 'okx']);
  });

  it('reads native radios by their label text', () => {
    page(`<div><div>Exchange</div><div><label><input type="radio" name="ex" value="a"> Binance Spot</label>
      <label><input type="radio" name="ex" value="b" checked> KuCoin</label></div></div>${fields}`);
    const form = expectForm(read());
    expect([form.exchangeText, form.exchange]).toEqual(['KuCoin', 'kucoin']);
  });

  it('reads a combobox button, skipping icons, svg titles and the open menu', () => {
    page(`<div><span id="l">Exchange</span><button role="combobox" aria-labelledby="l"><i aria-hidden="true">★</i><span>Bybit Spot</span>
      <svg><title>open</title></svg></button><ul role="listbox"><li role="option">OKX</li></ul></div>${fields}`);
    const form = expectForm(read());
    expect([form.exchangeText, form.exchange]).toEqual(['Bybit Spot', 'bybit']);
  });

  it('treats a combobox showing "Select…" as no choice', () => {
    page(`<div><span id="l">Exchange</span><div role="combobox" aria-labelledby="l">Select an exchange</div></div>${fields}`);
    expect(expectForm(read()).exchangeText).toBeNull();
  });

  it('without a label, takes the nearest selector whose choice is a known exchange, and not a market-type select', () => {
    page(`<select id="m"><option selected>Spot</option><option>Futures</option></select>
      <select id="e"><option>Gate.io</option><option>OKX</option></select>${fields}`);
    const form = expectForm(read());
    expect([form.exchangeText, form.exchange, form.exchangeControl?.id]).toEqual(['Gate.io', 'gate', 'e']);
    byId('e')?.remove();
    expect(expectForm(read()).exchangeText).toBeNull();
  });
});

describe('readEditableBindForms', () => {
  it('finds anchors by the words before them, else by their id, and groups them per card', () => {
    page(`<div data-role="exchange" class="card"><h4>okx</h4><p>
        API Key : <a href="#" class="editable" data-type="text">*****</a><br>
        API Secret : <a href="#" class="editable" data-type="text">*****</a><br>
        <a href="#" id="exchange_api-password" class="editable" data-type="text">*****</a></p></div>
      <div data-role="exchange" class="card"><h4>kraken</h4><p>API Key : <a href="#" class="editable" data-type="text">*</a></p></div>`);
    const forms = readEditableBindForms(document, octobot.vocabulary, octobot);
    expect(forms).toHaveLength(1);
    expect(forms[0]?.exchange).toBe('okx');
    expect(forms[0]?.anchors.passphrase?.id).toBe('exchange_api-password');
  });

  it('leaves out hidden cards', () => {
    page(`<div data-role="exchange" class="card" style="display:none"><h4>okx</h4><p>API Key : <a class="editable" data-type="text">*</a><br>
      API Secret : <a class="editable" data-type="text">*</a></p></div>`);
    expect(readEditableBindForms(document, octobot.vocabulary, octobot)).toEqual([]);
  });
});

describe('detectGenericBindForm, in isolation', () => {
  it('refuses a key and a secret that stand far apart', () => {
    const deep = (inner: string, n: number): string => (n === 0 ? inner : `<div>${deep(inner, n - 1)}</div>`);
    page(`${deep('<label>API Key <input id="k"></label>', 8)}${deep('<label>Secret Key <input id="s"></label>', 8)}`);
    expect(detectGenericBindForm(document)).toBeNull();
    page(`<form>${deep('<label>API Key <input id="k"></label>', 2)}${deep('<label>Secret Key <input id="s"></label>', 2)}</form>`);
    expect(detectGenericBindForm(document)?.secretField.id).toBe('s');
  });
});
