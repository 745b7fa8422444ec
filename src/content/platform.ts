import type { FillValuesMessage, FillValuesReply } from '../messages';
import { type BindForm, readBindForm } from '../platforms/readers/bind-form';
import type { PlatformDefinition } from '../platforms/types';
import { isBindPage } from '../platforms/registry';
import { KEYWARD_HOST_TAG } from '../exchanges/readers/dom';
import {
  MIN_OPACITY,
  REFUSAL_MESSAGES,
  type FieldSnapshot,
  type Refusal,
  changedSince,
  effectiveOpacity,
  fieldRefusal,
  frameAllowed,
  locationAllowed,
  pageRefusal,
  setFieldValue,
  snapshot,
} from './fill/safety';
import { request } from './runtime';

/**
 * Content script on a platform's bind form. It puts a small Keyward button beside the API key
 * field. Only a real click on it opens the key picker, an extension page in an iframe the page
 * can neither read nor restyle; the values come back only after the user chose a key there, and
 * only into this frame, which checks the page again (host, frame, visibility, overlays, fading,
 * fields swapped or moved) before writing anything.
 */

const SCAN_INTERVAL_MS = 250;

const BUTTON_STYLE = `
:host { all: initial; display: inline-block; margin: 4px 0; }
button { font: 12px/1.2 system-ui, sans-serif; display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px;
  border-radius: 6px; border: 1px solid #0f766e; background: #f0fdfa; color: #0f766e; cursor: pointer; }
button:focus-visible { outline: 2px solid #0f766e; outline-offset: 2px; }
.msg { font: 12px/1.4 system-ui, sans-serif; color: #7f1d1d; background: #fef2f2; border: 1px solid #dc2626;
  border-radius: 6px; padding: 6px 8px; margin-top: 4px; }
`;

interface OpenPicker {
  token: string;
  host: HTMLElement;
  fields: { apiKey: FieldSnapshot; secret: FieldSnapshot; passphrase: FieldSnapshot | null };
}

interface RuntimeWithMessages {
  id: string;
  getURL(path: string): string;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: FillValuesReply) => void) => boolean | undefined,
    ): void;
  };
}

function runtime(): RuntimeWithMessages | null {
  const scope = globalThis as unknown as { browser?: { runtime?: RuntimeWithMessages }; chrome?: { runtime?: RuntimeWithMessages } };
  return scope.browser?.runtime ?? scope.chrome?.runtime ?? null;
}

export function runPlatformContent(platform: PlatformDefinition): void {
  const api = runtime();
  if (!api || !frameAllowed(window) || locationAllowed(location, platform.hosts) !== null) return;

  const buttonHost = document.createElement(KEYWARD_HOST_TAG);
  buttonHost.dataset.keyward = 'fill-button';
  const buttonRoot = buttonHost.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BUTTON_STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Keyward: fill API key';
  button.setAttribute('aria-label', 'Fill API key and secret from Keyward');
  const message = document.createElement('div');
  message.className = 'msg';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  buttonRoot.append(style, button, message);

  let form: BindForm | null = null;
  let picker: OpenPicker | null = null;

  const say = (text: string | null) => {
    message.hidden = text === null;
    message.textContent = text ?? '';
  };

  const closePicker = () => {
    picker?.host.remove();
    picker = null;
  };

  button.addEventListener('click', (event) => {
    // A page script's click (element.click(), dispatchEvent) is not the user's: ignore it.
    if (!event.isTrusted || !form) return;
    void openPicker(form);
  });

  async function openPicker(current: BindForm): Promise<void> {
    closePicker();
    say(null);
    const refusal = pageRefusal(document) ?? fieldRefusal(current.apiKeyField) ?? fieldRefusal(current.secretField);
    if (refusal) {
      say(`Keyward will not fill here: ${REFUSAL_MESSAGES[refusal]}`);
      return;
    }
    const reply = await request('fill.open', { platform: platform.id, exchange: current.exchange });
    if (!reply.ok) {
      say(reply.error.message);
      return;
    }
    const host = document.createElement(KEYWARD_HOST_TAG);
    host.dataset.keyward = 'picker';
    const root = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = `${api?.getURL('src/picker/picker.html')}#${reply.data.token}`;
    frame.title = 'Keyward key picker';
    frame.setAttribute('style', 'width: 380px; height: 420px; border: 1px solid #0f766e; border-radius: 8px; background: #fff; display: block;');
    root.append(frame);
    host.setAttribute('style', 'all: initial !important; display: block !important; margin: 6px 0 !important;');
    buttonHost.insertAdjacentElement('afterend', host);
    picker = {
      token: reply.data.token,
      host,
      fields: {
        apiKey: snapshot(current.apiKeyField),
        secret: snapshot(current.secretField),
        passphrase: current.passphraseField ? snapshot(current.passphraseField) : null,
      },
    };
  }

  /** Everything checked once more, just before the first character is written. */
  function fillRefusal(open: OpenPicker, values: FillValuesMessage['values']): Refusal | null {
    if (!frameAllowed(window)) return 'not-top-or-same-origin-frame';
    const where = locationAllowed(location, platform.hosts);
    if (where) return where;
    const page = pageRefusal(document);
    if (page) return page;
    // The picker itself must have been seen: not faded, not under something else.
    if (!open.host.isConnected || effectiveOpacity(open.host) < MIN_OPACITY) return 'page-transparent';
    const box = open.host.getBoundingClientRect();
    const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (onTop !== open.host) return 'field-covered';
    const now = readBindForm(document, platform.vocabulary, platform);
    if (!now) return 'field-missing';
    if (changedSince(open.fields.apiKey, now.apiKeyField) || changedSince(open.fields.secret, now.secretField)) return 'field-changed';
    for (const field of [now.apiKeyField, now.secretField]) {
      const refusal = fieldRefusal(field);
      if (refusal) return refusal;
    }
    if (values.passphrase && open.fields.passphrase) {
      if (changedSince(open.fields.passphrase, now.passphraseField)) return 'field-changed';
      if (now.passphraseField) {
        const refusal = fieldRefusal(now.passphraseField);
        if (refusal) return refusal;
      }
    }
    return null;
  }

  api.onMessage.addListener((raw, sender, sendResponse) => {
    const msg = raw as Partial<FillValuesMessage> | null;
    // Only the background (our own id, no tab) sends fill values, and only for the open picker.
    if (sender.id !== api.id || sender.tab || msg?.keyward !== 1 || msg.type !== 'fill.values') return undefined;
    const open = picker;
    if (!open || msg.token !== open.token || !msg.values) {
      sendResponse({ ok: false, reason: 'No Keyward picker is open on this page.' });
      return undefined;
    }
    const refusal = fillRefusal(open, msg.values);
    if (refusal) {
      // The picker says why; it goes away after a moment (its session is spent either way).
      setTimeout(closePicker, 4000);
      say(`Keyward did not fill: ${REFUSAL_MESSAGES[refusal]}`);
      sendResponse({ ok: false, reason: REFUSAL_MESSAGES[refusal] });
      return undefined;
    }
    setFieldValue(open.fields.apiKey.element as HTMLInputElement, msg.values.apiKey);
    setFieldValue(open.fields.secret.element as HTMLInputElement, msg.values.secret);
    if (msg.values.passphrase && open.fields.passphrase) {
      setFieldValue(open.fields.passphrase.element as HTMLInputElement, msg.values.passphrase);
    }
    sendResponse({ ok: true });
    // Let the picker say "filled" for a moment, then get out of the way.
    setTimeout(closePicker, 1200);
    return undefined;
  });

  // The form arrives late and re-renders: keep the button beside the API key field.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const scan = () => {
    timer = null;
    if (!isBindPage(platform, location.pathname + location.hash)) {
      form = null;
      buttonHost.remove();
      closePicker();
      return;
    }
    form = readBindForm(document, platform.vocabulary, platform);
    if (!form) {
      buttonHost.remove();
      return;
    }
    if (form.apiKeyField.nextElementSibling !== buttonHost) form.apiKeyField.insertAdjacentElement('afterend', buttonHost);
  };
  const observer = new MutationObserver((records) => {
    if (records.every((r) => r.target instanceof Element && r.target.closest(KEYWARD_HOST_TAG))) return;
    timer ??= setTimeout(scan, SCAN_INTERVAL_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();
}
