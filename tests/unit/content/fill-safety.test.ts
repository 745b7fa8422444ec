// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  changedSince,
  effectiveOpacity,
  fieldRefusal,
  locationAllowed,
  pageRefusal,
  setFieldValue,
  snapshot,
} from '../../../src/content/fill/safety';

/** happy-dom has no layout: give elements the boxes a browser would, and say what is on top. */
function place(element: Element, rect: { left: number; top: number; width: number; height: number }) {
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue({
    ...rect,
    right: rect.left + rect.width,
    bottom: rect.top + rect.height,
    x: rect.left,
    y: rect.top,
    toJSON: () => ({}),
  } as DOMRect);
}

function field(html = '<input id="f">'): HTMLInputElement {
  document.body.innerHTML = `<div id="wrap">${html}</div>`;
  const input = document.querySelector('input');
  if (!input) throw new Error('no input');
  place(input, { left: 10, top: 10, width: 200, height: 30 });
  vi.spyOn(document, 'elementFromPoint').mockReturnValue(input);
  return input;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
});

describe('fill safety', () => {
  it('accepts a plain visible field', () => {
    expect(fieldRefusal(field())).toBeNull();
  });

  it.each([
    ['hidden by an ancestor', '<div style="display:none"><input></div>', 'field-hidden'],
    ['visibility hidden', '<input style="visibility:hidden">', 'field-hidden'],
    ['the hidden attribute on an ancestor', '<div hidden><input></div>', 'field-hidden'],
    ['transparent', '<input style="opacity:0.2">', 'field-transparent'],
    ['an ancestor faded, together below the threshold', '<div style="opacity:0.8"><div style="opacity:0.8"><input></div></div>', 'field-transparent'],
    ['faded by a filter', '<input style="filter: opacity(10%)">', 'field-transparent'],
    ['read-only', '<input readonly>', 'field-disabled'],
  ])('refuses a field %s', (_what, html, refusal) => {
    expect(fieldRefusal(field(html))).toBe(refusal);
  });

  it('refuses a tiny field and one off-screen', () => {
    const input = field();
    place(input, { left: 10, top: 10, width: 2, height: 2 });
    expect(fieldRefusal(input)).toBe('field-too-small');
    place(input, { left: -5000, top: 10, width: 200, height: 30 });
    expect(fieldRefusal(input)).toBe('field-off-screen');
  });

  it('refuses a field covered by an overlay', () => {
    const input = field();
    const overlay = document.createElement('div');
    document.body.append(overlay);
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(overlay);
    expect(fieldRefusal(input)).toBe('field-covered');
  });

  it('refuses a faded page (DOM-based extension clickjacking)', () => {
    field();
    expect(pageRefusal(document)).toBeNull();
    document.body.style.opacity = '0.01';
    expect(pageRefusal(document)).toBe('page-transparent');
    document.body.style.opacity = '1';
    document.documentElement.style.opacity = '0.5';
    expect(pageRefusal(document)).toBe('page-transparent');
  });

  it('sees a field swapped or moved after the picker opened', () => {
    const input = field();
    const before = snapshot(input);
    expect(changedSince(before, input)).toBe(false);
    place(input, { left: 10, top: 300, width: 200, height: 30 });
    expect(changedSince(before, input)).toBe(true);
    expect(changedSince(before, document.createElement('input'))).toBe(true);
    expect(changedSince(before, null)).toBe(true);
  });

  it('allows only https on the exact hosts', () => {
    const at = (href: string) => new URL(href) as unknown as Location;
    expect(locationAllowed(at('https://app.3commas.io/accounts/new'), ['app.3commas.io'])).toBeNull();
    expect(locationAllowed(at('http://app.3commas.io/'), ['app.3commas.io'])).toBe('not-https');
    expect(locationAllowed(at('https://app.3commas.io.evil.com/'), ['app.3commas.io'])).toBe('host-not-allowed');
    expect(locationAllowed(at('https://app.3commas.io:8443/'), ['app.3commas.io'])).toBe('host-not-allowed');
  });

  it('writes through the native setter and fires the events a framework listens to', () => {
    const input = field();
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push(`input:${input.value}`));
    input.addEventListener('change', () => seen.push(`change:${input.value}`));
    setFieldValue(input, 'k3y');
    expect(seen).toEqual(['input:k3y', 'change:k3y']);
  });

  it('computes opacity as the product down the tree', () => {
    document.body.innerHTML = '<div style="opacity:0.5"><span style="opacity:0.5"><b>x</b></span></div>';
    const b = document.querySelector('b');
    if (!b) throw new Error('no b');
    expect(effectiveOpacity(b)).toBeCloseTo(0.25);
  });
});
