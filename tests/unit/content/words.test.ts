import { afterEach, describe, expect, it } from 'vitest';
import { catalogueGetMessage } from '../../../src/i18n/format';
import { say } from '../../../src/content/ui/words';
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
    expect(say('noteKeyLimit', { limit: 20, exchange: 'HTX', count: 19 })).toBe('Использовано ключей: 19 из 20 (лимит HTX).');
    browserSpeaking('zh_CN');
    expect(say('noteRowIpEmpty')).toBe('未设置 IP 白名单：任何地址都可以使用此密钥。');
    expect(say('noteCaptureFailed', { reason: 'Create a vault first.', exchange: 'HTX' })).toBe(
      '未保存：Create a vault first. 请立即复制 Secret Key：HTX 只显示一次。',
    );
  });

  it('shows the key rather than nothing where no browser API answers', () => {
    expect(say('noteOfferSave')).toBe('noteOfferSave');
    (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: () => '' } };
    expect(say('noteUnsaved', { exchange: 'HTX' })).toBe('noteUnsaved');
  });
});
