import { describe, expect, it } from 'vitest';
import { OFFSCREEN_REQUEST, OFFSCREEN_RESPONSE } from '../../../src/protocol/offscreen';
import { FILL_VALUES, SITE_PROBE_RESULT, fromBackground } from '../../../src/protocol/to-content';
import { CONTENT_FRAMES, MESSAGE_SENDERS, REQUESTS, isMessageType } from '../../../src/protocol/to-background';

const fill = (overrides: Record<string, unknown> = {}) => ({
  keyward: 1,
  type: 'fill.values',
  token: 'tok',
  surface: 'frame',
  values: { apiKey: 'k', secret: 's', passphrase: '' },
  ...overrides,
});

describe('background -> content: fill values', () => {
  it('takes the message the background sends', () => {
    expect(FILL_VALUES.is(fill())).toBe(true);
    expect(FILL_VALUES.is(fill({ surface: 'window' }))).toBe(true);
  });

  it.each([
    ['another marker', { keyward: 2 }],
    ['another type', { type: 'fill.value' }],
    ['an unknown surface', { surface: 'page' }],
    ['no values', { values: undefined }],
    ['a value that is not a string', { values: { apiKey: 'k', secret: 7, passphrase: '' } }],
    ['a token that is not a string', { token: 42 }],
    ['an extra field', { selector: '#password' }],
  ])('refuses %s', (_name, overrides) => {
    expect(FILL_VALUES.is(fill(overrides))).toBe(false);
  });

  it('is taken only from the background: our id, and no tab', () => {
    expect(fromBackground({ id: 'ours' }, 'ours')).toBe(true);
    expect(fromBackground({ id: 'ours', tab: { id: 3 } }, 'ours')).toBe(false);
    expect(fromBackground({ id: 'another' }, 'ours')).toBe(false);
    expect(fromBackground({}, 'ours')).toBe(false);
  });
});

describe('the site probe’s answer', () => {
  it('takes a page and the reader that matched, or none', () => {
    expect(SITE_PROBE_RESULT.parse({ url: 'https://bot.example/', found: 'generic' })).toEqual({ ok: true, value: { url: 'https://bot.example/', found: 'generic' } });
    expect(SITE_PROBE_RESULT.is({ url: 'https://bot.example/', found: null })).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of [null, undefined, 'https://x/', { url: 1, found: null }, { url: 'https://x/' }, { url: 'https://x/', found: 3 }]) {
      expect(SITE_PROBE_RESULT.is(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('background <-> offscreen', () => {
  it('takes the two requests and the two answers', () => {
    expect(OFFSCREEN_REQUEST.is({ id: 1, op: 'write', text: '' })).toBe(true);
    expect(OFFSCREEN_REQUEST.is({ id: 2, op: 'read' })).toBe(true);
    expect(OFFSCREEN_RESPONSE.is({ id: 1, ok: true, text: 'x' })).toBe(true);
    expect(OFFSCREEN_RESPONSE.is({ id: 1, ok: false, error: 'copy refused' })).toBe(true);
  });

  it.each([
    { id: 1, op: 'write' },
    { id: 1, op: 'write', text: 5 },
    { id: 1, op: 'eval', text: 'x' },
    { op: 'read' },
    { id: -1, op: 'read' },
    { id: 1.5, op: 'read' },
    { id: 1, op: 'read', text: 'smuggled' },
  ])('refuses the request %j', (request) => {
    expect(OFFSCREEN_REQUEST.is(request)).toBe(false);
  });

  it.each([{ id: 1, ok: true }, { id: 1, ok: 'yes', text: '' }, { id: 1, ok: false }, { ok: true, text: '' }])('refuses the answer %j', (response) => {
    expect(OFFSCREEN_RESPONSE.is(response)).toBe(false);
  });
});

describe('requests to the background', () => {
  it('name at least one sender each, and the offscreen page for none', () => {
    for (const [type, allowed] of Object.entries(MESSAGE_SENDERS)) {
      expect(allowed.length, type).toBeGreaterThan(0);
      expect(allowed as readonly string[], type).not.toContain('offscreen');
    }
  });

  it('name the frames for every type a content script sends', () => {
    for (const [type, allowed] of Object.entries(MESSAGE_SENDERS)) {
      const fromContent = (allowed as readonly string[]).some((context) => context.endsWith('-content'));
      expect(Object.hasOwn(CONTENT_FRAMES, type), type).toBe(fromContent);
    }
  });

  it('give frames only to types that content scripts send', () => {
    for (const type of Object.keys(CONTENT_FRAMES)) {
      const senders: readonly string[] = isMessageType(type) ? REQUESTS[type].from : [];
      expect(senders.every((context) => context.endsWith('-content')), type).toBe(true);
    }
  });

  it('know no type from an object’s prototype', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(isMessageType(name)).toBe(false);
  });
});
