import { describe, expect, it } from 'vitest';
import { array, boolean, empty, guard, literal, nullable, number, object, oneOf, optional, partial, string, texts, union } from './schema';

describe('primitives refuse what they do not name', () => {
  it('string: type, length and pattern', () => {
    const short = string({ max: 3 });
    expect(short.is('abc')).toBe(true);
    expect(short.is('abcd')).toBe(false);
    expect(short.is(3)).toBe(false);
    expect(short.is(null)).toBe(false);
    expect(short.is(undefined)).toBe(false);
    const digits = string({ pattern: /^\d+$/ });
    expect(digits.is('123')).toBe(true);
    expect(digits.is('12a')).toBe(false);
  });

  it('boolean: only true and false, nothing truthy', () => {
    expect(boolean().is(false)).toBe(true);
    for (const value of [0, 1, 'true', null, undefined, {}]) expect(boolean().is(value), String(value)).toBe(false);
  });

  it('number: finite, optionally a safe integer within bounds', () => {
    expect(number().is(1.5)).toBe(true);
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '1', null]) expect(number().is(value), String(value)).toBe(false);
    const ranged = number({ integer: true, min: 5, max: 10 });
    expect(ranged.is(5)).toBe(true);
    expect(ranged.is(10)).toBe(true);
    expect(ranged.is(4)).toBe(false);
    expect(ranged.is(11)).toBe(false);
    expect(ranged.is(7.5)).toBe(false);
    expect(number({ integer: true }).is(2 ** 53)).toBe(false);
  });

  it('literal: that value and no look-alike', () => {
    expect(literal(1).is(1)).toBe(true);
    expect(literal(1).is('1')).toBe(false);
    expect(literal(1).is(true)).toBe(false);
    expect(literal('fill.values').is('fill.value')).toBe(false);
  });

  it('oneOf and guard: only the listed values', () => {
    const field = oneOf(['apiKey', 'secret']);
    expect(field.is('secret')).toBe(true);
    expect(field.is('vaultKey')).toBe(false);
    expect(field.is('constructor')).toBe(false);
    const even = guard('an even number', (value): value is number => typeof value === 'number' && value % 2 === 0);
    expect(even.is(2)).toBe(true);
    expect(even.is(3)).toBe(false);
  });
});

describe('containers', () => {
  it('nullable takes null but not undefined; optional takes undefined but not null', () => {
    expect(nullable(string()).is(null)).toBe(true);
    expect(nullable(string()).is(undefined)).toBe(false);
    expect(optional(string()).is(undefined)).toBe(true);
    expect(optional(string()).is(null)).toBe(false);
  });

  it('array bounds the count and checks every entry, saying which one failed', () => {
    const list = texts({ count: 2, length: 3 });
    expect(list.is(['a', 'bcd'])).toBe(true);
    expect(list.is(['a', 'b', 'c'])).toBe(false);
    expect(list.is('abc')).toBe(false);
    expect(list.is({ length: 1, 0: 'a' })).toBe(false);
    expect(list.parse(['a', 'toolong'])).toEqual({ ok: false, refusal: { path: [1], expected: expect.stringContaining('at most 3') } });
  });

  it('object refuses unknown keys by default, and ignores (and drops) them when told', () => {
    const strict = object({ id: string() });
    expect(strict.is({ id: 'a' })).toBe(true);
    expect(strict.parse({ id: 'a', extra: 1 })).toEqual({ ok: false, refusal: { path: ['extra'], expected: 'no such key' } });
    const loose = object({ id: string() }, { unknownKeys: 'ignore' });
    expect(loose.is({ id: 'a', extra: 1 })).toBe(true);
    expect(loose.parse({ id: 'a', extra: 1 })).toEqual({ ok: true, value: { id: 'a' } });
  });

  it('object refuses non-objects, arrays and missing keys, with the path of the first fault', () => {
    const nested = object({ outer: object({ inner: array(number()) }) });
    for (const value of [null, [], 'x', 1]) expect(nested.is(value)).toBe(false);
    expect(nested.parse({})).toMatchObject({ ok: false, refusal: { path: ['outer'] } });
    expect(nested.parse({ outer: { inner: [1, 'two'] } })).toMatchObject({ ok: false, refusal: { path: ['outer', 'inner', 1] } });
  });

  it('object reads own properties only: a prototype lends nothing', () => {
    const shape = object({ id: string() }, { unknownKeys: 'ignore' });
    const inherited: unknown = Object.create({ id: 'from the prototype' });
    expect(shape.is(inherited)).toBe(false);
  });

  it('an optional property may be absent or undefined, and is left out of the copy', () => {
    const shape = object({ a: boolean(), b: optional(boolean()) });
    expect(shape.parse({ a: true })).toEqual({ ok: true, value: { a: true } });
    const copy = shape.parse({ a: true, b: undefined });
    expect(copy.ok && 'b' in copy.value).toBe(false);
    expect(shape.is({ a: true, b: 'no' })).toBe(false);
  });

  it('partial makes every key optional and keeps the unknown-key rule', () => {
    const patch = partial(object({ a: number({ max: 5 }), b: string() }));
    expect(patch.is({})).toBe(true);
    expect(patch.is({ a: 3 })).toBe(true);
    expect(patch.is({ a: 6 })).toBe(false);
    expect(patch.is({ c: 1 })).toBe(false);
  });

  it('empty takes only an object without keys', () => {
    expect(empty().is({})).toBe(true);
    for (const value of [{ a: 1 }, null, [], undefined]) expect(empty().is(value)).toBe(false);
  });

  it('union takes the first shape that fits and refuses what fits none', () => {
    const source = union(object({ kind: oneOf(['capture']), url: string() }), object({ kind: oneOf(['manual']) }));
    expect(source.is({ kind: 'manual' })).toBe(true);
    expect(source.is({ kind: 'capture', url: 'https://x' })).toBe(true);
    expect(source.is({ kind: 'capture' })).toBe(false);
    expect(source.is({ kind: 'import' })).toBe(false);
  });

  it('parse copies: changing the input afterwards does not reach the result', () => {
    const shape = object({ tags: array(string()) });
    const input = { tags: ['a'] };
    const parsed = shape.parse(input);
    input.tags.push('b');
    expect(parsed).toEqual({ ok: true, value: { tags: ['a'] } });
  });
});
