// The extension pages' start in the chosen language: the choice read from storage.local in
// parallel with the first render (page-language.ts loads its catalogue).
import browser from 'webextension-polyfill';
import { oneOf } from '../core/schema';
import { SETTINGS_STORAGE_KEY } from '../protocol/settings';
import { LANGUAGE_CHOICES, type LanguageChoice } from './languages';
import { choosePageLanguage } from './page-language';

const CHOICE = oneOf(LANGUAGE_CHOICES);

/**
 * The stored choice, read directly (settings are not secret, and the service worker may be
 * stopped: asking it would wait for its start). A missing or unknown value is 'auto', as the
 * background reads it (background/settings.ts).
 */
export async function storedLanguage(): Promise<LanguageChoice> {
  const stored: unknown = (await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY];
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>).language : undefined;
  const parsed = CHOICE.parse(value);
  return parsed.ok ? parsed.value : 'auto';
}

/** How long a page stays hidden at most while its language loads: past this, show it anyway. */
const HIDDEN_AT_MOST_MS = 300;

/**
 * Started before the page's first render, in parallel with it: the page renders at once, hidden,
 * and shows when its language is known (and, if not the browser's, loaded), so it never flashes
 * the browser's language first. The storage read takes a few milliseconds; the cap keeps a slow
 * disk from holding the page back.
 */
export function startPageLanguage(root: HTMLElement): void {
  root.style.visibility = 'hidden';
  const show = () => root.style.removeProperty('visibility');
  const timer = setTimeout(show, HIDDEN_AT_MOST_MS);
  void storedLanguage()
    .then(choosePageLanguage)
    .catch(() => undefined)
    .finally(() => {
      clearTimeout(timer);
      show();
    });
}
