import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../src/i18n/keys';
import { catalogueProblems, pluralFormsOf } from './catalogue-check';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(root(path), 'utf8'));

const LOCALES = readdirSync(root('public/_locales')).sort();
const catalogues: Record<string, Catalogue> = Object.fromEntries(LOCALES.map((locale) => [locale, read(`public/_locales/${locale}/messages.json`) as Catalogue]));

/** A deep copy to break, so each failure case starts from the real catalogues. */
const copy = (): Record<string, Catalogue> => structuredClone(catalogues);

describe('the message catalogues', () => {
  it('are English, Russian, Simplified Chinese and Traditional Chinese (Taiwan)', () => {
    expect(LOCALES).toEqual(['en', 'ru', 'zh_CN', 'zh_TW']);
  });

  it('have every message in every language, placeholders declared and used, and the plural forms each language needs', () => {
    expect(catalogueProblems(catalogues)).toEqual([]);
  });

  it('key plural forms by what Intl.PluralRules says each language needs', () => {
    expect(pluralFormsOf('en')).toEqual(['one', 'other']);
    expect(pluralFormsOf('ru')).toEqual(['few', 'many', 'one', 'other']);
    expect(pluralFormsOf('zh_CN')).toEqual(['other']);
    expect(pluralFormsOf('zh_TW')).toEqual(['other']);
  });

  it('fit the browsers\' limits for the name (45 characters) and description (132)', () => {
    for (const catalogue of Object.values(catalogues)) {
      expect(catalogue.extName?.message.length).toBeLessThanOrEqual(45);
      expect(catalogue.extDescription?.message.length).toBeLessThanOrEqual(132);
    }
  });

  it('give the manifest its default locale and every __MSG_ name it uses', () => {
    const manifest = readFileSync(root('manifest.json'), 'utf8');
    expect((JSON.parse(manifest) as { default_locale?: string }).default_locale).toBe('en');
    const used = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]);
    expect(used).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    for (const name of used) expect(Object.keys(catalogues.en ?? {})).toContain(name);
  });
});

describe('the catalogue check', () => {
  it('fails on a message missing from one language', () => {
    const broken = copy();
    delete broken.ru?.unnamedKey;
    expect(catalogueProblems(broken)).toEqual(['ru/unnamedKey: missing']);
  });

  it('fails on a plural form a language needs, and on one it does not use', () => {
    const broken = copy();
    delete broken.ru?.dueInDays_few;
    const english = broken.en ?? {};
    english.dueInDays_few = { message: 'in $COUNT$ days', placeholders: { count: { content: '$1' } } };
    expect(catalogueProblems(broken)).toEqual([
      'en/dueInDays: plural forms few, one, other, the language needs one, other',
      'ru/dueInDays: plural forms many, one, other, the language needs few, many, one, other',
    ]);
  });

  it('fails on a placeholder declared and not used, one used and not declared, and one numbered out of order', () => {
    const broken = copy();
    const ru = broken.ru ?? {};
    ru.unnamedKey = { message: 'Ключ $NAME$', placeholders: { label: { content: '$1' } } };
    ru.listPair = { message: '$FIRST$, $SECOND$', placeholders: { first: { content: '$2' }, second: { content: '$1' } } };
    expect(catalogueProblems(broken)).toEqual([
      'ru/listPair: placeholder first should be $1, is $2',
      'ru/listPair: placeholder second should be $2, is $1',
      'ru/unnamedKey: placeholder label declared but not used',
      'ru/unnamedKey: $NAME$ used but not declared',
      'ru/unnamedKey: placeholders differ from English\'s (none)',
    ]);
  });

  it('fails on names browsers refuse, an empty message and a lone dollar sign', () => {
    const broken = copy();
    const zh = broken.zh_CN ?? {};
    zh['bad-name'] = { message: 'x' };
    zh.unnamedKey = { message: ' ' };
    zh.dueToday = { message: '$5 今天' };
    expect(catalogueProblems(broken)).toEqual([
      'zh_CN/dueToday: a lone $ (write $$ for a dollar sign)',
      'zh_CN/unnamedKey: empty message',
      'zh_CN/bad-name: not a valid message name',
      'zh_CN/bad-name: not in the English catalogue',
    ]);
  });
});
