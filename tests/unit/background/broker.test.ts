import { describe, expect, it, vi } from 'vitest';
import { type BrokerLog, type Handlers, createBroker } from '../../../src/background/broker';
import { type SenderPolicy, classifySender, frameOfTab } from '../../../src/background/senders';
import { validators } from '../../../src/background/validate';
import { MESSAGE_SENDERS, type MessageType } from '../../../src/messages';

const policy: SenderPolicy = {
  extensionId: 'abcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnop/',
  exchangeHosts: new Set(['www.htx.com']),
  platformHosts: new Set(['app.3commas.io']),
  userOrigins: new Set(['https://octobot.example.net:5001']),
};

const tab = { id: 7 };

describe('classifySender', () => {
  it.each([
    ['the toolbar popup', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/popup/popup.html', frameId: 0 }, 'popup'],
    ['the popup opened in a tab of its own', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/popup/popup.html', frameId: 0, tab: { id: 4, url: 'chrome-extension://abcdefghijklmnop/src/popup/popup.html' } }, 'popup'],
    ['the popup framed in a web page', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/popup/popup.html', frameId: 5, tab }, null],
    ['the popup page in a web page’s tab', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/popup/popup.html', frameId: 0, tab: { id: 4, url: 'https://evil.example/' } }, null],
    ['the picker framed in a platform page', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/picker/picker.html#tok', frameId: 7, tab }, 'picker-frame'],
    ['the picker in Keyward’s window', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/picker/window.html#tok', frameId: 0, tab: { id: 9, url: 'chrome-extension://abcdefghijklmnop/src/picker/window.html#tok' } }, 'picker-window'],
    ['the window page framed in a web page', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/picker/window.html#tok', frameId: 4, tab }, null],
    ['the window page at the top of a web page’s tab', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/picker/window.html', frameId: 0, tab: { id: 9, url: 'https://evil.example/' } }, null],
    ['the framed picker opened at top level', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/picker/picker.html#tok', frameId: 0, tab: { id: 9, url: 'chrome-extension://abcdefghijklmnop/src/picker/picker.html#tok' } }, null],
    ['the offscreen page', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/offscreen/offscreen.html', frameId: 0 }, 'offscreen'],
    ['another page of ours', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/assets/x.html', frameId: 0 }, null],
    ['a content script on an exchange', { id: policy.extensionId, url: 'https://www.htx.com/en-us/apikey/', tab }, 'exchange-content'],
    ['a content script on a platform', { id: policy.extensionId, url: 'https://app.3commas.io/accounts/new', tab }, 'platform-content'],
    ['another extension', { id: 'someoneelse', url: 'chrome-extension://someoneelse/x.html' }, null],
    ['our id but another extension origin', { id: policy.extensionId, url: 'chrome-extension://someoneelse/x.html' }, null],
    ['plain http on an exchange host', { id: policy.extensionId, url: 'http://www.htx.com/en-us/apikey/', tab }, 'page-content'],
    ['a lookalike host', { id: policy.extensionId, url: 'https://www.htx.com.evil.io/en-us/apikey/', tab }, 'page-content'],
    ['an exchange host on another port', { id: policy.extensionId, url: 'https://www.htx.com:8443/', tab }, 'page-content'],
    ['credentials in the URL', { id: policy.extensionId, url: 'https://user:pw@www.htx.com/', tab }, 'page-content'],
    ['a cross-origin frame inside an exchange tab', { id: policy.extensionId, url: 'https://ads.example.com/frame', tab }, 'page-content'],
    ['no URL at all', { id: policy.extensionId }, null],
    ['an https exchange URL without a tab', { id: policy.extensionId, url: 'https://www.htx.com/' }, null],
    ['a site the user added, port included', { id: policy.extensionId, url: 'https://octobot.example.net:5001/accounts', tab }, 'platform-content'],
    ['that site on another port', { id: policy.extensionId, url: 'https://octobot.example.net/accounts', tab }, 'page-content'],
    ['that site over plain http', { id: policy.extensionId, url: 'http://octobot.example.net:5001/accounts', tab }, 'page-content'],
    ['any other https page', { id: policy.extensionId, url: 'https://gist.example.com/new', tab }, 'page-content'],
    ['any other page, in a web page’s frame', { id: policy.extensionId, url: 'https://chat.example.org/embed', frameId: 3, tab }, 'page-content'],
    ['a page not in a tab', { id: policy.extensionId, url: 'https://gist.example.com/new' }, null],
    ['a file or data URL', { id: policy.extensionId, url: 'file:///home/user/notes.html', tab }, null],
    ['a subdomain of that site', { id: policy.extensionId, url: 'https://evil.octobot.example.net:5001/', tab }, 'page-content'],
  ])('%s', (_name, sender, expected) => {
    expect(classifySender(sender, policy)).toBe(expected);
  });
});

function fakeHandlers(): Handlers {
  const handlers: Partial<Record<MessageType, () => Promise<unknown>>> = {};
  for (const type of Object.keys(MESSAGE_SENDERS) as MessageType[]) {
    handlers[type] = vi.fn(async () => ({ handled: type }));
  }
  return handlers as unknown as Handlers;
}

function silentLog(): BrokerLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    refused: (reason, type, context) => lines.push(`${reason} ${type} ${context}`),
    failed: (type) => lines.push(`failed ${type}`),
  };
}

describe('broker', () => {
  const envelope = (type: string, payload: unknown) => ({ keyward: 1, type, payload });

  it('runs a handler for an allowed sender with a valid payload', async () => {
    const handlers = fakeHandlers();
    const dispatch = createBroker(handlers, validators, silentLog());
    const reply = await dispatch(envelope('vault.unlock', { password: 'hunter22' }), 'popup');
    expect(reply).toEqual({ ok: true, data: { handled: 'vault.unlock' } });
  });

  it.each(Object.entries(MESSAGE_SENDERS))('%s is refused from every context it does not list', async (type, allowed) => {
    const handlers = fakeHandlers();
    const dispatch = createBroker(handlers, validators, silentLog());
    for (const context of ['popup', 'picker-frame', 'picker-window', 'offscreen', 'exchange-content', 'platform-content', 'page-content', null] as const) {
      if (context !== null && (allowed as readonly string[]).includes(context)) continue;
      const reply = await dispatch(envelope(type, {}), context, '', { placement: 'top' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(handlers[type as MessageType]).not.toHaveBeenCalled();
  });

  it('lets any other page ask the leak guard only, and only from its top frame', async () => {
    const allowed = Object.entries(MESSAGE_SENDERS).filter(([, senders]) => (senders as readonly string[]).includes('page-content'));
    expect(allowed.map(([type]) => type).sort()).toEqual(['leak.check', 'leak.describe']);
    const handlers = fakeHandlers();
    const dispatch = createBroker(handlers, validators, silentLog());
    const check = envelope('leak.check', { candidate: 'Grid-bot-pass-7' });
    expect(await dispatch(check, 'page-content', '', { placement: 'same-origin' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(check, 'page-content', '', { placement: 'top' })).toMatchObject({ ok: true });
  });

  it('refuses a content script asking to reveal or export, and logs without the payload', async () => {
    const log = silentLog();
    const handlers = fakeHandlers();
    const dispatch = createBroker(handlers, validators, log);
    const secretPayload = { id: 'k1', field: 'secret', note: 'SUPERSECRET-VALUE' };
    expect(await dispatch(envelope('keys.reveal', secretPayload), 'exchange-content', '', { placement: 'top' })).toMatchObject({ ok: false });
    expect(await dispatch(envelope('backup.export', { masterPassword: 'SUPERSECRET-VALUE', backupPassword: '' }), 'platform-content', '', { placement: 'top' })).toMatchObject({ ok: false });
    expect(log.lines.join('\n')).not.toContain('SUPERSECRET');
    expect(log.lines).toHaveLength(2);
  });

  it.each([
    ['not an object', 'vault.status'],
    ['no envelope marker', { type: 'vault.status', payload: {} }],
    ['unknown type', envelope('vault.dump', {})],
    ['a prototype key as type', envelope('constructor', {})],
  ])('refuses %s', async (_name, message) => {
    const dispatch = createBroker(fakeHandlers(), validators, silentLog());
    expect(await dispatch(message, 'popup')).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  it.each([
    ['a password that is not a string', 'vault.unlock', { password: 42 }],
    ['an unknown exchange in a capture', 'capture.submit', { exchange: 'evilex', apiKey: 'a', secret: 'b', passphrase: '', label: '', account: '', permissions: null, ipWhitelist: null }],
    ['a setting out of range', 'settings.update', { autoLockSeconds: 1 }],
    ['an unknown setting', 'settings.update', { sync: 1 }],
    ['a language Keyward does not speak', 'settings.update', { language: 'de' }],
    ['a language as a tag rather than a catalogue', 'settings.update', { language: 'zh-CN' }],
    ['a manual add claiming to be a capture', 'keys.add', { input: { exchange: 'htx', credentials: { apiKey: 'a', secret: 'b', passphrase: '' }, details: { label: '', account: '', notes: '', permissions: null, ipWhitelist: null, source: { kind: 'capture', url: 'https://x' } } } }],
    ['a reveal of an unknown field', 'keys.reveal', { id: 'k1', field: 'vaultKey' }],
  ])('refuses %s', async (_name, type, payload) => {
    const handlers = fakeHandlers();
    const context = type === 'capture.submit' ? 'exchange-content' : 'popup';
    const dispatch = createBroker(handlers, validators, silentLog());
    expect(await dispatch(envelope(type, payload), context, '', { placement: 'top' })).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(handlers[type as MessageType]).not.toHaveBeenCalled();
  });

  it('turns a handler failure into an error reply without internals', async () => {
    const handlers = fakeHandlers();
    handlers['keys.list'] = async () => {
      throw new Error('db exploded at /secret/path');
    };
    const dispatch = createBroker(handlers, validators, silentLog());
    const reply = await dispatch(envelope('keys.list', {}), 'popup');
    // With the words a page's note says instead, in the page's language.
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.not.stringContaining('secret'), words: { key: 'noteErrorInternal' } },
    });
  });

  it('lets the framed picker read its session and choose, and nothing else: never unlock, reveal, export or add a site', () => {
    const pickerFrame = (Object.entries(MESSAGE_SENDERS) as [MessageType, readonly string[]][])
      .filter(([, allowed]) => allowed.includes('picker-frame'))
      .map(([type]) => type);
    expect(pickerFrame.sort()).toEqual(['fill.choose', 'picker.session', 'picker.toWindow']);
    const pickerWindow = (Object.entries(MESSAGE_SENDERS) as [MessageType, readonly string[]][])
      .filter(([, allowed]) => allowed.includes('picker-window'))
      .map(([type]) => type);
    expect(pickerWindow.sort()).toEqual(['fill.choose', 'picker.session', 'vault.unlock']);
    expect(Object.values(MESSAGE_SENDERS).some((allowed) => (allowed as readonly string[]).includes('offscreen'))).toBe(false);
  });

  it.each([
    ['capture.submit', 'exchange-content', 'same-origin'],
    ['capture.submit', 'exchange-content', 'other'],
    ['page.keysSeen', 'exchange-content', 'same-origin'],
    ['page.loadWatcher', 'exchange-content', 'same-origin'],
    ['fill.open', 'platform-content', 'other'],
    ['capture.submit', 'exchange-content', undefined],
  ] as const)('refuses %s from a %s script in a frame placed %s', async (type, context, placement) => {
    const handlers = fakeHandlers();
    const dispatch = createBroker(handlers, validators, silentLog());
    expect(await dispatch(envelope(type, {}), context, '', { placement })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers[type]).not.toHaveBeenCalled();
  });

  it('takes a bind form in a frame of the page’s own origin, and keys only from the top frame', async () => {
    const dispatch = createBroker(fakeHandlers(), validators, silentLog());
    const open = { platform: 'threecommas', exchange: null, pageIps: [], scope: null, canProveVisible: true };
    expect(await dispatch(envelope('fill.open', open), 'platform-content', '', { placement: 'same-origin' })).toMatchObject({ ok: true });
    expect(await dispatch(envelope('page.keysSeen', { exchange: 'htx', keys: [] }), 'exchange-content', '', { placement: 'top' })).toMatchObject({ ok: true });
  });
});

describe('frameOfTab', () => {
  const tabUrl = 'https://app.3commas.io/accounts/new';
  it.each([
    ['the top frame', { frameId: 0, url: tabUrl, tab: { id: 1, url: tabUrl } }, 'top'],
    ['a frame of the tab’s origin', { frameId: 3, url: 'https://app.3commas.io/embed', tab: { id: 1, url: tabUrl } }, 'same-origin'],
    ['a frame of another origin', { frameId: 3, url: 'https://ads.example/x', tab: { id: 1, url: tabUrl } }, 'other'],
    ['a frame whose tab URL is unknown', { frameId: 3, url: 'https://app.3commas.io/embed', tab: { id: 1 } }, 'other'],
  ] as const)('%s', (_name, sender, expected) => {
    expect(frameOfTab(sender)).toBe(expected);
  });
});
