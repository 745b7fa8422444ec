// The notes' words for content scripts. Not src/i18n/index.ts: that bundles the English catalogue
// as its fallback, which would cost every content script kilobytes (1 KB budget). Only the types
// come from src/i18n, and types cost nothing.
import type { PlaceholderName, PlainKey, Substitutions, Words } from '../../i18n/keys';

interface I18nLike {
  getMessage(name: string, substitutions?: string[]): string | undefined;
}

function api(): I18nLike | null {
  const scope = globalThis as unknown as { browser?: { i18n?: I18nLike }; chrome?: { i18n?: I18nLike } };
  return scope.browser?.i18n ?? scope.chrome?.i18n ?? null;
}

type Args<K extends PlainKey> = [PlaceholderName<K>] extends [never] ? [] : [substitutions: Substitutions<K>];

/**
 * A note's message in the page's language if its words came (useNoteWords), else the browser's.
 * Substitutions go by position, and every catalogue numbers placeholders in the alphabetical
 * order of their names (the catalogue test checks it). Numbers said here are small counts,
 * written alike in English, Russian and Chinese, so String() is enough; sayWords() writes the
 * larger ones shared code may give. Without the API (a unit test with no browser) or with a
 * message missing, the key shows: a note is never empty.
 */
export function say<K extends PlainKey>(key: K, ...args: Args<K>): string {
  const [substitutions = {}] = args as [Record<string, string | number>?];
  const positional = Object.keys(substitutions)
    .sort()
    .map((name) => String(substitutions[name] ?? ''));
  const own = pageWords?.[key];
  // Filled as getMessage fills: $1…$9 by position, $$ a dollar, in one pass.
  if (own !== undefined) return own.replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (positional[Number(what) - 1] ?? '')));
  return api()?.getMessage(key, positional) || key;
}

/**
 * Two sentences said one after the other: a space between them, none after Chinese full-width
 * punctuation (Chinese sets no space between sentences).
 */
export function sentences(first: string, second: string): string {
  return /[。！？）]$/.test(first) ? first + second : `${first} ${second}`;
}

/**
 * Words from shared code (a key and its substitutions) said as say() says them, numbers written
 * as the words' language writes them: 65,536 addresses in English, 65 536 in Russian, where a
 * comma is a decimal point. Only here, not in say(): the guards on every page say no such number,
 * and their script is the one the size budget binds most.
 */
export function sayWords(said: Words): string {
  const language = say('messagesLocale').replace('_', '-');
  const subs: Record<string, string | number> = { ...said.subs };
  for (const name in subs) {
    const value = subs[name];
    if (typeof value === 'number') subs[name] = value.toLocaleString(language === 'messagesLocale' ? 'en' : language);
  }
  return (say as (key: PlainKey, subs?: Record<string, string | number>) => string)(said.key, subs);
}

/** The notes' words in the page's language, from the background; null reads the browser's. */
let pageWords: Record<string, string> | null = null;

export function useNoteWords(words: Record<string, string> | null): void {
  pageWords = words;
}

export type NoteLanguage = 'en' | 'ru' | 'zh_CN' | 'zh_TW';

/** A language tag or URL segment ("zh-CN", "zh_cn", "ru-RU", "en-us") as a catalogue Keyward has. */
function catalogueFor(tag: string): NoteLanguage | null {
  const [language = '', region = ''] = tag.toLowerCase().split(/[-_]/);
  if (language === 'en' || language === 'ru') return language;
  // The script decides: zh-Hans/zh-Hant say it, a region implies it. Hong Kong and Macau write
  // Traditional, which reads far closer to them in Taiwan's wording than in Simplified.
  if (language === 'zh') return ['', 'cn', 'sg', 'hans'].includes(region) ? 'zh_CN' : ['tw', 'hk', 'mo', 'hant'].includes(region) ? 'zh_TW' : null;
  return null;
}

/**
 * The page's language when Keyward speaks it: the <html lang> attribute, else a locale as the
 * path's first segment (/zh-cn/apikey/, /ru/…); null when the page names none or one Keyward lacks.
 * An attribute naming another language wins over the path: the page says what it is written in.
 */
export function pageLanguage(lang: string, pathname: string): NoteLanguage | null {
  if (lang.trim() !== '') return catalogueFor(lang.trim());
  const segment = /^\/([a-z]{2}(?:[-_][a-z]{2,4})?)(?:\/|$)/i.exec(pathname)?.[1];
  return segment === undefined ? null : catalogueFor(segment);
}
