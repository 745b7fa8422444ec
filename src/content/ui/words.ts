// The notes' words for content scripts. Not src/i18n/index.ts: that bundles the English catalogue
// as its fallback, which would cost every content script kilobytes (1 KB budget). Only the types
// come from src/i18n, and types cost nothing.
import type { PlaceholderName, PlainKey, Substitutions } from '../../i18n/keys';

interface I18nLike {
  getMessage(name: string, substitutions?: string[]): string | undefined;
}

function api(): I18nLike | null {
  const scope = globalThis as unknown as { browser?: { i18n?: I18nLike }; chrome?: { i18n?: I18nLike } };
  return scope.browser?.i18n ?? scope.chrome?.i18n ?? null;
}

type Args<K extends PlainKey> = [PlaceholderName<K>] extends [never] ? [] : [substitutions: Substitutions<K>];

/**
 * A note's message in the browser's language. Substitutions go by position, and every catalogue
 * numbers placeholders in the alphabetical order of their names (the catalogue test checks it).
 * Numbers here are counts under 1,000, written alike in English, Russian and Chinese, so
 * String() is enough. Without the API (a unit test with no browser) or with a message missing,
 * the key shows: a note is never empty.
 */
export function say<K extends PlainKey>(key: K, ...args: Args<K>): string {
  const [substitutions = {}] = args as [Record<string, string | number>?];
  const positional = Object.keys(substitutions)
    .sort()
    .map((name) => String(substitutions[name] ?? ''));
  return api()?.getMessage(key, positional) || key;
}
