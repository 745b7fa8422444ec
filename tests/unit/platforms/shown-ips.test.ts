// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readShownIps } from '../../../src/platforms/readers/shown-ips';

function form(html: string): HTMLInputElement {
  document.body.innerHTML = html;
  const field = document.querySelector<HTMLInputElement>('#key');
  if (!field) throw new Error('no field');
  return field;
}

describe('readShownIps', () => {
  it('reads the addresses the form asks to whitelist, in order, once each, ranges included', () => {
    const field = form(`<div role="dialog"><label>API Key <input id="key"></label>
      <p>Whitelist these IP addresses: <code>52.10.1.7</code>, <code>52.10.1.8</code> and 34.1.0.0/24; again 52.10.1.7.</p></div>`);
    expect(readShownIps(field)).toEqual(['52.10.1.7', '52.10.1.8', '34.1.0.0/24']);
  });

  it('needs the page to speak of IPs or whitelists, and skips what is not advice', () => {
    expect(readShownIps(form(`<form><input id="key"><p>Version 1.2.3.4 released</p></form>`))).toEqual([]);
    const field = form(`<form><input id="key"><textarea>8.8.8.8</textarea>
      <p>Your IP: 192.168.1.5. Allow list: <span hidden>9.9.9.9</span> <span>1.2.3.400</span> <b>44.2.2.2</b></p>
      <keyward-inline>45.1.1.1</keyward-inline></form>`);
    expect(readShownIps(field)).toEqual(['44.2.2.2']);
  });

  it('stays inside the form’s own block', () => {
    const field = form(`<section><p>Other panel: IP 23.1.1.1</p></section>
      <section><input id="key"><p>Add the IP 23.2.2.2 to your key.</p></section>`);
    expect(readShownIps(field)).toEqual(['23.2.2.2']);
  });

  it('reads Chinese and Russian cues', () => {
    expect(readShownIps(form(`<form><input id="key"><p>请将以下地址加入白名单：18.1.1.1</p></form>`))).toEqual(['18.1.1.1']);
    expect(readShownIps(form(`<form><input id="key"><p>Добавьте в белый список: 18.2.2.2</p></form>`))).toEqual(['18.2.2.2']);
  });
});
