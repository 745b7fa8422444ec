// The background follows the language chosen in Settings: its own words (the toolbar title) switch
// when the setting changes, a stored value it does not know reads as the browser's language, and
// notes on a page naming no language get the chosen language's words.
import { afterEach, describe, expect, it } from 'vitest';
import { badgeTitle } from '../../../src/background/badge-state';
import { useChosenLanguage } from '../../../src/background/language';
import { SettingsService } from '../../../src/background/settings';
import type { Settings } from '../../../src/messages';
import { speak } from '../i18n/speak';
import { freshVault } from '../vault/helpers';
import { backgroundFor } from './handler-setup';
import { MemoryArea } from './memory-area';

const LOCKED = { unlocked: false, hasVault: true, riskyCount: 0, dueSoonCount: 0, attentionCount: 0 };
const page = { context: 'exchange-content', url: 'https://www.htx.com/en-us/apikey/' } as const;

afterEach(async () => {
  await useChosenLanguage('auto');
  speak(null);
});

describe("the background's language", () => {
  it('speaks the chosen catalogue, bundled, and the browser’s again with auto', async () => {
    const english = badgeTitle(LOCKED);
    await useChosenLanguage('ru');
    const russian = badgeTitle(LOCKED);
    expect(russian).not.toBe(english);
    expect(russian).toMatch(/[а-яё]/i);
    await useChosenLanguage('zh_CN');
    expect(badgeTitle(LOCKED)).toMatch(/[\u4e00-\u9fff]/);
    await useChosenLanguage('auto');
    expect(badgeTitle(LOCKED)).toBe(english);
  });

  it('hears each settings change, and reads an unknown stored language as auto', async () => {
    const area = new MemoryArea();
    const heard: [Settings, Partial<Settings>][] = [];
    const service = new SettingsService(area, (next, patch) => heard.push([next, patch]));
    await area.set({ settings: { language: 'de' } });
    expect((await service.get()).language).toBe('auto');
    await service.update({ language: 'zh_CN' });
    expect((await service.get()).language).toBe('zh_CN');
    expect(heard.map(([next, patch]) => [next.language, patch])).toEqual([['zh_CN', { language: 'zh_CN' }]]);
  });
});

describe("notes' words", () => {
  it("give a page naming no language the chosen language's words, or none for the browser's", async () => {
    const { vault } = await freshVault();
    const { handlers } = backgroundFor(vault);
    expect(await handlers['notes.words']({ language: null }, page)).toEqual({ messages: null });
    await handlers['vault.create']({ password: 'password-1' }, { context: 'popup', url: '' });
    await handlers['settings.update']({ language: 'ru' }, { context: 'popup', url: '' });
    const chosen = await handlers['notes.words']({ language: null }, page);
    expect(chosen.messages?.messagesLocale).toBe('ru');
    // The page's own language still wins over the choice.
    const own = await handlers['notes.words']({ language: 'zh_CN' }, page);
    expect(own.messages?.messagesLocale).toBe('zh_CN');
    // A Traditional Chinese page gets the Taiwan catalogue's notes, in its own words.
    const traditional = await handlers['notes.words']({ language: 'zh_TW' }, page);
    expect(traditional.messages?.messagesLocale).toBe('zh_TW');
    expect(traditional.messages?.noteRowIpEmpty).toBe('未設定 IP 白名單：任何位址都可以使用此金鑰。');
  });
});
