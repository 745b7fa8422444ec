// Unit tests that check words in another language: read a real catalogue and have t() use it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueGetMessage } from '../../../src/i18n/format';
import { useMessageSource } from '../../../src/i18n';
import type { Catalogue } from '../../../src/i18n/keys';

export function readCatalogue(locale: string): Catalogue {
  // Not new URL(…, import.meta.url): in a happy-dom test, vite rewrites that as a web asset's URL.
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/_locales', locale, 'messages.json'), 'utf8')) as Catalogue;
}

/** From now on t() reads this catalogue (or this copy of one); speak(null) goes back to English. */
export function speak(locale: string | Catalogue | null): void {
  useMessageSource(locale === null ? null : catalogueGetMessage(typeof locale === 'string' ? readCatalogue(locale) : locale));
}
