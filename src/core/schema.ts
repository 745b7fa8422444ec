/**
 * A small schema language for data that crosses a trust boundary: messages between contexts (the
 * sender may be a compromised content script) and records read back from storage or a backup
 * (corruption, or a hostile file). One description gives both the TypeScript type (`Infer`) and
 * the runtime check, so the two cannot drift apart.
 *
 * Nothing is coerced: a value has the shape, or it is refused with the path of the first part that
 * has not. `parse` returns a fresh copy that holds only what the schema names (a record read back
 * never carries stray fields further); `is` answers yes or no about the value as it is.
 *
 * In-house rather than zod or valibot: this is all Keyward needs (about 200 lines, no
 * transforms, no async), and the platform content script that validates what it receives stays
 * small.
 *
 * Builders are marked free of side effects, so a bundle that imports a module for one constant
 * does not keep the schemas that module builds and never uses.
 */

export type Path = readonly (string | number)[];

/** Where a value first departs from its schema, and what was expected there. */
export interface Refusal {
  path: Path;
  expected: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export interface Schema<T> {
  /** A copy of the value as T (objects keep only the keys the schema names), or why not. */
  readonly parse: (value: unknown) => Parsed<T>;
  /** Whether the value has the shape; a standalone function, fit for a validator table. */
  readonly is: (value: unknown) => value is T;
}

/** A property that may be absent (or undefined); an object's copy then leaves it out. */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** How many entries a list may hold, and how long each may be. */
export interface ListBounds {
  count: number;
  length: number;
}

export const UNBOUNDED: ListBounds = { count: Number.POSITIVE_INFINITY, length: Number.POSITIVE_INFINITY };

/* @__NO_SIDE_EFFECTS__ */
function refuse(expected: string, path: Path = []): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { path, expected } };
}

/** A refusal from inside a container, with the container's key in front of its path. */
/* @__NO_SIDE_EFFECTS__ */
function inside(key: string | number, refused: { ok: false; refusal: Refusal }): { ok: false; refusal: Refusal } {
  return refuse(refused.refusal.expected, [key, ...refused.refusal.path]);
}

/* @__NO_SIDE_EFFECTS__ */
function schema<T>(parse: (value: unknown) => Parsed<T>): Schema<T> {
  return { parse, is: (value: unknown): value is T => parse(value).ok };
}

/** Builds a schema from a test; the value is its own copy (primitives). */
/* @__NO_SIDE_EFFECTS__ */
function test<T>(expected: string, accepts: (value: unknown) => value is T): Schema<T> {
  return schema((value) => (accepts(value) ? { ok: true, value } : refuse(expected)));
}

/* @__NO_SIDE_EFFECTS__ */
export function string(limits: { max?: number; pattern?: RegExp } = {}): Schema<string> {
  const { max = Number.POSITIVE_INFINITY, pattern } = limits;
  const expected = `a string${Number.isFinite(max) ? ` of at most ${max} characters` : ''}${pattern ? ` matching ${pattern}` : ''}`;
  return test(expected, (value): value is string => typeof value === 'string' && value.length <= max && (!pattern || pattern.test(value)));
}

/* @__NO_SIDE_EFFECTS__ */
export function boolean(): Schema<boolean> {
  return test('a boolean', (value): value is boolean => typeof value === 'boolean');
}

/** A finite number; `integer` asks for a safe integer, and min and max bound it. */
/* @__NO_SIDE_EFFECTS__ */
export function number(limits: { integer?: boolean; min?: number; max?: number } = {}): Schema<number> {
  const { integer = false, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = limits;
  const expected = `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
  return test(
    expected,
    (value): value is number =>
      typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isSafeInteger(value)) && value >= min && value <= max,
  );
}

/** Exactly this value: an envelope's marker, a union's tag. */
/* @__NO_SIDE_EFFECTS__ */
export function literal<const T extends string | number | boolean>(expected: T): Schema<T> {
  return test(JSON.stringify(expected), (value): value is T => value === expected);
}

/** One of a fixed list of strings. */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return test(`one of ${values.join(', ')}`, (value): value is T[number] => typeof value === 'string' && values.includes(value));
}

/** Whatever an existing type guard accepts (an exchange id, a trading scope). */
/* @__NO_SIDE_EFFECTS__ */
export function guard<T>(expected: string, accepts: (value: unknown) => value is T): Schema<T> {
  return test(expected, accepts);
}

/* @__NO_SIDE_EFFECTS__ */
export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return schema<T | null>((value) => (value === null ? { ok: true, value: null } : inner.parse(value)));
}

/* @__NO_SIDE_EFFECTS__ */
export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  const parse = (value: unknown): Parsed<T | undefined> => (value === undefined ? { ok: true, value: undefined } : inner.parse(value));
  return { ...schema(parse), optional: true };
}

/* @__NO_SIDE_EFFECTS__ */
export function array<T>(item: Schema<T>, limits: { max?: number } = {}): Schema<T[]> {
  const { max = Number.POSITIVE_INFINITY } = limits;
  return schema((value) => {
    if (!Array.isArray(value) || value.length > max) return refuse(`a list${Number.isFinite(max) ? ` of at most ${max} entries` : ''}`);
    const copy: T[] = [];
    for (const [index, entry] of value.entries()) {
      const parsed = item.parse(entry);
      if (!parsed.ok) return inside(index, parsed);
      copy.push(parsed.value);
    }
    return { ok: true, value: copy };
  });
}

/** A list of strings within bounds: IP whitelists, permission labels. */
/* @__NO_SIDE_EFFECTS__ */
export function texts(bounds: ListBounds = UNBOUNDED): Schema<string[]> {
  return array(string({ max: bounds.length }), { max: bounds.count });
}

type Shape = { readonly [key: string]: Schema<unknown> };
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Flat<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    -readonly [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined>;
  }
>;

export interface ObjectSchema<S extends Shape> extends Schema<ObjectOf<S>> {
  readonly shape: S;
  readonly unknownKeys: UnknownKeys;
}

/**
 * What an object does with keys its schema does not name: 'refuse' them (a message whose every
 * field is known), or 'ignore' them (left out of the copy; records and messages that older or
 * richer senders may pad).
 */
export type UnknownKeys = 'refuse' | 'ignore';

/* @__NO_SIDE_EFFECTS__ */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/* @__NO_SIDE_EFFECTS__ */
export function object<S extends Shape>(shape: S, options: { unknownKeys?: UnknownKeys } = {}): ObjectSchema<S> {
  const { unknownKeys = 'refuse' } = options;
  const keys = Object.keys(shape);
  const parse = (value: unknown): Parsed<ObjectOf<S>> => {
    if (!isRecord(value)) return refuse('an object');
    if (unknownKeys === 'refuse') {
      const stray = Object.keys(value).find((key) => !Object.hasOwn(shape, key));
      if (stray !== undefined) return refuse('no such key', [stray]);
    }
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape[key];
      if (!field) continue;
      // Own properties only: nothing a prototype lends counts as sent.
      const parsed = field.parse(Object.hasOwn(value, key) ? value[key] : undefined);
      if (!parsed.ok) return inside(key, parsed);
      if (parsed.value !== undefined) copy[key] = parsed.value;
    }
    // The copy holds exactly the shape's keys, each checked against its schema just above.
    return { ok: true, value: copy as ObjectOf<S> };
  };
  return { ...schema(parse), shape, unknownKeys };
}

/** The same object with every property optional: a patch. */
/* @__NO_SIDE_EFFECTS__ */
export function partial<S extends Shape>(base: ObjectSchema<S>): ObjectSchema<{ [K in keyof S]: OptionalSchema<Infer<S[K]>> }> {
  const shape = Object.fromEntries(Object.entries(base.shape).map(([key, field]) => [key, optional(field)]));
  // fromEntries loses the per-key types that the map above keeps one for one.
  return object(shape as { [K in keyof S]: OptionalSchema<Infer<S[K]>> }, { unknownKeys: base.unknownKeys });
}

/** An object with no keys at all: the payload of a request that needs none. */
/* @__NO_SIDE_EFFECTS__ */
export function empty(): Schema<Record<string, never>> {
  return schema((value) => {
    if (!isRecord(value)) return refuse('an object');
    const stray = Object.keys(value)[0];
    return stray === undefined ? { ok: true, value: {} } : refuse('no such key', [stray]);
  });
}

/** The first of several schemas that accepts the value. */
/* @__NO_SIDE_EFFECTS__ */
export function union<const T extends readonly Schema<unknown>[]>(...options: T): Schema<Infer<T[number]>> {
  return schema((value) => {
    for (const option of options) {
      const parsed = option.parse(value);
      // Each option is one of T's schemas, so what it accepts is one of T's types.
      if (parsed.ok) return parsed as Parsed<Infer<T[number]>>;
    }
    return refuse(`one of ${options.length} shapes`);
  });
}
