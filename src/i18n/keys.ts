// Message keys and their placeholders, as types read from the English catalogue: a key or a
// placeholder that English does not have fails to compile, and the catalogue test
// (tests/unit/i18n/catalogues.test.ts) holds every other language to the same keys.
import type english from '../../public/_locales/en/messages.json';

type English = typeof english;

/** Every message in the English catalogue, plural forms included. */
export type MessageKey = keyof English & string;

/** Intl.PluralRules' categories; a plural message has one key per category its language uses. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** The base of each plural message: `keyCount` for `keyCount_one`, `keyCount_other`, …. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** Messages with no plural forms, for t(). */
export type PlainKey = Exclude<MessageKey, `${string}_${PluralCategory}`>;

/** The placeholder names a message declares (lower case, as in messages.json). */
export type PlaceholderName<K extends MessageKey> = English[K] extends { placeholders: infer P } ? keyof P & string : never;

/** What fills a message's placeholders, by name. */
export type Substitutions<K extends MessageKey> = Record<PlaceholderName<K>, string | number>;

/** One message as messages.json holds it. */
export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalogue = Record<string, CatalogueEntry>;

/**
 * A message not yet put into words: its key and what fills it. Code that must not choose the
 * language (src/core, modules content scripts share) returns these, and the surface that shows
 * them says them: t() / sayWords() in the popup, picker and background, say() / sayWords() from
 * src/content/ui/words.ts in content scripts (which must not bundle the English fallback).
 */
export type Words = {
  [K in PlainKey]: [PlaceholderName<K>] extends [never] ? { key: K; subs?: undefined } : { key: K; subs: Substitutions<K> };
}[PlainKey];

/** Builds Words with the same checks as t(): an unknown key or a wrong substitution does not compile. */
export function words<K extends PlainKey>(
  key: K,
  ...args: [PlaceholderName<K>] extends [never] ? [] : [subs: Substitutions<K>]
): Words {
  return { key, subs: args[0] } as Words;
}
