// The background's words (the toolbar title, expiry notices, error messages) in the language
// chosen in Settings. The service worker may not import(), so the catalogues are bundled
// (note-words.ts holds them for the notes already); the choice applies at the worker's start
// and at every change.
import { chooseLanguage } from '../i18n/language';
import type { LanguageChoice } from '../i18n/languages';
import { catalogueOf } from './note-words';

export function useChosenLanguage(choice: LanguageChoice): Promise<void> {
  return chooseLanguage(choice, (language) => catalogueOf(language));
}
