import { afterEach, describe, expect, it } from 'vitest';
import { formatEntry } from '../../../src/i18n/format';
import { catalogueLanguage, plural, t, useMessageSource } from '../../../src/i18n';
import { readCatalogue, speak } from './speak';

afterEach(() => {
  useMessageSource(null);
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('t()', () => {
  it('reads the English catalogue where no browser API exists', () => {
    expect(catalogueLanguage()).toBe('en');
    expect(t('badgeTitle', { state: 'locked' })).toBe('Keyward: locked');
  });

  it('asks the browser when it can, passing substitutions by the alphabetical order of their names', () => {
    const calls: [string, string[] | undefined][] = [];
    (globalThis as { chrome?: unknown }).chrome = {
      i18n: {
        getMessage: (name: string, substitutions?: string[]) => {
          calls.push([name, substitutions]);
          return name === 'messagesLocale' ? 'ru' : 'из браузера';
        },
      },
    };
    expect(t('listPair', { second: 'b', first: 'a' })).toBe('из браузера');
    expect(calls.at(-1)).toEqual(['listPair', ['a', 'b']]);
    expect(catalogueLanguage()).toBe('ru');
  });

  it('refuses, at compile time, a key English lacks and a missing or unknown substitution', () => {
    // @ts-expect-error: no such message in the English catalogue
    expect(t('noSuchMessage')).toBe('noSuchMessage');
    // @ts-expect-error: badgeTitle needs its state
    expect(t('badgeTitle')).toBe('Keyward: ');
    // @ts-expect-error: badgeTitle has no count
    expect(t('badgeTitle', { state: 'locked', count: 1 })).toBe('Keyward: 1');
    // @ts-expect-error: plural forms are reached through plural(), which picks one
    expect(t('dueInDays_one', { count: 1 })).toBe('in 1 day');
  });

  it('shows the key of a message the catalogue lacks, never nothing', () => {
    useMessageSource(() => '');
    expect(t('unnamedKey')).toBe('unnamedKey');
  });
});

describe('plural()', () => {
  it('picks English one and other', () => {
    expect(plural('dueInDays', 1)).toBe('in 1 day');
    expect(plural('dueInDays', 2)).toBe('in 2 days');
    expect(plural('dueInDays', 0)).toBe('in 0 days');
  });

  it('picks Russian one, few and many by the number\'s ending', () => {
    speak('ru');
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => plural('dueInDays', n))).toEqual([
      'через 1 день',
      'через 2 дня',
      'через 5 дней',
      'через 11 дней',
      'через 21 день',
      'через 22 дня',
      'через 25 дней',
    ]);
  });

  it('has one form in Chinese, and writes numbers as the catalogue\'s language does', () => {
    speak('zh_CN');
    expect(catalogueLanguage()).toBe('zh-CN');
    expect(plural('dueInDays', 1)).toBe('将在 1 天后');
    speak('ru');
    expect(plural('badgeRisky', 1500)).toBe(`${new Intl.NumberFormat('ru').format(1500)} рискованных`);
  });

  it('falls back to the other form where a catalogue lacks the one the count needs, then to the key', () => {
    const ru = readCatalogue('ru');
    delete ru.dueInDays_few;
    ru.dueInDays_other = { message: 'прочее: $COUNT$', placeholders: { count: { content: '$1' } } };
    speak(ru);
    expect(plural('dueInDays', 3)).toBe('прочее: 3');
    delete ru.dueInDays_other;
    speak(ru);
    expect(plural('dueInDays', 3)).toBe('dueInDays');
  });
});

describe('the fallback formatter', () => {
  it('fills placeholders as browsers do: names in any case, $$ a dollar, substituted values not read again', () => {
    const entry = { message: 'Pay $Amount$$$ to $WHO$', placeholders: { amount: { content: '$1' }, who: { content: '$2' } } };
    expect(formatEntry(entry, ['5', '$1 Bob'])).toBe('Pay 5$ to $1 Bob');
    expect(formatEntry(undefined, [])).toBe('');
  });
});
