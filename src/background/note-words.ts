/// <reference path="./raw-imports.d.ts" />
// The catalogues, bundled into the background: the language chosen in Settings reads one of them
// (language.ts here), and the inline notes' words in a language other than the browser's come
// from them. i18n.getMessage reads only the browser's catalogue, so for a Chinese page in an
// English browser the watcher asks here. The
// catalogues are bundled at build time rather than fetched from _locales: nothing is made
// web-accessible and no CSP rule is involved; the background is not under the content-script
// size budget.
//
// Russian and Chinese (Simplified and Traditional) are bundled as text (`?raw`, made lean by
// scripts/vite-lean-catalogues.ts) and parsed the first time one is asked for: most worker starts
// need none, and parsing them at each start would delay the popup's first answer. English is the module src/i18n parses for
// t()'s fallback anyway: the same import, bundled once.
import english from '../../public/_locales/en/messages.json';
import russianText from '../../public/_locales/ru/messages.json?raw';
import chineseText from '../../public/_locales/zh_CN/messages.json?raw';
import traditionalText from '../../public/_locales/zh_TW/messages.json?raw';
import type { Catalogue } from '../i18n/keys';

export type NoteLanguage = 'en' | 'ru' | 'zh_CN' | 'zh_TW';

const TEXTS: Record<Exclude<NoteLanguage, 'en'>, string> = { ru: russianText, zh_CN: chineseText, zh_TW: traditionalText };
const parsed = new Map<NoteLanguage, Catalogue>([['en', english]]);

/** A catalogue, for the background's own words in the chosen language too (language.ts). */
export function catalogueOf(language: NoteLanguage): Catalogue {
  let catalogue = parsed.get(language);
  if (catalogue === undefined && language !== 'en') {
    catalogue = JSON.parse(TEXTS[language]) as Catalogue;
    parsed.set(language, catalogue);
  }
  return catalogue ?? english;
}

/** Only the notes' messages (named `note…`) go to the page, plus the catalogue's own name. */
const isNoteKey = (key: string): boolean => key === 'messagesLocale' || /^note[A-Z]/.test(key);

/**
 * Each note message with its $NAME$ placeholders already turned into their positions ($1…), so
 * the content script only fills $1…$9 as getMessage would, and needs no placeholder table.
 */
export function noteWords(language: NoteLanguage): Record<string, string> {
  const words: Record<string, string> = {};
  for (const [key, entry] of Object.entries(catalogueOf(language))) {
    if (!isNoteKey(key)) continue;
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
    words[key] = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  }
  return words;
}
