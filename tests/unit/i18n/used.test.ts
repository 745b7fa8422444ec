// The other half of "no string outside _locales": no message in _locales that nothing says. A
// message left behind when its code changed would still be translated and reviewed for nothing,
// and would hide which words the product really shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLURAL_CATEGORIES } from '../../../src/i18n/keys';
import { shippedSources } from './hard-coded';
import { readCatalogue } from './speak';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pluralSuffix = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);

/** Each message's name (a plural message's base) that the shipped code or the manifest never writes as a whole string. */
function unsaid(names: readonly string[], code: string): string[] {
  const bases = [...new Set(names.map((name) => name.replace(pluralSuffix, '')))];
  return bases.filter((base) => !['\'', '"', '`'].some((quote) => code.includes(`${quote}${base}${quote}`)) && !code.includes(`__MSG_${base}__`));
}

describe('every message in the catalogues', () => {
  it('is said somewhere: named in the shipped source or the manifest', () => {
    const code = [...shippedSources(root), 'manifest.json'].map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
    expect(unsaid(Object.keys(readCatalogue('en')), code)).toEqual([]);
  });

  it('is found unsaid when nothing names it', () => {
    expect(unsaid(['listTitle', 'keyCount_one', 'keyCount_other', 'extName'], "t('listTitle'); plural(\"keyCount\", 2); \"__MSG_extName__\"")).toEqual([]);
    expect(unsaid(['listTitle', 'listTitleOld', 'gone_one', 'gone_other'], "t('listTitle')")).toEqual(['listTitleOld', 'gone']);
  });
});
