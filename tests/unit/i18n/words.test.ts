import { afterEach, describe, expect, it } from 'vitest';
import { tWords, useMessageSource, words } from '../../../src/i18n';
import { sayWords } from '../../../src/content/ui/words';
import { speak } from './speak';

afterEach(() => {
  useMessageSource(null);
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('Words: a message from code that does not choose the language', () => {
  it('is said by tWords in the catalogue t() reads', () => {
    const said = words('noticeTitleExpires', { exchange: 'HTX', when: 'today' });
    expect(tWords(said)).toBe('HTX key expires today');
    speak('ru');
    expect(tWords(said)).toBe('Срок действия ключа HTX истекает today');
    expect(tWords(words('unnamedKey'))).toBe('Ключ без названия');
  });

  it('is said by sayWords through the browser, substitutions by their names’ alphabetical order', () => {
    const calls: [string, string[] | undefined][] = [];
    (globalThis as { chrome?: unknown }).chrome = {
      i18n: {
        getMessage: (name: string, substitutions?: string[]) => {
          calls.push([name, substitutions]);
          return `<${name}>`;
        },
      },
    };
    expect(sayWords(words('noticeTitleExpires', { when: 'today', exchange: 'HTX' }))).toBe('<noticeTitleExpires>');
    expect(calls.at(-1)).toEqual(['noticeTitleExpires', ['HTX', 'today']]);
    expect(sayWords(words('unnamedKey'))).toBe('<unnamedKey>');
  });

  it('refuses, at compile time, an unknown key and a wrong substitution', () => {
    // @ts-expect-error: no such message
    words('noSuchMessage');
    // @ts-expect-error: noticeTitleExpires needs its exchange and when
    words('noticeTitleExpires');
    // @ts-expect-error: unnamedKey takes no substitution
    words('unnamedKey', { count: 1 });
    expect(true).toBe(true);
  });
});
