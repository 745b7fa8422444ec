import { afterEach, describe, expect, it } from 'vitest';
import { catalogueGetMessage } from '../../../src/i18n/format';
import { noteWords } from '../../../src/background/note-words';
import { pageLanguage, say, sayWords, sentences, useNoteWords } from '../../../src/content/ui/words';
import { ipWhitelistFindings } from '../../../src/core/ip';
import { REFUSAL_MESSAGES } from '../../../src/content/fill/safety';
import { summariseListRisk } from '../../../src/core/risk';
import { words } from '../../../src/i18n/keys';
import { readCatalogue } from '../i18n/speak';

/** A browser whose i18n.getMessage reads this catalogue, as the content script's `chrome` does. */
function browserSpeaking(locale: string): void {
  const read = catalogueGetMessage(readCatalogue(locale));
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: (name: string, substitutions: string[] = []) => read(name, substitutions) } };
}

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('say(), the content scripts’ notes', () => {
  it('reads the browser’s catalogue, substitutions by the alphabetical order of their names', () => {
    browserSpeaking('en');
    expect(say('noteKeyLimit', { limit: 20, exchange: 'HTX', count: 19 })).toBe("19 of HTX's limit of 20 keys are in use.");
    browserSpeaking('ru');
    expect(say('noteKeyLimit', { limit: 20, exchange: 'HTX', count: 19 })).toBe('Использовано ключей: 19 из 20 (лимит биржи HTX).');
    browserSpeaking('zh_CN');
    expect(say('noteRowIpEmpty')).toBe('未设置 IP 白名单：任何地址都可以使用此密钥。');
    expect(say('noteCaptureFailed', { reason: 'Keyward 尚未创建保险库。', exchange: 'HTX' })).toBe(
      '未能保存：Keyward 尚未创建保险库。请立即复制 Secret Key：HTX 只显示一次。',
    );
  });

  it('shows the key rather than nothing where no browser API answers', () => {
    expect(say('noteOfferSave')).toBe('noteOfferSave');
    (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: () => '' } };
    expect(say('noteUnsaved', { exchange: 'HTX' })).toBe('noteUnsaved');
  });
});

describe('pageLanguage(), the notes’ language on an exchange page', () => {
  it('takes the <html lang> attribute when Keyward speaks it', () => {
    expect(pageLanguage('zh-CN', '/apikey/')).toBe('zh_CN');
    expect(pageLanguage('zh', '/')).toBe('zh_CN');
    expect(pageLanguage('ru', '/profile/api/')).toBe('ru');
    expect(pageLanguage('ru-RU', '/')).toBe('ru');
    expect(pageLanguage('en-GB', '/zh-cn/apikey/')).toBe('en');
  });

  it('gives a Traditional Chinese page (Taiwan, Hong Kong, Macau, zh-Hant) the Taiwan catalogue', () => {
    expect(pageLanguage('zh-TW', '/zh-cn/apikey/')).toBe('zh_TW');
    expect(pageLanguage('zh-HK', '/')).toBe('zh_TW');
    expect(pageLanguage('zh-MO', '/')).toBe('zh_TW');
    expect(pageLanguage('zh-Hant', '/')).toBe('zh_TW');
    expect(pageLanguage('zh-Hant-HK', '/')).toBe('zh_TW');
    expect(pageLanguage('zh-Hans-HK', '/')).toBe('zh_CN');
  });

  it('keeps the browser’s language for a page in a language Keyward lacks', () => {
    expect(pageLanguage('ja', '/ru/')).toBeNull();
    expect(pageLanguage('zh-yue', '/')).toBeNull();
  });

  it('reads the locale at the start of the path when the page has no lang attribute', () => {
    expect(pageLanguage('', '/zh-cn/apikey/')).toBe('zh_CN');
    expect(pageLanguage(' ', '/ru/profile/api/')).toBe('ru');
    expect(pageLanguage('', '/en-us/apikey/')).toBe('en');
    expect(pageLanguage('', '/zh_CN')).toBe('zh_CN');
    expect(pageLanguage('', '/zh-tw/apikey/')).toBe('zh_TW');
    expect(pageLanguage('', '/zh_HK/')).toBe('zh_TW');
    // Not a locale: a word that starts the path, or a locale further in.
    expect(pageLanguage('', '/apikey/')).toBeNull();
    expect(pageLanguage('', '/my/settings/ru/')).toBeNull();
    expect(pageLanguage('', '/')).toBeNull();
  });
});

describe('the page’s words from the background', () => {
  afterEach(() => useNoteWords(null));

  it('are read before the browser’s, filled by position as getMessage fills them', () => {
    browserSpeaking('en');
    useNoteWords(noteWords('zh_CN'));
    expect(say('noteKeyLimit', { limit: 20, exchange: 'HTX', count: 19 })).toBe('已使用 19 个密钥，HTX 的上限为 20 个。');
    useNoteWords(noteWords('ru'));
    expect(say('noteCaptureFailed', { reason: 'Нет хранилища.', exchange: 'HTX' })).toBe(
      'НЕ сохранено. Нет хранилища. Скопируйте секретный ключ прямо сейчас: HTX показывает его только один раз.',
    );
    useNoteWords(null);
    expect(say('noteRowIpEmpty')).toBe('No IP whitelist: any address can use this key.');
  });

  it('are the notes’ messages only, with the catalogue’s name to compare with the browser’s', () => {
    const words = noteWords('ru');
    expect(words.messagesLocale).toBe('ru');
    expect(Object.keys(words).filter((key) => key !== 'messagesLocale').every((key) => key.startsWith('note'))).toBe(true);
    expect(Object.keys(words).length).toBeGreaterThan(10);
    expect(words.badgeTitle).toBeUndefined();
  });
});

describe('shared code’s words said in the page’s language', () => {
  afterEach(() => useNoteWords(null));

  it('says core’s risk and IP findings, numbers written as that language writes them', () => {
    browserSpeaking('en');
    const [overBroad] = ipWhitelistFindings('8.8.0.0/16', 20, 'HTX');
    if (overBroad === undefined) throw new Error('no finding');
    expect(sayWords(overBroad.message)).toContain('8.8.0.0/16 allows 65,536 addresses');
    useNoteWords(noteWords('ru'));
    // A comma would read as a decimal point in Russian: the thousands are grouped by a space.
    expect(sayWords(overBroad.message)).toContain(`Диапазон 8.8.0.0/16 охватывает адресов: ${new Intl.NumberFormat('ru').format(65536)}.`);
    expect(sayWords(summariseListRisk([{ label: 'a', withdraw: true, ipWhitelisted: true }, { label: 'b', withdraw: false, ipWhitelisted: true }]).summary)).toBe(
      'Рискованных ключей: 1 из 2 (с включённым выводом средств: 1).',
    );
    useNoteWords(noteWords('zh_CN'));
    expect(sayWords(words('noteCaptureRateTab', { minutes: 3 }))).toBe('Keyward 在短时间内从此页面捕获了大量密钥，将暂时拒绝继续捕获（约 3 分钟）。');
  });

  it('puts no space between Chinese sentences, one between others', () => {
    expect(sentences('未设置 IP 白名单。', 'HTX 会停用。')).toBe('未设置 IP 白名单。HTX 会停用。');
    expect(sentences('No IP whitelist.', 'HTX deactivates it.')).toBe('No IP whitelist. HTX deactivates it.');
  });
});

describe('the platform script’s and the guards’ words', () => {
  it('says why a fill is refused, and the leak warning, in the browser’s language', () => {
    browserSpeaking('ru');
    expect(say('noteFillDidNotFill', { reason: say(REFUSAL_MESSAGES['field-covered']) })).toBe('Keyward ничего не заполнил. Одно из полей чем-то закрыто.');
    expect(sentences(say('noteLeakRotate'), say('noteLeakSecretOf', { exchange: 'OKX', label: 'grid' }))).toMatch(/создайте на бирже новый, а этот удалите\. Это секретный ключ для OKX · grid\.$/);
    browserSpeaking('zh_CN');
    expect(say('noteFillWillNotOpen', { reason: say(REFUSAL_MESSAGES['not-https']) })).toBe('Keyward 不会在此处打开：此页面不是通过 https 打开的。');
    browserSpeaking('en');
    expect(say('noteFillWillNotFill', { reason: say(REFUSAL_MESSAGES['page-filtered']) })).toBe(
      'Keyward will not fill here: The page is darkened, blurred or shrunk by its own styles.',
    );
  });
});
