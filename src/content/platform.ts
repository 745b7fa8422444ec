import { type ContentSender, FILL_VALUES, type FillValuesMessage, type FillValuesReply, fromBackground } from '../protocol/to-content';
import { readBindForms } from '../platforms/readers/forms';
import { readFormScope } from '../platforms/readers/scope';
import { readShownIps } from '../platforms/readers/shown-ips';
import type { PlatformDefinition } from '../platforms/types';
import { isBindPage } from '../platforms/routes';
import { KEYWARD_HOST_TAG } from '../dom/elements';
import {
  REFUSAL_MESSAGES,
  type FieldSnapshot,
  type Refusal,
  frameAllowed,
  keywardUiRefusal,
  locationAllowed,
  pageRefusal,
} from './fill/safety';
import {
  type FillTarget,
  type Parts,
  fillTarget,
  identityOf,
  partsOf,
  placeButton,
  snapshotTarget,
  targetChanged,
  targetRefusal,
} from './fill/targets';
import { request } from './runtime';
import { say, sayWords } from './ui/words';

/**
 * Content script on a platform's bind form. It puts a small Keyward button beside the API key
 * field. Only a real click on it, while it is seen and on top, opens the key picker: an extension
 * page framed into the page where the browser proves the frame is seen whole (Chromium), else a
 * window of Keyward's own (Firefox, or a locked vault: the master password is never typed in a
 * page). The values come back only after the user chose a key there, and only into this frame,
 * which checks the page again (host, frame, visibility, overlays, fading, fields swapped or
 * moved) before writing anything.
 */

const SCAN_INTERVAL_MS = 250;
const PICKER_HEIGHT = 420;
const PICKER_MARGIN = 8;
const OFF_ROUTE_CHECK_MS = 1000;

const BUTTON_STYLE = `
:host { all: initial; display: inline-block; margin: 4px 0; }
button { font: 12px/1.2 system-ui, sans-serif; display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px;
  border-radius: 6px; border: 1px solid #0f766e; background: #f0fdfa; color: #0f766e; cursor: pointer; }
button:focus-visible { outline: 2px solid #0f766e; outline-offset: 2px; }
.msg { font: 12px/1.4 system-ui, sans-serif; color: #7f1d1d; background: #fef2f2; border: 1px solid #dc2626;
  border-radius: 6px; padding: 6px 8px; margin-top: 4px; }
.msg.info { color: #134e4a; background: #f0fdfa; border-color: #0f766e; }
`;

interface OpenPicker {
  token: string;
  /** The framed picker's host element; null while the choice is made in Keyward's window. */
  host: HTMLElement | null;
  target: FillTarget;
  parts: Parts<FieldSnapshot>;
}

/** One Keyward button per form on the page (OctoBot shows a card per exchange). */
interface FillButton {
  host: HTMLElement;
  message: HTMLElement;
  target: FillTarget;
}

/** Set in the content script's own world: a script injected twice (site added again) runs once. */
const RUNNING = '__keywardPlatformContent';

interface RuntimeWithMessages {
  id: string;
  getURL(path: string): string;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: ContentSender, sendResponse: (reply: FillValuesReply) => void) => boolean | undefined,
    ): void;
  };
}

/**
 * IntersectionObserver v2: the browser itself reports whether a frame is covered, faded or
 * transformed. Read in this script's own world, which the page cannot patch.
 */
function browserProvesVisibility(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

function runtime(): RuntimeWithMessages | null {
  const scope = globalThis as unknown as { browser?: { runtime?: RuntimeWithMessages }; chrome?: { runtime?: RuntimeWithMessages } };
  return scope.browser?.runtime ?? scope.chrome?.runtime ?? null;
}

/** The height of the nearest ancestor that clips its content (a modal's scroll box), or Infinity. */
function clipHeight(element: Element): number {
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (/(hidden|auto|scroll|clip)/.test(style.overflowY) && node.clientHeight > 0) return node.clientHeight;
  }
  return Number.POSITIVE_INFINITY;
}

export function runPlatformContent(platform: PlatformDefinition): void {
  const api = runtime();
  const scope = globalThis as unknown as Record<string, unknown>;
  if (!api || scope[RUNNING]) return;
  // A self-hosted platform or another site runs where the user added it: this very origin, which
  // the background checks again on every request. A hosted platform: its exact hosts.
  const userSiteOrigin = platform.hosts.length === 0 ? location.origin : undefined;
  if (!frameAllowed(window) || locationAllowed(location, platform.hosts, userSiteOrigin) !== null) return;
  scope[RUNNING] = true;

  const buttons = new Map<Element, FillButton>();
  let picker: OpenPicker | null = null;

  const closePicker = () => {
    picker?.host?.remove();
    picker = null;
  };

  function makeButton(target: FillTarget): FillButton {
    const host = document.createElement(KEYWARD_HOST_TAG);
    host.dataset.keyward = 'fill-button';
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = BUTTON_STYLE;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = say('noteFillButton');
    button.setAttribute('aria-label', say('noteFillButtonLabel'));
    const message = document.createElement('div');
    message.className = 'msg';
    message.setAttribute('role', 'alert');
    message.hidden = true;
    root.append(style, button, message);
    const entry: FillButton = { host, message, target };
    button.addEventListener('click', (event) => {
      // A page script's click (element.click(), dispatchEvent) is not the user's: ignore it.
      if (!event.isTrusted) return;
      // The click must have landed on the button as the user saw it (a keyboard press has no point).
      const refusal = keywardUiRefusal(host, event.detail === 0 ? null : { x: event.clientX, y: event.clientY });
      if (refusal) {
        closePicker();
        notify(entry, say('noteFillWillNotOpen', { reason: say(REFUSAL_MESSAGES[refusal]) }));
        return;
      }
      void openPicker(entry);
    });
    return entry;
  }

  const notify = (entry: FillButton, text: string | null, tone: 'alert' | 'info' = 'alert') => {
    entry.message.hidden = text === null;
    entry.message.textContent = text ?? '';
    entry.message.className = tone === 'info' ? 'msg info' : 'msg';
    entry.message.setAttribute('role', tone === 'info' ? 'status' : 'alert');
  };

  async function openPicker(entry: FillButton): Promise<void> {
    closePicker();
    for (const other of buttons.values()) notify(other, null);
    const current = entry.target;
    const refusal = pageRefusal(document) ?? targetRefusal(current, false);
    if (refusal) {
      notify(entry, say('noteFillWillNotFill', { reason: say(REFUSAL_MESSAGES[refusal]) }));
      return;
    }
    const pageIps = readShownIps(partsOf(current).apiKey);
    // Read at the click, like the IPs: the user may have switched Spot / Futures just before.
    const scope = readFormScope(current);
    const reply = await request('fill.open', {
      platform: platform.id,
      exchange: current.exchange,
      pageIps,
      scope,
      canProveVisible: browserProvesVisibility(),
    });
    if (!reply.ok) {
      notify(entry, reply.error.words ? sayWords(reply.error.words) : reply.error.message);
      return;
    }
    if (reply.data.surface === 'window') {
      // Said first: the note moves the form down, and the snapshot is of the form as it then stands.
      notify(entry, say('noteFillInWindow'), 'info');
      picker = { token: reply.data.token, host: null, target: current, parts: snapshotTarget(current) };
      return;
    }
    const host = document.createElement(KEYWARD_HOST_TAG);
    host.dataset.keyward = 'picker';
    const root = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = `${api?.getURL('src/picker/picker.html')}#${reply.data.token}`;
    frame.title = say('noteFillPickerTitle');
    // The picker accepts a click only while it is seen whole (see picker/visibility.ts): it must
    // fit in the window, and it is scrolled into view once it is there.
    const height = Math.max(200, Math.min(PICKER_HEIGHT, window.innerHeight - 16, clipHeight(entry.host) - 16));
    frame.setAttribute('style', `width: 380px; height: ${height}px; border: 1px solid #0f766e; border-radius: 8px; background: #fff; display: block;`);
    // Keyboard users continue in the picker: it focuses its first key once it has loaded.
    frame.addEventListener('load', () => frame.focus(), { once: true });
    root.append(frame);
    host.setAttribute('style', 'all: initial !important; display: block !important; margin: 6px 0 !important;');
    entry.host.insertAdjacentElement('afterend', host);
    host.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // Whole, with room to spare: the browser counts a frame cut by a fraction of a pixel at the
    // window's edge as not seen, and the picker then (rightly) takes no click.
    const placed = frame.getBoundingClientRect();
    if (placed.bottom > window.innerHeight - PICKER_MARGIN) window.scrollBy(0, placed.bottom - window.innerHeight + PICKER_MARGIN);
    else if (placed.top < PICKER_MARGIN) window.scrollBy(0, placed.top - PICKER_MARGIN);
    picker = { token: reply.data.token, host, target: current, parts: snapshotTarget(current) };
  }

  /** Everything checked once more, just before the first character is written. */
  function fillRefusal(open: OpenPicker, message: FillValuesMessage): Refusal | null {
    if (!frameAllowed(window)) return 'not-top-or-same-origin-frame';
    const where = locationAllowed(location, platform.hosts, userSiteOrigin);
    if (where) return where;
    const page = pageRefusal(document);
    if (page) return page;
    // A choice made in the page's frame counts only if the picker was seen: shown, not faded or
    // shrunk, and on top where it is on screen. A choice in Keyward's window needs no such proof.
    if (message.surface === 'frame') {
      if (!open.host) return 'keyward-hidden';
      const box = open.host.getBoundingClientRect();
      const left = Math.max(box.left, 0);
      const right = Math.min(box.right, window.innerWidth);
      const top = Math.max(box.top, 0);
      const bottom = Math.min(box.bottom, window.innerHeight);
      if (right - left < 1 || bottom - top < 1) return 'keyward-covered';
      const seen = keywardUiRefusal(open.host, { x: (left + right) / 2, y: (top + bottom) / 2 });
      if (seen) return seen;
    }
    const now = readBindForms(document, platform).find((target) => identityOf(target) === identityOf(open.target));
    if (!now) return 'field-missing';
    const needPassphrase = message.values.passphrase !== '';
    if (targetChanged(open.parts, now, needPassphrase)) return 'field-changed';
    return targetRefusal(now, needPassphrase);
  }

  api.onMessage.addListener((raw, sender, sendResponse) => {
    // Only the background sends fill values, and only for the open picker.
    if (!fromBackground(sender, api.id)) return undefined;
    const parsed = FILL_VALUES.parse(raw);
    if (!parsed.ok) {
      sendResponse({ ok: false, reason: say('noteFillUnreadable') });
      return undefined;
    }
    const msg = parsed.value;
    const open = picker;
    if (!open || msg.token !== open.token) {
      sendResponse({ ok: false, reason: say('noteFillNoPicker') });
      return undefined;
    }
    const entry = [...buttons.values()].find((b) => identityOf(b.target) === identityOf(open.target));
    const refusal = fillRefusal(open, msg) ?? fillTarget(open.target, msg.values);
    if (refusal) {
      // The picker says why; it goes away after a moment (its session is spent either way).
      setTimeout(closePicker, 4000);
      if (entry) notify(entry, say('noteFillDidNotFill', { reason: say(REFUSAL_MESSAGES[refusal]) }));
      sendResponse({ ok: false, reason: say(REFUSAL_MESSAGES[refusal]) });
      return undefined;
    }
    sendResponse({ ok: true });
    if (entry && !open.host) notify(entry, say('noteFillDone'), 'info');
    // Let the picker say "filled" for a moment, then get out of the way.
    setTimeout(closePicker, 1200);
    return undefined;
  });

  // Forms arrive late and re-render: keep one button beside each form's API key.
  let timer: ReturnType<typeof setTimeout> | null = null;
  // On the bind routes every DOM change is read (forms render late and re-render). Elsewhere (a
  // trading terminal streaming its order book) nothing watches the DOM: a slow timer looks at the
  // route (single-page apps change it without a load) and at the number of inputs, so a bind
  // dialog opened there is still found, and a stream of changes costs nothing.
  const inputs = document.getElementsByTagName('input');
  const textareas = document.getElementsByTagName('textarea');
  let lastInputs = '';
  let onBindRoute = false;
  const scan = () => {
    timer = null;
    lastInputs = `${inputs.length}/${textareas.length}`;
    const targets = readBindForms(document, platform, { fieldsOnly: !onBindRoute });
    const seen = new Set<Element>();
    for (const target of targets) {
      const identity = identityOf(target);
      seen.add(identity);
      const entry = buttons.get(identity) ?? makeButton(target);
      entry.target = target;
      buttons.set(identity, entry);
      placeButton(target, entry.host);
    }
    for (const [identity, entry] of buttons) {
      if (seen.has(identity)) continue;
      entry.host.remove();
      buttons.delete(identity);
      if (picker && identityOf(picker.target) === identity) closePicker();
    }
  };
  const observer = new MutationObserver((records) => {
    if (records.every((r) => r.target instanceof Element && r.target.closest(KEYWARD_HOST_TAG))) return;
    timer ??= setTimeout(scan, SCAN_INTERVAL_MS);
  });
  const followPage = () => {
    const bindRoute = isBindPage(platform, location.pathname + location.hash);
    if (bindRoute !== onBindRoute) {
      onBindRoute = bindRoute;
      if (bindRoute) observer.observe(document.documentElement, { childList: true, subtree: true });
      else observer.disconnect();
      scan();
      return;
    }
    if (!bindRoute && (buttons.size > 0 || `${inputs.length}/${textareas.length}` !== lastInputs)) scan();
  };
  window.addEventListener('popstate', followPage);
  window.addEventListener('hashchange', followPage);
  setInterval(followPage, OFF_ROUTE_CHECK_MS);
  onBindRoute = isBindPage(platform, location.pathname + location.hash);
  if (onBindRoute) observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();
}
