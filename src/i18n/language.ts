// The language the user chose in Settings, for t() and plural(): 'auto' reads the browser's
// catalogue through i18n.getMessage; another choice reads that catalogue, filled as browsers fill
// it (format.ts). How the catalogue arrives is the caller's: the popup and picker load it as a
// code-split chunk (page-language.ts), the service worker, which may not import(), has all four
// bundled (background/note-words.ts).
import english from '../../public/_locales/en/messages.json';
import { catalogueGetMessage } from './format';
import { catalogueLanguage, useMessageSource } from './index';
import type { Catalogue } from './keys';
import type { Language, LanguageChoice } from './languages';

export type CatalogueLoader = (language: Language) => Catalogue | Promise<Catalogue>;

interface I18nLike {
  getMessage(name: string): string | undefined;
}

/** The catalogue the browser itself reads ('en' for a Japanese browser), null without the API. */
export function browserCatalogue(): string | null {
  const scope = globalThis as unknown as { browser?: { i18n?: I18nLike }; chrome?: { i18n?: I18nLike } };
  const api = scope.browser?.i18n ?? scope.chrome?.i18n;
  return api?.getMessage('messagesLocale') || null;
}

/** Bundled already with index.ts, its fallback: a message a catalogue lacks reads in English, as browsers do. */
const englishGetMessage = catalogueGetMessage(english as Catalogue);

let turn = 0;
/** The catalogue chosen over the browser's, null for the browser's own. */
let speaking: Language | null = null;
const listeners = new Set<() => void>();

/** Called after each switch to another language (the pages draw again); returns the unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * From now on t() and plural() speak `choice`. The browser's own catalogue needs no loading, so
 * 'auto', or the language the browser reads anyway, switches at once. When choices overlap (a
 * quick change back while a catalogue loads), the last one wins. A catalogue that fails to load
 * leaves the language as it was.
 */
export async function chooseLanguage(choice: LanguageChoice, load: CatalogueLoader): Promise<void> {
  const mine = ++turn;
  const language = choice === 'auto' || choice === browserCatalogue() ? null : choice;
  let catalogue: Catalogue | null = null;
  if (language !== null) {
    try {
      catalogue = await load(language);
    } catch {
      return;
    }
  }
  if (mine !== turn) return;
  if (catalogue === null) useMessageSource(null);
  else {
    const chosen = catalogueGetMessage(catalogue);
    useMessageSource((name, substitutions) => chosen(name, substitutions) || englishGetMessage(name, substitutions));
  }
  // Screen readers, hyphenation and the font's CJK forms follow <html lang>.
  // globalThis: the service worker has no document, and its tsconfig knows none.
  const page = (globalThis as { document?: { documentElement: { lang: string } } }).document;
  if (page) page.documentElement.lang = catalogueLanguage();
  // The pages draw again only for a change: the usual 'auto' at a popup's start redraws nothing.
  const changed = language !== speaking;
  speaking = language;
  if (changed) for (const listener of listeners) listener();
}
