import { describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionTab, FILL_BUTTON, POPUP, createVault, useBrowser, useFixtureServer, waitReady } from './driver';
import { manualKey } from './driver/manual-key';

/**
 * The language override in Settings, in each browser: Русский chosen in the popup, the Settings
 * view speaks Russian at once, the popup opened again speaks it from its first frame, the toolbar
 * button's title follows; "Язык браузера" brings the browser's language (English here) back.
 */

const PASSWORD = 'language-test-password';

/**
 * Run in the page: whether the toolbar button's title is English (`english`, as it was before the
 * switch) or, for `russian`, a different title in Cyrillic. Self-contained: it is serialised.
 */
function titleSays(expected: { english: string; russian: boolean }): Promise<boolean> {
  type Action = { getTitle(details: Record<string, never>): Promise<string> };
  const scope = globalThis as unknown as { browser?: { action: Action }; chrome?: { action: Action } };
  const action = scope.browser?.action ?? scope.chrome?.action;
  if (!action) return Promise.resolve(false);
  return action.getTitle({}).then((title) => (expected.russian ? title !== expected.english && /[а-яё]/i.test(title) : title === expected.english));
}

/** The toolbar button's title, as the background set it. */
function toolbarTitle(page: ExtensionTab): Promise<string> {
  return page.evaluate(() => {
    type Action = { getTitle(details: Record<string, never>): Promise<string> };
    const scope = globalThis as unknown as { browser?: { action: Action }; chrome?: { action: Action } };
    return (scope.browser ?? scope.chrome)?.action.getTitle({}) ?? Promise.resolve('');
  });
}

const htmlLang = (page: ExtensionTab) => page.evaluate(() => document.documentElement.lang);

describe.each(BROWSERS)('the language override in %s', (browser) => {
  const use = useBrowser(browser);

  it('speaks Russian once Русский is chosen in Settings, at once and after reopening, and English again with the browser’s language', async () => {
    const { session, popup } = use;
    await createVault(popup, PASSWORD);
    const englishTitle = await toolbarTitle(popup);
    expect(englishTitle).toMatch(/^Keyward/);

    await popup.click({ role: 'button', name: 'Settings' });
    await waitReady(popup, 'settings');
    await popup.waitFor({ role: 'heading', name: 'Settings' });
    await popup.select({ label: 'Keyward’s language' }, 'Русский');
    // The view in front changes without reopening, the choice it just made still shown.
    await popup.waitFor({ role: 'heading', name: 'Настройки' });
    await popup.waitFor({ role: 'heading', name: 'Безопасность' });
    expect(await popup.value({ label: 'Язык Keyward' })).toBe('ru');
    expect(await htmlLang(popup)).toBe('ru');
    await popup.waitUntil(titleSays, { english: englishTitle, russian: true });

    // Opened again: Russian from the start, read from storage without asking the background.
    await popup.close();
    const again = await session.openExtensionPage(POPUP);
    await waitReady(again, 'list');
    expect(await htmlLang(again)).toBe('ru');
    await again.click({ role: 'button', name: 'Настройки' });
    await waitReady(again, 'settings');
    await again.waitFor({ role: 'heading', name: 'Настройки' });
    expect(await again.value({ label: 'Язык Keyward' })).toBe('ru');

    await again.select({ label: 'Язык Keyward' }, 'Язык браузера');
    await again.waitFor({ role: 'heading', name: 'Settings' });
    expect(await again.value({ label: 'Keyward’s language' })).toBe('auto');
    expect(await htmlLang(again)).toBe('en');
    await again.waitUntil(titleSays, { english: englishTitle, russian: false });

    // And the browser's language stays when the popup opens again.
    await again.close();
    const third = await session.openExtensionPage(POPUP);
    await waitReady(third, 'list');
    expect(await htmlLang(third)).toBe('en');
  });
});

const fixtures = useFixtureServer();

describe.each(BROWSERS)('the picker in the chosen language in %s', (browser) => {
  const use = useBrowser(browser, () => ({ hosts: ['app.3commas.io'], server: fixtures.server }));

  it('speaks Russian, framed or in its window, and still fills', async () => {
    const { session, popup } = use;
    await createVault(popup, PASSWORD);
    const okx = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };
    await popup.call('keys.add', { input: manualKey('okx', 'okx bot', okx) });
    await popup.call('settings.update', { language: 'ru' });

    const page = await session.openPage('https://app.3commas.io/accounts/new/');
    await page.click({ role: 'combobox' });
    await page.click({ role: 'option', name: 'OKX' });
    await page.waitFor({ css: FILL_BUTTON });
    const picker = await session.openPicker(page);
    expect(picker.kind).toBe(browser === 'chromium' ? 'frame' : 'window');
    // Hidden until its language is known, then shown: the framed picker's visibility check passes.
    await picker.waitFor({ role: 'heading', name: 'Заполнить из Keyward' });
    expect(await picker.text()).toContain('Куда: app.3commas.io (3Commas), выбрана биржа OKX');
    expect(await picker.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      'ru',
      picker.kind === 'window' ? 'Keyward: выберите ключ' : 'Выбор ключа Keyward',
    ]);
    await picker.click({ role: 'button', name: /okx bot/ });
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll('input')].map((i) => i.value)), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([okx.apiKey, okx.secret, okx.passphrase]));
  });
});
