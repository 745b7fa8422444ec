import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leanCatalogue, leanCatalogues } from '../../../scripts/vite-lean-catalogues';
import { catalogueGetMessage } from '../../../src/i18n/format';
import type { Catalogue } from '../../../src/i18n/keys';

const english = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Catalogue;

describe('the catalogues bundled into code', () => {
  it('keep each message and its placeholders, and drop what only translators read', () => {
    const lean = leanCatalogue(english);
    expect(Object.keys(lean)).toEqual(Object.keys(english));
    for (const entry of Object.values(lean)) {
      expect(Object.keys(entry).filter((field) => field !== 'message' && field !== 'placeholders')).toEqual([]);
      for (const placeholder of Object.values(entry.placeholders ?? {})) expect(Object.keys(placeholder)).toEqual(['content']);
    }
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(english).length * 0.6);
  });

  it('say every message exactly as the full catalogue says it', () => {
    const full = catalogueGetMessage(english);
    const lean = catalogueGetMessage(leanCatalogue(english) as Catalogue);
    for (const name of Object.keys(english)) expect(lean(name, ['A', 'B', 'C', 'D'])).toBe(full(name, ['A', 'B', 'C', 'D']));
  });

  it('are loaded as one JSON.parse of a string, once, and other JSON is left alone', () => {
    const plugin = leanCatalogues();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const out = transform(JSON.stringify(english), '/x/public/_locales/en/messages.json');
    expect(out?.code.startsWith('export default JSON.parse(')).toBe(true);
    expect(transform(out?.code ?? '', '/x/public/_locales/en/messages.json')).toBeNull();
    expect(transform('{"a":1}', '/x/package.json')).toBeNull();
  });

  it('come as one lean string for a ?raw import, which the background parses only when it needs that language', () => {
    const plugin = leanCatalogues();
    const load = plugin.load as (id: string) => { code: string } | null;
    const file = `${process.cwd()}/public/_locales/ru/messages.json`;
    const out = load(`${file}?raw`);
    const text = JSON.parse((out?.code ?? '').replace(/^export default /, '').replace(/;$/, '')) as string;
    const russian = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
    expect(JSON.parse(text)).toEqual(leanCatalogue(russian));
    expect(load(file)).toBeNull();
  });
});
