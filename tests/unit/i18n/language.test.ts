// @vitest-environment happy-dom
// The language chosen in Settings: t() reads that catalogue, 'auto' the browser's (here, with no
// browser API, English), and a later choice always wins over one still loading.
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueLanguage, plural, t } from '../../../src/i18n';
import { chooseLanguage, onLanguageChange } from '../../../src/i18n/language';
import type { Catalogue } from '../../../src/i18n/keys';
import type { Language } from '../../../src/i18n/languages';
import { loadCatalogue } from '../../../src/i18n/page-language';
import { readCatalogue, speak } from './speak';

const bundled = (language: Language): Catalogue => readCatalogue(language);

afterEach(async () => {
  await chooseLanguage('auto', bundled);
  speak(null);
});

describe('the chosen language', () => {
  it('speaks the chosen catalogue, its plural forms and numbers, and sets <html lang>', async () => {
    await chooseLanguage('ru', bundled);
    expect(t('settingsTitle')).toBe('Настройки');
    expect(plural('settingsRotationSaved', 5)).toBe('Keyward напомнит о замене ключей старше 5 дней.');
    expect(catalogueLanguage()).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    await chooseLanguage('zh_CN', bundled);
    expect(t('settingsTitle')).toBe('设置');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it("goes back to the browser's language with 'auto'", async () => {
    await chooseLanguage('zh_CN', bundled);
    await chooseLanguage('auto', bundled);
    expect(t('settingsTitle')).toBe('Settings');
    expect(document.documentElement.lang).toBe('en');
  });

  it('lets the last choice win when an earlier one is still loading', async () => {
    let release: () => void = () => undefined;
    const slow = (language: Language) =>
      new Promise<Catalogue>((resolve) => {
        release = () => resolve(bundled(language));
      });
    const first = chooseLanguage('ru', slow);
    await chooseLanguage('auto', bundled);
    release();
    await first;
    expect(t('settingsTitle')).toBe('Settings');
  });

  it('keeps the language when a catalogue fails to load', async () => {
    await chooseLanguage('ru', bundled);
    await chooseLanguage('zh_CN', () => Promise.reject(new Error('chunk missing')));
    expect(t('settingsTitle')).toBe('Настройки');
  });

  it('reads English for a message the chosen catalogue lacks, as browsers do', async () => {
    const partial = { ...bundled('ru') };
    delete partial.settingsSave;
    await chooseLanguage('ru', () => partial);
    expect(t('settingsSave')).toBe('Save');
    expect(t('settingsTitle')).toBe('Настройки');
  });

  it('tells the pages after each switch, so they draw again, and only then', async () => {
    const heard: string[] = [];
    const stop = onLanguageChange(() => heard.push(t('settingsTitle')));
    // A popup's usual start: the browser's language, already spoken, so nothing to draw again.
    await chooseLanguage('auto', bundled);
    await chooseLanguage('ru', bundled);
    await chooseLanguage('ru', bundled);
    await chooseLanguage('auto', bundled);
    stop();
    await chooseLanguage('zh_CN', bundled);
    expect(heard).toEqual(['Настройки', 'Settings']);
  });

  it("loads the pages' catalogues as modules (code-split chunks in the build)", async () => {
    for (const language of ['en', 'ru', 'zh_CN', 'zh_TW'] as const) {
      expect((await loadCatalogue(language)).messagesLocale?.message).toBe(language);
    }
  });
});
