import { describe, expect, it, vi } from 'vitest';
import { type BrokerLog, type Handlers, createBroker } from '../../../src/background/broker';
import { type SenderPolicy, classifySender } from '../../../src/background/senders';
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
    ['the popup', { id: policy.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/popup/popup.html' }, 'extension-page'],
    ['a content script on an exchange', { id: policy.extensionId, url: 'https://www.htx.com/en-us/apikey/', tab }, 'exchange-content'],
    ['a content script on a platform', { id: policy.extensionId, url: 'https://app.3commas.io/accounts/new', tab }, 'platform-content'],
    ['another extension', { id: 'someoneelse', url: 'chrome-extension://someoneelse/x.html' }, null],
    ['our id but another extension origin', { id: policy.extensionId, url: 'chrome-extension://someoneelse/x.html' }, null],
    ['plain http on an exchange host', { id: policy.extensionId, url: 'http://www.htx.com/en-us/apikey/', tab }, null],
    ['a lookalike host', { id: policy.extensionId, url: 'https://www.htx.com.evil.io/en-us/apikey/', tab }, null],
    ['an exchange host on another port', { id: policy.extensionId, url: 'https://www.htx.com:8443/', tab }, null],
    ['credentials in the URL', { id: policy.extensionId, url: 'https://user:pw@www.htx.com/', tab }, null],
    ['a cross-origin frame inside an exchange tab', { id: policy.extensionId, url: 'https://ads.example.com/frame', tab }, null],
    ['no URL at all', { id: policy.extensionId }, null],
    ['an https exchange URL without a tab', { id: policy.extensionId, url: 'https://www.htx.com/' }, null],
    ['a site the user added, port included', { id: policy.extensionId, url: 'https://octobot.example.net:5001/accounts', tab }, 'platform-content'],
    ['that site on another port', { id: policy.extensionId, url: 'https://octobot.example.net/accounts', tab }, null],
    ['that site over plain http', { id: policy.extensionId, url: 'http://octobot.example.net:5001/accounts', tab }, null],
    ['a subdomain of that site', { id: policy.extensionId, url: 'https://evil.octobot.example.net:5001/', tab }, null],
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
    const reply = await dispatch(envelope('vault.unlock', { password: 'hunter22' }), 'extension-page');
    expect(reply).toEqual({ ok: true, data: { handled: 'vault.unlock' } });
  });

  it.each(Object.entries(MESSAGE_SENDERS))('%s is refused from every context it does not list', async (type, allowed) => {
    const handlers = fakeHandlers();
    const dispatch = createBroker(handlers, validators, silentLog());
    for (const context of ['extension-page', 'exchange-content', 'platform-content', null] as const) {
      if (context !== null && (allowed as readonly string[]).includes(context)) continue;
      const reply = await dispatch(envelope(type, {}), context);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(handlers[type as MessageType]).not.toHaveBeenCalled();
  });

  it('refuses a content script asking to reveal or export, and logs without the payload', async () => {
    const log = silentLog();
    const handlers = fakeHandlers();
    const dispatch = createBroker(handlers, validators, log);
    const secretPayload = { id: 'k1', field: 'secret', note: 'SUPERSECRET-VALUE' };
    expect(await dispatch(envelope('keys.reveal', secretPayload), 'exchange-content')).toMatchObject({ ok: false });
    expect(await dispatch(envelope('backup.export', { masterPassword: 'SUPERSECRET-VALUE', backupPassword: '' }), 'platform-content')).toMatchObject({ ok: false });
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
    expect(await dispatch(message, 'extension-page')).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  it.each([
    ['a password that is not a string', 'vault.unlock', { password: 42 }],
    ['an unknown exchange in a capture', 'capture.submit', { exchange: 'evilex', apiKey: 'a', secret: 'b', passphrase: '', label: '', account: '', permissions: null, ipWhitelist: null }],
    ['a setting out of range', 'settings.update', { autoLockSeconds: 1 }],
    ['an unknown setting', 'settings.update', { sync: 1 }],
    ['a manual add claiming to be a capture', 'keys.add', { input: { exchange: 'htx', credentials: { apiKey: 'a', secret: 'b', passphrase: '' }, details: { label: '', account: '', notes: '', permissions: null, ipWhitelist: null, source: { kind: 'capture', url: 'https://x' } } } }],
    ['a reveal of an unknown field', 'keys.reveal', { id: 'k1', field: 'vaultKey' }],
  ])('refuses %s', async (_name, type, payload) => {
    const handlers = fakeHandlers();
    const context = type === 'capture.submit' ? 'exchange-content' : 'extension-page';
    const dispatch = createBroker(handlers, validators, silentLog());
    expect(await dispatch(envelope(type, payload), context)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(handlers[type as MessageType]).not.toHaveBeenCalled();
  });

  it('turns a handler failure into an error reply without internals', async () => {
    const handlers = fakeHandlers();
    handlers['keys.list'] = async () => {
      throw new Error('db exploded at /secret/path');
    };
    const dispatch = createBroker(handlers, validators, silentLog());
    const reply = await dispatch(envelope('keys.list', {}), 'extension-page');
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringContaining('secret') } });
  });
});
