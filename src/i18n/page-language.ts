// The language of the extension pages (popup, picker): the choice read from storage.local, the
// chosen catalogue loaded as a code-split chunk, so the popup's first load carries only English
// (already its fallback) and a Russian or Chinese (Simplified or Traditional) choice costs one chunk from the package
// (script-src 'self' allows it). Not for the service worker, which may not import(). The page's
// start (reading the stored choice) is page-start.ts, apart: it needs the browser's storage API.
import english from '../../public/_locales/en/messages.json';
import { chooseLanguage } from './language';
import type { Catalogue } from './keys';
import type { Language, LanguageChoice } from './languages';

/**
 * One chunk per other catalogue. English is imported statically: index.ts bundles it already as
 * the fallback, and an import() of it would make the bundler add a table of all its messages
 * as named exports to the page's first load.
 */
export async function loadCatalogue(language: Language): Promise<Catalogue> {
  if (language === 'en') return english as Catalogue;
  // One literal import() per catalogue: the bundler makes a chunk only for paths it can read.
  const loaded =
    language === 'ru'
      ? await import('../../public/_locales/ru/messages.json')
      : language === 'zh_CN'
        ? await import('../../public/_locales/zh_CN/messages.json')
        : await import('../../public/_locales/zh_TW/messages.json');
  return loaded.default as Catalogue;
}

/** The page speaks `choice` from now on (the Settings select calls this after saving it). */
export function choosePageLanguage(choice: LanguageChoice): Promise<void> {
  return chooseLanguage(choice, loadCatalogue);
}
