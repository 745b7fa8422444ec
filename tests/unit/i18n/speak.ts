// Unit tests that check words in another language: read a real catalogue and have t() use it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueGetMessage } from '../../../src/i18n/format';
import { useMessageSource } from '../../../src/i18n';
import type { Catalogue } from '../../../src/i18n/keys';

export function readCatalogue(locale: string): Catalogue {
  // A path, not new URL(…, import.meta.url): for happy-dom tests (the popup's) Vite rewrites that
  // pattern into a web address of the public folder, which is no file.
  const file = resolve(dirname(fileURLToPath(import.meta.url)), `../../../public/_locales/${locale}/messages.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}

/** From now on t() reads this catalogue (or this copy of one); speak(null) goes back to English. */
export function speak(locale: string | Catalogue | null): void {
  useMessageSource(locale === null ? null : catalogueGetMessage(typeof locale === 'string' ? readCatalogue(locale) : locale));
}
