// @vitest-environment happy-dom
// The Language setting and the Settings view in another language: the select saves the choice,
// the popup speaks it at once (main.tsx draws again when the catalogue lands, as Host does here),
// and the browser's language comes back with 'auto'.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseLanguage, onLanguageChange } from '../i18n/language';
import { choosePageLanguage } from '../i18n/page-language';
import { DEFAULT_SETTINGS, type Settings as SettingsShape, type VaultStatus } from '../messages';
import { send } from '../shared/send';
import { speak } from '../../tests/unit/i18n/speak';
import { choose, popupRoot, settle } from './test-helpers';
import { Settings } from './views/Settings';

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: async () => null, requestSiteAccess: async () => false, requestApiAccess: async () => false }));

const { root, mount } = popupRoot();

const statusWith = (settings: SettingsShape): VaultStatus => ({ state: 'unlocked', retryAt: null, keyCount: 1, riskyCount: 0, settings });

/** The popup as main.tsx draws it: the Settings view, drawn again after each switch of language. */
function settingsView(initial: SettingsShape): { current: () => SettingsShape; stop: () => void } {
  let settings = initial;
  const draw = () =>
    render(
      <Settings settings={settings} onStatus={(status) => ((settings = status.settings ?? settings), draw())} onImported={() => undefined} onBack={() => undefined} />,
      root,
    );
  const stop = onLanguageChange(draw);
  void act(draw);
  return { current: () => settings, stop };
}

beforeEach(() => {
  vi.mocked(send).mockReset();
  vi.mocked(send).mockImplementation(async (type: string, payload: unknown) => {
    if (type === 'settings.update') return statusWith({ ...DEFAULT_SETTINGS, ...(payload as Partial<SettingsShape>) }) as never;
    if (type === 'sites.list') return { sites: [] } as never;
    return {} as never;
  });
});

afterEach(async () => {
  await chooseLanguage('auto', () => Promise.reject(new Error('not loaded for auto')));
  speak(null);
});

describe('the Language setting', () => {
  it("offers the browser's language and each language named in itself", async () => {
    await mount(<Settings settings={DEFAULT_SETTINGS} onStatus={() => undefined} onImported={() => undefined} onBack={() => undefined} />);
    const select = root.querySelector<HTMLSelectElement>('#set-language');
    expect(select?.value).toBe('auto');
    expect([...(select?.options ?? [])].map((option) => option.textContent)).toEqual(["Browser's language", 'English', 'Русский', '简体中文', '繁體中文']);
    expect(root.querySelector('label[for="set-language"]')?.textContent).toBe('Keyward’s language');
  });

  it('switches the view to Russian at once, and back to the browser’s language', async () => {
    const view = settingsView(DEFAULT_SETTINGS);
    await settle();
    expect(root.querySelector('#settings-title')?.textContent).toBe('Settings');

    await choose(root.querySelector('#set-language'), 'ru');
    await settle();
    await vi.waitFor(() => expect(root.querySelector('#settings-title')?.textContent).toBe('Настройки'));
    expect(vi.mocked(send)).toHaveBeenCalledWith('settings.update', { language: 'ru' });
    expect(view.current().language).toBe('ru');
    expect(root.querySelector('#prefs-title')?.textContent).toBe('Безопасность');
    expect(root.querySelector<HTMLSelectElement>('#set-language')?.value).toBe('ru');
    // The endonyms stay; the browser's language is said in Russian.
    expect([...(root.querySelector<HTMLSelectElement>('#set-language')?.options ?? [])].map((option) => option.textContent)).toEqual([
      'Язык браузера',
      'English',
      'Русский',
      '简体中文',
      '繁體中文',
    ]);
    expect(document.documentElement.lang).toBe('ru');

    await choose(root.querySelector('#set-language'), 'auto');
    await settle();
    await vi.waitFor(() => expect(root.querySelector('#settings-title')?.textContent).toBe('Settings'));
    expect(vi.mocked(send)).toHaveBeenLastCalledWith('settings.update', { language: 'auto' });
    expect(document.documentElement.lang).toBe('en');
    view.stop();
  });

  it('keeps the language when saving the choice fails', async () => {
    vi.mocked(send).mockImplementation(async (type: string) => {
      if (type === 'settings.update') throw new Error('Keyward could not save that.');
      return { sites: [] } as never;
    });
    const view = settingsView(DEFAULT_SETTINGS);
    await settle();
    await choose(root.querySelector('#set-language'), 'zh_CN');
    await settle();
    expect(root.querySelector('#settings-title')?.textContent).toBe('Settings');
    expect(root.textContent).toContain('Keyward could not save that.');
    view.stop();
  });
});

describe('the Settings view in another language', () => {
  it('speaks Russian, with its plural forms', async () => {
    speak('ru');
    await mount(<Settings settings={DEFAULT_SETTINGS} onStatus={() => undefined} onImported={() => undefined} onBack={() => undefined} />);
    const titles = [...root.querySelectorAll('h1, h2')].map((heading) => heading.textContent);
    expect(titles).toEqual(expect.arrayContaining(['Настройки', 'Безопасность', 'Уведомления', 'Язык', 'Смена мастер-пароля', 'Экспорт резервной копии', 'Импорт резервной копии']));
    expect(root.textContent).toContain('Уведомлять за 7 дней и за 1 день до того, как биржа отключит ключ');
    expect(root.textContent).toContain('Не менее 12 символов и не мастер-пароль');
  });

  it('speaks Chinese', async () => {
    await choosePageLanguage('zh_CN');
    await mount(<Settings settings={DEFAULT_SETTINGS} onStatus={() => undefined} onImported={() => undefined} onBack={() => undefined} />);
    expect(root.querySelector('#settings-title')?.textContent).toBe('设置');
    expect(root.querySelector('#export-title')?.textContent).toBe('导出备份');
    expect(root.querySelector('label[for="set-language"]')?.textContent).toBe('Keyward 的语言');
  });

  it('speaks Traditional Chinese in Taiwan’s words, not Simplified converted', async () => {
    await choosePageLanguage('zh_TW');
    await mount(<Settings settings={DEFAULT_SETTINGS} onStatus={() => undefined} onImported={() => undefined} onBack={() => undefined} />);
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(root.querySelector('#settings-title')?.textContent).toBe('設定');
    expect(root.querySelector('#export-title')?.textContent).toBe('匯出備份');
    expect(root.querySelector('label[for="set-language"]')?.textContent).toBe('Keyward 的語言');
    expect(root.textContent).toContain('在交易所停用金鑰前 7 天和 1 天通知我');
  });
});
