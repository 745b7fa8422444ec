// The background's refusals as the popup receives them, in Russian and Chinese: each comes from
// the catalogue the user reads (t() / plural() at the throw), so an English string left in the
// background or the vault fails here.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BrokerLog, createBroker } from '../../../src/background/broker';
import { SitesService } from '../../../src/background/sites';
import { validators } from '../../../src/background/validate';
import { checkCredentialFormat, sayWarning } from '../../../src/core/credential-format';
import { exchangeById } from '../../../src/exchanges/registry';
import { tWords } from '../../../src/i18n';
import { KeywardError } from '../../../src/messages';
import { errorMessage, request } from '../../../src/popup/api';
import { speak } from '../i18n/speak';
import { freshVault } from '../vault/helpers';
import { backgroundFor } from './handler-setup';
import { MemoryArea } from './memory-area';

// The popup's send() over a background that never answers.
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: async () => undefined } } }));

const MASTER = 'password-1';
const quiet: BrokerLog = { refused: () => undefined, failed: () => undefined };

/** The popup's door to real handlers over a fresh vault, on a clock the test moves. */
async function popupDoor() {
  const { vault } = await freshVault();
  let clock = 1_000_000;
  const now = () => clock;
  const { handlers } = backgroundFor(vault, { autoLockSeconds: 3600, now, lockNow: now });
  await handlers['vault.create']({ password: MASTER }, { context: 'popup', url: '' });
  await handlers['vault.lock']({}, { context: 'popup', url: '' });
  const dispatch = createBroker(handlers, validators, quiet);
  return {
    advance: (ms: number) => {
      clock += ms;
    },
    /** What the popup is told when it tries to unlock with this password. */
    unlock: async (password: string) => {
      const reply = await dispatch({ keyward: 1, type: 'vault.unlock', payload: { password } }, 'popup');
      return reply.ok ? { code: 'ok', message: '' } : reply.error;
    },
    dispatch,
  };
}

/** The sites service with no grants: an address refused before any permission is asked for. */
function sitesWithNoGrants(): SitesService {
  return new SitesService(
    new MemoryArea(),
    {
      hasHostPermission: async () => false,
      removeHostPermission: async () => undefined,
      registeredScriptIds: async () => [],
      registerScript: async () => undefined,
      unregisterScripts: async () => undefined,
      injectIntoOpenTabs: async () => undefined,
      tabUrl: async () => null,
      probeTab: async () => null,
    },
    { exchangeHosts: new Set(['www.htx.com']), platformHosts: new Set() },
    () => 1000,
  );
}

async function refusalOf(promise: Promise<unknown>): Promise<{ code?: unknown; message?: unknown }> {
  return promise.then(
    () => ({ code: 'resolved' }),
    (error: unknown) => error as { code?: unknown; message?: unknown },
  );
}

afterEach(() => speak(null));

describe('the background refuses in Russian', () => {
  it('a wrong master password, the back-off with its seconds in the right plural form, the same codes', async () => {
    speak('ru');
    const door = await popupDoor();
    expect(await door.unlock('wrong-guess')).toEqual({ code: 'wrong-password', message: 'Неверный пароль.' });
    for (let i = 0; i < 3; i++) await door.unlock('wrong-guess');
    expect(await door.unlock('wrong-guess')).toEqual({
      code: 'wrong-password',
      message: 'Неверный пароль. Слишком много попыток: подождите 30 секунд.',
    });
    expect(await door.unlock(MASTER)).toEqual({ code: 'throttled', message: 'Слишком много неверных паролей. Повторите через 30 секунд.' });
    door.advance(9_000);
    expect(await door.unlock(MASTER)).toEqual({ code: 'throttled', message: 'Слишком много неверных паролей. Повторите через 21 секунду.' });
    door.advance(19_000);
    expect(await door.unlock(MASTER)).toEqual({ code: 'throttled', message: 'Слишком много неверных паролей. Повторите через 2 секунды.' });
  });

  it('a bad site address, an exchange\'s address and an address the browser did not grant', async () => {
    speak('ru');
    const sites = sitesWithNoGrants();
    expect(await refusalOf(sites.add('http://bots.example.net', 'generic'))).toMatchObject({
      code: 'bad-site',
      message: 'Keyward заполняет поля только по https. Настройте для сайта https (подойдёт обратный прокси с TLS), затем добавьте адрес https.',
    });
    expect(await refusalOf(sites.add('https://www.htx.com', 'generic'))).toMatchObject({
      code: 'bad-site',
      message: 'Это адрес биржи: Keyward никогда не заполняет ключи на сайтах бирж.',
    });
    expect(await refusalOf(sites.add('https://bots.example.net', 'generic'))).toMatchObject({
      code: 'no-permission',
      message: 'Браузер не разрешил Keyward работать на сайте bots.example.net: ничего не добавлено.',
    });
  });

  it('credential shape warnings, naming the exchange and its own field names', () => {
    speak('ru');
    const okx = exchangeById('okx');
    const warnings = checkCredentialFormat(okx.credentials, { apiKey: 'hello', secret: '', passphrase: '' }, okx.name);
    const said = warnings.map((warning) => sayWarning(warning, tWords).join(' '));
    // The exchange's shape hint is said in Russian too, inside the sentence.
    expect(said[0]).toBe('Значение поля «API Key» не похоже на API-ключ OKX (ожидается: UUID — 32 шестнадцатеричных символа в 5 группах через дефис (8-4-4-4-12)).');
    expect(said).toContain('Поле «Secret Key» пустое.');
    expect(said).toContain('Не указана кодовая фраза (passphrase): для ключей биржи OKX нужна фраза, заданная при создании ключа.');
  });
});

describe('the background refuses in Chinese', () => {
  it('a wrong master password and the back-off with its seconds', async () => {
    speak('zh_CN');
    const door = await popupDoor();
    expect(await door.unlock('wrong-guess')).toEqual({ code: 'wrong-password', message: '密码错误。' });
    for (let i = 0; i < 4; i++) await door.unlock('wrong-guess');
    expect(await door.unlock(MASTER)).toEqual({ code: 'throttled', message: '密码错误次数过多。请在 30 秒后重试。' });
  });

  it('a message that is not Keyward\'s, and a bad site address', async () => {
    speak('zh_CN');
    const door = await popupDoor();
    expect(await door.dispatch({ hello: 'world' }, 'popup')).toEqual({ ok: false, error: { code: 'bad-message', message: '这不是 Keyward 的消息。' } });
    expect(await refusalOf(sitesWithNoGrants().add('https://user:pw@bots.example.net', 'generic'))).toMatchObject({
      code: 'bad-site',
      message: '请勿在地址中包含用户名和密码。',
    });
  });

  it('the popup\'s own words: a background that did not answer, and the fallbacks when a refusal has none', async () => {
    speak('zh_CN');
    const silence = await request('vault.status', {}).catch((error: unknown) => error);
    expect(silence).toMatchObject({ code: 'no-reply', message: 'Keyward 的后台没有响应。请重试。' });
    expect(errorMessage(new KeywardError('no-reply', ''))).toBe('Keyward 无法完成此操作（no-reply）。');
    expect(errorMessage(null)).toBe('Keyward 无法完成此操作。请重试。');
  });
});
