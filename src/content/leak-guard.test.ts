// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installLeakGuard, pastedCandidate, secretShaped } from './leak-guard';

describe('what the leak guard sends: secret-shaped text only', () => {
  it.each([
    ['an HTX secret', 'b7c8d9e0-f1a2b3c4-d5e6f7a8-9b0c1'],
    ['a Binance secret', 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j'],
    ['an OKX secret', '8F3A61C2D4E5B6A7980C1D2E3F4A5B6C'],
    ['a passphrase', 'Grid-bot-pass-7'],
    ['a secret with the line break a copy adds', ' 8F3A61C2D4E5B6A7980C1D2E3F4A5B6C\n'],
  ])('sends %s', (_name, text) => {
    expect(secretShaped(text)).toBe(true);
  });

  it.each([
    ['prose', 'Here is the secret we talked about'],
    ['a value with a space inside', '8F3A61C2D4E5 B6A7980C1D2E3F4A5B6C'],
    ['a PEM key (line breaks inside)', '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBk3\n-----END EC PRIVATE KEY-----'],
    ['a link', 'https://gist.example.com/abc123'],
    ['a short word', 'Abc123'],
    ['one kind of character', 'internationalisation'],
    ['text past any secret’s length', `A1${'x'.repeat(600)}`],
    ['non-ASCII text', 'Пароль-от-ключа-2024'],
  ])('does not send %s', (_name, text) => {
    expect(secretShaped(text)).toBe(false);
  });
});

/** A paste event carrying `text`, trusted or as a page script would make it. */
function paste(text: string, trusted: boolean): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true, composed: true });
  const data = { getData: (kind: string) => (kind === 'text/plain' ? text : '') };
  Object.defineProperty(event, 'clipboardData', { value: data });
  // Only the browser makes trusted events; the tests stand in for it with this one property.
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const SECRET = '8F3A61C2D4E5B6A7980C1D2E3F4A5B6C';

describe('the paste listener', () => {
  const sendMessage = vi.fn(async () => ({ ok: true, data: { match: false } }));

  beforeAll(() => {
    (globalThis as unknown as { chrome: unknown }).chrome = { runtime: { sendMessage } };
    installLeakGuard();
  });
  afterEach(() => {
    sendMessage.mockClear();
    document.body.replaceChildren();
  });

  function field(html: 'textarea' | 'input' | 'div' | 'readonly'): HTMLElement {
    const element = document.createElement(html === 'div' ? 'div' : html === 'readonly' ? 'textarea' : html);
    if (html === 'div') element.contentEditable = 'true';
    if (element instanceof HTMLTextAreaElement) element.readOnly = html === 'readonly';
    document.body.append(element);
    return element;
  }

  it('sends a trusted paste of a secret into a textarea, an input or editable content', () => {
    for (const kind of ['textarea', 'input', 'div'] as const) {
      const target = field(kind);
      target.dispatchEvent(paste(SECRET, true));
      expect(sendMessage, kind).toHaveBeenLastCalledWith({ keyward: 1, type: 'leak.check', payload: { candidate: SECRET } });
    }
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('sends a trusted drop of a secret into a field', () => {
    const drop = new Event('drop', { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { getData: (kind: string) => (kind === 'text/plain' ? SECRET : '') } });
    Object.defineProperty(drop, 'isTrusted', { value: true });
    field('textarea').dispatchEvent(drop);
    expect(sendMessage).toHaveBeenCalledWith({ keyward: 1, type: 'leak.check', payload: { candidate: SECRET } });
  });

  it('refuses a page script’s synthetic paste: no oracle for what Keyward stores', () => {
    const target = field('textarea');
    const synthetic = paste(SECRET, false);
    let seen: ReturnType<typeof pastedCandidate> | undefined;
    target.addEventListener('paste', (event) => (seen = pastedCandidate(event)));
    target.dispatchEvent(synthetic);
    expect(seen).toBeNull();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('sends nothing for prose, or for a field that takes no text', () => {
    field('textarea').dispatchEvent(paste('see you at 5, the usual place', true));
    field('readonly').dispatchEvent(paste(SECRET, true));
    document.body.dispatchEvent(paste(SECRET, true));
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
