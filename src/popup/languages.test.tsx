// @vitest-environment happy-dom
// The first-run, unlock and key-list views, and the popup's top bar, in Russian and Chinese: every
// line a user sees or a screen reader says comes from the catalogue, so a string left in English
// in these views fails here (English itself is what the other popup tests read).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { speak } from '../../tests/unit/i18n/speak';
import type { VaultStatus } from '../messages';
import { send } from '../shared/send';
import { App, namePage } from './App';
import type { KeyChecks } from './key-checks';
import { button, keyListProps, makeKey, popupRoot, settle, typeInto } from './test-helpers';
import { CreateVault } from './views/CreateVault';
import { KeyList } from './views/KeyList';
import { Unlock } from './views/Unlock';

vi.mock('../shared/send', () => ({ send: vi.fn() }));
vi.mock('./browser-access', () => ({ activeTabId: vi.fn(async () => null), requestSiteAccess: vi.fn(async () => false), requestApiAccess: vi.fn(async () => false) }));
const sendMock = vi.mocked(send);

/** Words that stay as they are in every language: the brand, exchanges, technical tokens. */
const KEPT = /\b(?:Keyward|HTX|OKX|Binance|API|Esc)\b/g;

/** The script each language is written in; a line with letters and none of these is untranslated. */
const SCRIPT: Record<string, RegExp> = { ru: /\p{Script=Cyrillic}/u, zh_CN: /\p{Script=Han}/u };

/** Every text a user sees or a screen reader says in `root`: text nodes, and the attributes that name or explain. */
function sayings(root: Element): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node.textContent ?? '');
  for (const el of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(name);
      if (value !== null) found.push(value);
    }
  }
  return found.map((text) => text.trim()).filter((text) => text !== '');
}

/** The lines with Latin letters (brands and tokens aside) and nothing in the language's own script. */
function untranslated(root: Element, locale: string, allowed: readonly string[] = []): string[] {
  const script = SCRIPT[locale];
  if (script === undefined) throw new Error(`no script for ${locale}`);
  return sayings(root).filter((text) => !allowed.includes(text) && /[A-Za-z]/.test(text.replace(KEPT, '')) && !script.test(text));
}

const { root, mount } = popupRoot();

beforeEach(() => {
  sendMock.mockReset();
});
afterEach(() => {
  speak(null);
});

const lockedIn = (seconds: number) => Date.now() + seconds * 1000;

/** Keys for the list: named in the language under test, unnamed, retired, captured while locked, and a tampered record. */
function keysFor(label: string) {
  return [
    makeKey({ id: 'k1', label }),
    makeKey({ id: 'k2', exchange: 'okx', retired: { at: Date.now(), successorId: 'k1' } }),
    makeKey({ id: 'k3', exchange: 'binance', capturedWhileLocked: { at: Date.now() - 3600_000, page: 'www.binance.com/en/my/settings/api-management' } }),
    makeKey({ id: 'k4', exchange: 'binance', damaged: 'mac', createdAt: Date.now() - 400 * 86_400_000 }),
  ];
}

/** A Check all that is waiting for the browser's permission to reach two exchange APIs. */
function waitingChecks(): KeyChecks {
  return {
    checks: {},
    record: vi.fn(),
    forget: vi.fn(),
    clear: vi.fn(),
    checkAll: vi.fn(async () => undefined),
    progress: null,
    error: null,
    waiting: { origins: ['https://api.htx.com/*', 'https://www.okx.com/*'], ids: ['k1', 'k2', 'k3'] },
    allowWaiting: vi.fn(async () => undefined),
  };
}

const CASES = [
  {
    locale: 'ru',
    label: 'торговый бот',
    create: { title: 'Создайте хранилище Keyward', short: 'Пароль слишком короткий (нужно ещё 5 символов)', error: 'Пароль должен содержать не менее 8 символов.' },
    unlock: { title: 'Keyward заблокирован', wait: 'Подождите 25 с', show: 'Показать пароль' },
    list: { summary: '4 ключа', group: '2 ключа', shown: '0 из 4 ключей', noMatch: 'Нет ключей по запросу «xyz».', age: 'создан 3 дня назад' },
    topbar: { lock: 'Заблокировать', settings: 'Настройки' },
    lang: 'ru',
  },
  {
    locale: 'zh_CN',
    label: '网格机器人',
    create: { title: '创建您的 Keyward 保险库', short: '强度：太短（还需 5 个字符）', error: '密码至少需要 8 个字符。' },
    unlock: { title: 'Keyward 已锁定', wait: '请等待 25 秒', show: '显示密码' },
    list: { summary: '4 个密钥', group: '2 个密钥', shown: '显示 0 个，共 4 个密钥', noMatch: '没有与“xyz”匹配的密钥。', age: '3 天前' },
    topbar: { lock: '锁定', settings: '设置' },
    lang: 'zh-CN',
  },
] as const;

describe.each(CASES)('the popup in $locale', (c) => {
  beforeEach(() => {
    speak(c.locale);
  });

  it('speaks it on first run: heading, hints, strength, errors and the Show button', async () => {
    await mount(<CreateVault onCreated={vi.fn()} />);
    expect(root.querySelector('h1')?.textContent).toBe(c.create.title);
    expect(untranslated(root, c.locale)).toEqual([]);

    await typeInto(root.querySelector('#create-password'), 'abc');
    expect(root.querySelector('#create-strength')?.textContent).toBe(c.create.short);
    await typeInto(root.querySelector('#create-confirm'), 'xyz');
    await act(() => root.querySelector('form')?.requestSubmit());
    expect(root.querySelector('#create-length-error')?.textContent).toBe(c.create.error);
    expect(root.querySelector('#create-mismatch')).not.toBeNull();
    expect(untranslated(root, c.locale)).toEqual([]);

    await typeInto(root.querySelector('#create-password'), 'correct horse battery staple');
    await typeInto(root.querySelector('#create-confirm'), 'correct horse battery staple');
    expect(untranslated(root, c.locale, ['correct horse battery staple'])).toEqual([]);
  });

  it('speaks it while locked, throttled and counting down', async () => {
    await mount(<Unlock retryAt={lockedIn(25)} onUnlocked={vi.fn()} onStatus={vi.fn()} />);
    expect(root.querySelector('h1')?.textContent).toBe(c.unlock.title);
    expect(root.querySelector('button[type="submit"]')?.textContent).toBe(c.unlock.wait);
    expect(button(root, c.unlock.show)).toBeTruthy();
    expect(root.querySelector('#unlock-wait strong')?.textContent).toBe('0:25');
    expect(untranslated(root, c.locale)).toEqual([]);
  });

  it('speaks it in the key list: rows, counts, notes, badges, the permission prompt and the alert', async () => {
    const keys = keysFor(c.label);
    await mount(<KeyList {...keyListProps(keys, { keyChecks: waitingChecks(), sealKeyAlert: true, onDismissSealKeyAlert: vi.fn() })} />);
    expect(root.querySelector('.list-summary')?.textContent).toBe(c.list.summary);
    expect(root.querySelector('#group-binance .count .visually-hidden')?.textContent?.trim()).toBe(c.list.group);
    expect(root.querySelector('button[data-id="k1"] .age')?.getAttribute('title')).toBe(c.list.age);
    expect(untranslated(root, c.locale, ['a1b2'])).toEqual([]);
  });

  it('speaks it when nothing matches the search', async () => {
    await mount(<KeyList {...keyListProps(keysFor(c.label), { query: 'xyz' })} />);
    expect(root.querySelector('.list-summary')?.textContent).toBe(c.list.shown);
    expect(root.querySelector('.empty-state p')?.textContent).toBe(c.list.noMatch);
    expect(untranslated(root, c.locale, ['a1b2'])).toEqual([]);

    await mount(<KeyList {...keyListProps(keysFor(c.label), { query: 'xyz', attentionOnly: true })} />);
    expect(untranslated(root, c.locale, ['a1b2'])).toEqual([]);
  });

  it('speaks it in the top bar, and names the page\'s language for fonts and screen readers', async () => {
    const unlocked: VaultStatus = {
      state: 'unlocked',
      retryAt: null,
      keyCount: 0,
      riskyCount: 0,
      settings: { autoLockSeconds: 900, clipboardClearSeconds: 30, rotationDays: 90, expiryNotifications: true, language: 'auto' },
    };
    sendMock.mockImplementation(async (type) => {
      if (type === 'vault.status') return unlocked;
      if (type === 'keys.list') return { keys: [] };
      throw new Error(`unexpected ${type}`);
    });
    await act(() => render(<App />, root));
    await settle();
    const topbar = root.querySelector('header.topbar');
    if (!topbar) throw new Error('no top bar');
    expect(button(topbar, c.topbar.lock).getAttribute('aria-label')).toBe(c.topbar.lock);
    expect(button(topbar, c.topbar.settings)).toBeTruthy();
    expect(untranslated(topbar, c.locale)).toEqual([]);
    // The empty list (no keys yet) is this helper's too.
    const list = root.querySelector('main.view-list');
    if (!list) throw new Error('no list');
    expect(untranslated(list, c.locale)).toEqual([]);

    namePage(document);
    expect(document.documentElement.lang).toBe(c.lang);
    expect(document.title).toBe('Keyward');
  });
});

describe('the untranslated-line check', () => {
  it('catches an English line among translated ones, and lets brands and tokens through', () => {
    const el = document.createElement('div');
    el.innerHTML = '<p>Ключ HTX</p><p title="Lock Keyward">Keyward</p><button aria-label="Back to keys">a1b2</button>';
    expect(untranslated(el, 'ru', ['a1b2'])).toEqual(['Lock Keyward', 'Back to keys']);
  });
});
