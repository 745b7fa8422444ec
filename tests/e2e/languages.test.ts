import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewKeyInput } from '../../src/core/records';
import { manualKey } from './driver/manual-key';
import { EXCHANGES } from '../../src/exchanges/registry';
import { PLATFORMS, USER_SITE_PLATFORMS } from '../../src/platforms/registry';
import { BROWSERS, type Browser, type DriverSession, type ExtensionTab, FILL_BUTTON, type Surface, type Tab, useBrowser, useFixtureServer, waitForNote, waitReady } from './driver';
import { type BrowserLocale, distPath } from './harness';

/**
 * Keyward in a Simplified Chinese, a Traditional Chinese and a Russian browser (Chromium with
 * LANGUAGE=zh_CN / zh_TW / ru and Debian's chromium-l10n; Firefox ESR with its language pack and
 * intl.locale.requested), one launch per
 * language and browser: the UI language the extension sees, the manifest's name and description,
 * the popup (create-vault view, key list, settings), the picker on a platform's bind form, and the
 * inline notes on a Chinese (HTX) and a Russian (bitexbit) exchange page, which follow the page's
 * language whatever the browser's. (An English browser on the Chinese HTX page:
 * exchange-htx.test.ts.)
 *
 * "In that language" is asserted generically: every visible line of text with letters in it, and
 * every visible element's aria-label, title and placeholder, holds a Cyrillic (ru) or Han (zh_CN, zh_TW)
 * character once the names that stay as they are (brand, exchanges, platforms, technical tokens
 * such as API Key, the test's own data) are taken out. A few exact strings come from the built
 * catalogue, looked up through the English words the English UI shows, so the test names no key.
 */

type Locale = Exclude<BrowserLocale, 'en'>;
const LOCALES: readonly Locale[] = ['zh_CN', 'zh_TW', 'ru'];
const NAMES: Record<Locale, { tag: string; language: string; script: RegExp }> = {
  zh_CN: { tag: 'zh-CN', language: 'Chinese', script: /\p{Script=Han}/u },
  zh_TW: { tag: 'zh-TW', language: 'Traditional Chinese', script: /\p{Script=Han}/u },
  ru: { tag: 'ru', language: 'Russian', script: /\p{Script=Cyrillic}/u },
};

const PASSWORD = 'languages-test-password-1';
const URL_3COMMAS = 'https://app.3commas.io/accounts/new/';
const HTX_CHINESE = 'https://www.htx.com/zh-cn/apikey/';
const BITEXBIT_RUSSIAN = 'https://www.bitexbit.com/profile/api/';
const HOSTS = ['app.3commas.io', 'www.htx.com', 'www.bitexbit.com'];

/** The test's own keys: their labels are data the user typed, shown as typed in any language. */
const OKX = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };
const BINANCE = { apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j' };
const LABELS = ['okx-bot', 'binance-main'];

function input(exchange: NewKeyInput['exchange'], label: string, creds: { apiKey: string; secret: string; passphrase?: string }, withdraw: boolean, ips: string[]): { input: NewKeyInput } {
  return { input: manualKey(exchange, label, creds, { withdraw, ips }) };
}

// ---------------------------------------------------------------------------------------------
// What may stay Latin in a Chinese or Russian UI.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Names kept as they are in every language (the brief's rule: brand, exchange and platform names;
 * technical tokens users meet on the exchanges' own Chinese and Russian pages; language names
 * written in their own language, as a language menu lists them), and the test's data.
 */
const KEPT_WORDS = [
  'Keyward',
  ...EXCHANGES.map((exchange) => exchange.name),
  ...[...PLATFORMS, ...USER_SITE_PLATFORMS].map((platform) => platform.name).filter((name) => name !== 'Other site'),
  'API Keys', 'API Key', 'Secret Key', 'Access Key', 'Private Key', 'Passphrase', 'API', 'IPv4', 'IPv6', 'IPs', 'IP',
  'HTTPS', 'https', 'http', 'URL', 'JSON', '2FA', 'UID', 'ID',
  'English', 'Русский', '简体中文', '繁體中文', '中文',
  ...LABELS,
];
const KEPT = [
  // Addresses and host names (app.3commas.io, https://www.htx.com/…), before the words they contain.
  /\b(?:https?:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?/gi,
  // The end of an API key as the UI shows it ("…1a93"), and other hex runs.
  /…[\w-]+/g,
  /\b[0-9a-f]*\d[0-9a-f]*\b/gi,
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...KEPT_WORDS].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
];

/**
 * A line's sentences and clauses: after ASCII punctuation and a space ("IP: любой", not
 * "203.0.113.7" or "01:40"), or after Chinese full-width punctuation. Judged one by one, so an
 * English sentence glued to a translated one ("未设置 IP 白名单：… HTX deactivates a key …") is seen.
 */
const CLAUSE_END = /(?<=[.!?;:])\s+|(?<=[。！？；：])/u;

/**
 * The clauses, of these lines, that are neither in the locale's script nor only names and tokens
 * kept as they are.
 */
function notInLanguage(lines: readonly string[], locale: Locale): string[] {
  const { script } = NAMES[locale];
  const clauses = lines.flatMap((line) => line.split(CLAUSE_END).map((clause) => clause.trim()));
  return clauses.filter((clause) => {
    if (script.test(clause)) return false;
    const rest = KEPT.reduce((text, pattern) => text.replace(pattern, ' '), clause);
    return /\p{L}/u.test(rest);
  });
}

/** Every visible line of text in the document, and the visible elements' aria-label, title and placeholder. */
function visibleWords(): string[] {
  const lines = document.body.innerText.split('\n');
  const named: string[] = [];
  for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!element.checkVisibility()) continue;
    for (const attribute of ['aria-label', 'title', 'placeholder']) {
      const value = element.getAttribute(attribute);
      if (value !== null) named.push(value);
    }
  }
  return [...lines, ...named].map((line) => line.trim()).filter((line) => line !== '');
}

async function expectInLanguage(surface: Surface, locale: Locale, where: string): Promise<string> {
  const lines = await surface.evaluate(visibleWords);
  expect(lines.length, `${where} shows no text`).toBeGreaterThan(0);
  expect(notInLanguage(lines, locale), `${where}: lines not in ${NAMES[locale].language}`).toEqual([]);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The built catalogues, and what the browser tells the extension.

/** The few extension APIs read here: `browser` in Firefox's pages, `chrome` in Chromium's. */
interface ExtensionApi {
  i18n: { getUILanguage(): string };
  management: { getSelf(): Promise<{ name: string; description: string }> };
  runtime: { getManifest(): { description?: string } };
  action: { getTitle(details: Record<string, never>): Promise<string> };
}
type ExtensionGlobals = { browser?: ExtensionApi; chrome?: ExtensionApi };

type Catalogue = Record<string, { message: string }>;

function catalogue(browser: Browser, locale: BrowserLocale): Catalogue {
  const dist = distPath(browser === 'chromium' ? 'chrome' : 'firefox');
  return JSON.parse(readFileSync(join(dist, '_locales', locale, 'messages.json'), 'utf8')) as Catalogue;
}

/**
 * What the locale's catalogue says where English says `english` (the message of one or more
 * keys): the test finds strings through the words the English UI shows, so it names no key.
 */
function translationsOf(browser: Browser, locale: Locale, english: string): string[] {
  const en = catalogue(browser, 'en');
  const keys = Object.keys(en).filter((key) => en[key]?.message === english);
  if (keys.length === 0) throw new Error(`no message of the built English catalogue says "${english}": it is not in _locales yet`);
  const theirs = catalogue(browser, locale);
  return keys.map((key) => theirs[key]?.message ?? `(${locale} lacks ${key})`);
}

/** The text shows the locale's words for each of these English strings. */
function expectSays(browser: Browser, locale: Locale, text: string, english: readonly string[]): void {
  for (const words of english) {
    const translations = translationsOf(browser, locale, words);
    expect(
      translations.some((translation) => text.includes(translation)),
      `shows ${JSON.stringify(translations)} for "${words}"`,
    ).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------

it('the language check flags English and passes names, tokens and the locale script', () => {
  expect(notInLanguage(['Keyward', 'OKX · okx-bot · …1a93', 'API Key', 'app.3commas.io', '203.0.113.7', '创建保险库', 'Binance 密钥', '3Commas'], 'zh_CN')).toEqual([]);
  expect(notInLanguage(['Create vault', 'OKX selected', 'Создать хранилище'], 'zh_CN')).toEqual(['Create vault', 'OKX selected', 'Создать хранилище']);
  expect(notInLanguage(['Создать хранилище', 'Secret Key', 'English', 'Into app.3commas.io (3Commas)'], 'ru')).toEqual(['Into app.3commas.io (3Commas)']);
  // A sentence left in English beside a translated one, and the ends of lines that are not sentences.
  expect(notInLanguage(['Keyward:未设置 IP 白名单：任何人都可以使用它。 HTX deactivates a key after 90 days.', '2026年11月26日 01:40', 'Keyward: Нет белого списка IP: любой адрес.'], 'zh_CN')).toEqual([
    'HTX deactivates a key after 90 days.',
    'Нет белого списка IP:',
    'любой адрес.',
  ]);
  expect(notInLanguage(['Keyward: Нет белого списка IP: любой адрес. Check it.', 'Adresse 203.0.113.7'], 'ru')).toEqual(['Check it.', 'Adresse 203.0.113.7']);
});

const fixtures = useFixtureServer();

const CASES = BROWSERS.flatMap((browser) => LOCALES.map((locale) => [NAMES[locale].language, browser, locale] as const));

describe.each(CASES)('a %s browser: %s', (language, browser, locale) => {
  const use = useBrowser(browser, () => ({ hosts: HOSTS, server: fixtures.server, locale }));
  const { tag, script } = NAMES[locale];
  let session: DriverSession;
  let popup: ExtensionTab;

  beforeAll(() => {
    ({ session, popup } = use);
  });

  it(`gives the extension ${tag} as the UI language, and the manifest's name and description in ${language}`, async () => {
    const mine = catalogue(browser, locale);
    const english = catalogue(browser, 'en');
    const seen = await popup.evaluate(async () => {
      const scope = globalThis as unknown as ExtensionGlobals;
      const api = scope.browser ?? scope.chrome;
      if (api === undefined) throw new Error('not an extension page');
      const self = await api.management.getSelf();
      return { ui: api.i18n.getUILanguage(), name: self.name, description: self.description, manifest: api.runtime.getManifest().description ?? '' };
    });
    expect(seen.ui).toBe(tag);
    expect(seen.name).toBe(mine.extName?.message);
    expect(seen.description).toBe(mine.extDescription?.message);
    expect(seen.manifest).toBe(mine.extDescription?.message);
    expect(seen.description).not.toBe(english.extDescription?.message);
    expect(seen.description).toMatch(script);
    if (session.browser === 'chromium') {
      // The background, where the badge's words are chosen, sees the same language.
      const worker = await session.harness.serviceWorker();
      expect(await worker.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome?.i18n.getUILanguage())).toBe(tag);
    }
    // The toolbar button's title, which the background sets from the vault's state ("no vault yet").
    await expect
      .poll(() => popup.evaluate(() => {
        const scope = globalThis as unknown as ExtensionGlobals;
        return (scope.browser ?? scope.chrome)?.action.getTitle({});
      }), { timeout: 10_000 })
      .toMatch(script);
  });

  it(`shows the popup's create-vault view in ${language}`, async () => {
    await waitReady(popup, 'create');
    const text = await expectInLanguage(popup, locale, 'create-vault view');
    expectSays(browser, locale, text, ['Create vault', 'Master password']);
  });

  it(`shows the popup's key list in ${language}`, async () => {
    // Driven by what does not depend on the language: the fields' ids, the form's submit button.
    await waitReady(popup, 'create');
    await popup.fill({ css: '#create-password' }, PASSWORD);
    await popup.fill({ css: '#create-confirm' }, PASSWORD);
    await popup.click({ css: 'button[type="submit"]' });
    await waitReady(popup, 'list');
    await popup.call('keys.add', input('okx', 'okx-bot', OKX, true, []));
    await popup.call('keys.add', input('binance', 'binance-main', BINANCE, false, ['203.0.113.7']));
    await popup.reload();
    await waitReady(popup, 'list');
    await popup.waitFor({ text: 'binance-main' });
    const list = await expectInLanguage(popup, locale, 'key list');
    expectSays(browser, locale, list, ['Add key']);
  });

  it(`shows the popup's settings in ${language}`, async () => {
    // From the key list, by the topbar's gear, its first icon button (its name is what is translated).
    await waitReady(popup, 'list');
    await popup.click({ css: '.topbar-actions .btn-icon', nth: 0 });
    await waitReady(popup, 'settings');
    const settings = await expectInLanguage(popup, locale, 'settings');
    expectSays(browser, locale, settings, ['Settings']);
  });

  it(`shows the picker on 3Commas' bind form in ${language}`, async () => {
    const page: Tab = await session.openPage(URL_3COMMAS);
    // The platform's own page is English: its words are the page's, not Keyward's.
    await page.click({ role: 'combobox' });
    await page.click({ role: 'option', name: 'OKX' });
    await page.waitFor({ css: FILL_BUTTON });
    const picker = await session.openPicker(page);
    await picker.waitFor({ role: 'button', name: /okx-bot/ });
    const text = await expectInLanguage(picker, locale, 'picker');
    expectSays(browser, locale, text, ['Fill from Keyward', 'Withdraw on']);
    await page.close();
  });

  // The Chinese page in Chinese, the Russian one in Russian, in either browser: the page's language wins.
  const exchangePages = new Map<'htx' | 'bitexbit', Tab>();

  it('speaks Chinese on the Chinese HTX page and Russian on the Russian bitexbit page, whatever the browser speaks', async () => {
    const zh = catalogue(browser, 'zh_CN');
    const ru = catalogue(browser, 'ru');
    const note = (message: string | undefined) => new RegExp(escape(message ?? '(missing)'));

    const htx = await session.openPage(HTX_CHINESE);
    exchangePages.set('htx', htx);
    await waitForNote(htx, note(zh.noteIpEmpty?.message), 'status');
    await waitForNote(htx, note(zh.noteRowWithdrawOn?.message));

    const bitexbit = await session.openPage(BITEXBIT_RUSSIAN);
    exchangePages.set('bitexbit', bitexbit);
    await waitForNote(bitexbit, note(ru.noteRowWithdrawOn?.message));
    await bitexbit.click({ role: 'button', name: 'Добавить API ключ' });
    await bitexbit.click({ text: 'Может выводить' });
    await waitForNote(bitexbit, note(ru.noteWithdrawOn?.message), 'alert');
    await waitForNote(bitexbit, note(ru.noteIpEmpty?.message), 'status');
  });

  it('says every note on those pages in the page\'s language', async () => {
    const wrong: Record<string, string[]> = {};
    for (const [id, locale, other] of [['htx', 'zh_CN', 'ru'], ['bitexbit', 'ru', 'zh_CN']] as const) {
      const page = exchangePages.get(id);
      if (page === undefined) throw new Error(`the ${id} page did not open`);
      const notes = (await page.notes()).map((n) => n.text);
      expect(notes.length, `notes on the ${id} page`).toBeGreaterThan(0);
      // Both pages first, then one assertion: a failure lists every note in the wrong language.
      wrong[`${id}: not in ${NAMES[locale].language}`] = notInLanguage(notes, locale);
      wrong[`${id}: in ${NAMES[other].language}`] = notes.filter((text) => NAMES[other].script.test(text));
      await page.close();
    }
    expect(wrong).toEqual(Object.fromEntries(Object.keys(wrong).map((what) => [what, []])));
  });
});
