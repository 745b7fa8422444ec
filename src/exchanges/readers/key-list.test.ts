// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { htx } from '../htx';
import { readKeyList } from './key-list';

const page = htx.page;
if (!page) throw new Error('HTX has no page spec');
const read = () => readKeyList(document, page.vocabulary, htx.credentials);

const KEY_A = 'e2a1b3c4-99d8e7f6-84a5b6c7-7d8e9';
const KEY_B = 'f3b2c4d5-88e9f0a1-73b4c5d6-6e7f0';

function box(text: string, on: boolean): string {
  return `<label><input type="checkbox" disabled${on ? ' checked' : ''}> ${text}</label>`;
}

describe('key list reader', () => {
  it('reads a disabled checkbox as granted only when it is ticked', () => {
    document.body.innerHTML = `<table><thead><tr><th>API Name</th><th>Access Key</th><th>Permissions</th><th>IP Access Restriction</th></tr></thead>
      <tbody><tr><td>grid</td><td>${KEY_A}</td><td>${box('Read', true)}${box('Trade', true)}${box('Futures / Swap Trade', false)}${box('Withdraw', false)}</td><td>--</td></tr></tbody></table>`;
    expect(read()).toMatchObject([{ apiKey: KEY_A, label: 'grid', ipWhitelist: [], permissions: { read: true, trade: true, futures: false, withdraw: false } }]);
  });

  it('takes a lone card’s title as its name, never the page heading above the list', () => {
    document.body.innerHTML = `<main><h1>API Management</h1><section><div dir="rtl"><div>DCA 12</div>
      <div><code dir="ltr">${KEY_A}</code> <span>Access Key</span></div><div><span>Trade</span> <span>Permissions</span></div>
      <div>203.0.113.7 <span>IP Access Restriction</span></div><button>Edit</button></div></section></main>`;
    expect(read()).toMatchObject([{ label: 'DCA 12', ipWhitelist: ['203.0.113.7'], permissions: { trade: true, withdraw: false } }]);
  });

  it('reads definition-list cards, one per key', () => {
    const card = (name: string, key: string, perms: string, ips: string) =>
      `<div><dl><dt>API Name</dt><dd>${name}</dd><dt>Access Key</dt><dd>${key}</dd><dt>Permissions</dt><dd>${perms}</dd><dt>IP Access Restriction</dt><dd>${ips}</dd></dl><button>Edit</button></div>`;
    document.body.innerHTML = card('a', KEY_A, '<span>Read</span><span>Withdraw</span>', 'Unrestricted') + card('b', KEY_B, '<span>Read</span>', '198.51.100.0/24');
    expect(read()).toMatchObject([
      { apiKey: KEY_A, label: 'a', ipWhitelist: [], permissions: { withdraw: true } },
      { apiKey: KEY_B, label: 'b', ipWhitelist: ['198.51.100.0/24'], permissions: { withdraw: false } },
    ]);
  });

  it('lists no value named as something else: an order id column', () => {
    document.body.innerHTML = `<table><thead><tr><th>Order ID</th><th>Pair</th><th>Status</th></tr></thead><tbody><tr><td>${KEY_A}</td><td>BTC/USDT</td><td>Filled</td></tr></tbody></table>`;
    expect(read()).toEqual([]);
  });
});
