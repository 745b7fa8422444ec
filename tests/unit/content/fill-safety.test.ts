// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  changedSince,
  effectiveOpacity,
  fieldRefusal,
  filterHides,
  frameAllowed,
  keywardUiRefusal,
  locationAllowed,
  overlaidByPassThrough,
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

/** A window chain as frames see it: reading a cross-origin parent's location throws. */
function frameChain(origins: string[]): Window {
  const frames: Window[] = [];
  for (let i = 0; i < origins.length; i++) {
    const origin = origins[i];
    const frame = {
      get location() {
        return { origin } as Location;
      },
    } as unknown as Window & { top: Window; parent: Window };
    frames.push(frame);
  }
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i] as unknown as Record<string, unknown>;
    const top = frames[0];
    const parent = frames[Math.max(0, i - 1)];
    const ownOrigin = origins[i];
    frame.top = top;
    frame.parent = parent;
    // Another origin's location cannot be read from this frame.
    Object.defineProperty(frame, 'parentOrigin', { value: origins[Math.max(0, i - 1)] });
    if (i > 0 && origins[i - 1] !== ownOrigin) {
      const real = parent;
      frame.parent = new Proxy(real as object, {
        get(target, key) {
          if (key === 'location') throw new DOMException('Blocked a frame with origin', 'SecurityError');
          return Reflect.get(target, key);
        },
      });
    }
  }
  const last = frames.at(-1);
  if (!last) throw new Error('no frames');
  return last;
}

describe('frameAllowed checks every ancestor, not only the top', () => {
  it('takes the top frame and a same-origin chain', () => {
    expect(frameAllowed(frameChain(['https://app.3commas.io']))).toBe(true);
    expect(frameAllowed(frameChain(['https://app.3commas.io', 'https://app.3commas.io', 'https://app.3commas.io']))).toBe(true);
  });

  it('refuses a frame of the top’s origin nested in a foreign frame (A > evil > A)', () => {
    expect(frameAllowed(frameChain(['https://app.3commas.io', 'https://evil.example', 'https://app.3commas.io']))).toBe(false);
  });

  it('refuses a frame directly in a foreign page', () => {
    expect(frameAllowed(frameChain(['https://evil.example', 'https://app.3commas.io']))).toBe(false);
  });
});

describe('Keyward’s own button and picker, as the user clicks them', () => {
  function host(style = ''): HTMLElement {
    document.body.innerHTML = `<div id="wrap"><keyward-inline style="display:inline-block;${style}"></keyward-inline></div>`;
    const element = document.querySelector<HTMLElement>('keyward-inline');
    if (!element) throw new Error('no host');
    place(element, { left: 10, top: 10, width: 160, height: 26 });
    Object.defineProperty(element, 'offsetWidth', { value: 160, configurable: true });
    Object.defineProperty(element, 'offsetHeight', { value: 26, configurable: true });
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(element);
    return element;
  }

  it('accepts a plain button clicked where it is', () => {
    expect(keywardUiRefusal(host(), { x: 30, y: 20 })).toBeNull();
    expect(keywardUiRefusal(host(), null)).toBeNull();
  });

  it.each([
    ['faded by the page', 'opacity:0'],
    ['darkened by a filter', 'filter: brightness(0)'],
    ['blurred', 'filter: blur(6px)'],
    ['blended away', 'mix-blend-mode: difference'],
    ['hidden', 'visibility:hidden'],
  ])('refuses a button %s', (_what, style) => {
    expect(keywardUiRefusal(host(style), { x: 30, y: 20 })).toBe('keyward-hidden');
  });

  it('refuses a button shrunk by a transform on an ancestor (scale(0.01))', () => {
    const element = host();
    place(element, { left: 10, top: 10, width: 1.6, height: 0.26 });
    expect(keywardUiRefusal(element, null)).toBe('keyward-hidden');
    place(element, { left: 10, top: 10, width: 80, height: 13 });
    expect(keywardUiRefusal(element, null)).toBe('keyward-hidden');
  });

  it('refuses a click that another element took, or that landed outside the button', () => {
    const element = host();
    expect(keywardUiRefusal(element, { x: 400, y: 400 })).toBe('keyward-covered');
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.body);
    expect(keywardUiRefusal(element, { x: 30, y: 20 })).toBe('keyward-covered');
  });

  it.each([
    ['an image', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'],
    ['a canvas', '<canvas></canvas>'],
    ['an inset box-shadow', '<div style="box-shadow: inset 0 0 0 999px white"></div>'],
    ['a static element lifted by a transform', '<div style="transform: translateZ(0); background: white"></div>'],
    ['text', '<div>Claim your reward</div>'],
  ])('sees %s laid over it that lets clicks through', (_what, decoy) => {
    const element = host();
    const wrapper = document.createElement('div');
    wrapper.innerHTML = decoy;
    const over = wrapper.firstElementChild as HTMLElement;
    over.style.pointerEvents = 'none';
    document.body.append(over);
    place(over, { left: 0, top: 0, width: 400, height: 300 });
    expect(overlaidByPassThrough(element)).toBe(true);
    expect(keywardUiRefusal(element, { x: 30, y: 20 })).toBe('keyward-covered');
  });

  it('ignores an empty transparent layer and a decoration drawn behind the content', () => {
    const element = host();
    const layer = document.createElement('div');
    layer.style.pointerEvents = 'none';
    document.body.append(layer);
    place(layer, { left: 0, top: 0, width: 400, height: 300 });
    const behind = document.createElement('div');
    behind.setAttribute('style', 'pointer-events:none; position:absolute; z-index:-1; background:#eee');
    document.body.append(behind);
    place(behind, { left: 0, top: 0, width: 400, height: 300 });
    expect(overlaidByPassThrough(element)).toBe(false);
  });
});

describe('filterHides', () => {
  it.each([
    ['brightness(0)', true],
    ['brightness(0.2) contrast(1)', true],
    ['contrast(0.1)', true],
    ['blur(4px)', true],
    ['invert(0.5)', true],
    ['url(#hide)', true],
    ['none', false],
    ['grayscale(1)', false],
    ['drop-shadow(0 1px 2px black)', false],
    ['brightness(1.1)', false],
    ['invert(1)', false],
  ])('%s hides: %s', (filter, hides) => {
    expect(filterHides(filter)).toBe(hides);
  });

  it('refuses a page darkened by a filter on body', () => {
    field();
    document.body.style.filter = 'brightness(0)';
    expect(pageRefusal(document)).toBe('page-filtered');
    document.body.style.filter = '';
  });
});
