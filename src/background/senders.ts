import type { SenderContext } from '../messages';

/** The parts of runtime.MessageSender the broker relies on (both browsers provide these). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface SenderPolicy {
  extensionId: string;
  /** e.g. chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionOrigin: string;
  exchangeHosts: ReadonlySet<string>;
  platformHosts: ReadonlySet<string>;
  /** https origins the user added for filling (live: a removed site is refused at once). */
  userOrigins?: { has(origin: string): boolean };
}

/** Each extension page by its path: a page gets only its own page's rights, never another's. */
export const EXTENSION_PAGES = {
  popup: '/src/popup/popup.html',
  /** Framed into pages: the one web-accessible page. */
  picker: '/src/picker/picker.html',
  /** The same picker in a window of Keyward's own; not web-accessible, so never in a page. */
  pickerWindow: '/src/picker/window.html',
  offscreen: '/src/offscreen/offscreen.html',
} as const;

function parse(url: string | undefined): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Is this an extension-owned URL (our static origin, or a dynamic one for our own id)? */
function ours(url: URL, policy: SenderPolicy): boolean {
  return `${url.protocol}//${url.host}/` === policy.extensionOrigin;
}

/**
 * Which extension page sent this, or null. The popup and the picker's window are top level, in
 * a tab of their own (or none: the toolbar popup). The framed picker lives in a page's tab, in a
 * frame (frameId > 0); it is told apart from its window so it never gets the window's right to
 * unlock (a page could steal typed keystrokes by focus tricks, which it cannot do to a window).
 */
function extensionPage(url: URL, sender: SenderInfo, policy: SenderPolicy): SenderContext | null {
  const topLevel = sender.frameId === undefined || sender.frameId === 0;
  const tabUrl = parse(sender.tab?.url);
  const inOwnTab = !sender.tab || (tabUrl !== null && ours(tabUrl, policy));
  switch (url.pathname) {
    case EXTENSION_PAGES.popup:
      return topLevel && inOwnTab ? 'popup' : null;
    case EXTENSION_PAGES.picker:
      return !topLevel && sender.tab?.id !== undefined ? 'picker-frame' : null;
    case EXTENSION_PAGES.pickerWindow:
      return topLevel && inOwnTab && sender.tab?.id !== undefined ? 'picker-window' : null;
    case EXTENSION_PAGES.offscreen:
      return topLevel && !sender.tab ? 'offscreen' : null;
    default:
      return null;
  }
}

/**
 * Decides which context a message came from, or null if it is none we trust. A content script's
 * context comes from the URL of the frame that sent it: https on an exact official host. Web pages
 * cannot message us at all (no externally_connectable), but a content script in a hostile frame
 * can, so the frame's own URL counts, not the tab's. Every other http(s) frame in a tab is
 * 'page-content', whose only requests are the leak guard's.
 */
export function classifySender(sender: SenderInfo, policy: SenderPolicy): SenderContext | null {
  if (sender.id !== policy.extensionId) return null;
  const url = parse(sender.url);
  if (!url) return null;
  if (ours(url, policy)) return extensionPage(url, sender, policy);
  if (!sender.tab || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  // Any other web page: the leak guard's content script, which may ask only leak.* (REQUESTS).
  const anyPage: SenderContext = 'page-content';
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return anyPage;
  const host = url.hostname.toLowerCase();
  // Official hosts on the default port only; a site the user added is exactly its origin.
  if (url.port === '' && policy.exchangeHosts.has(host)) return 'exchange-content';
  if (url.port === '' && policy.platformHosts.has(host)) return 'platform-content';
  if (policy.userOrigins?.has(url.origin)) return 'platform-content';
  return anyPage;
}

/**
 * Where the sending frame sits: the top frame, or a frame whose origin is the tab's. What the
 * background can see of a frame's ancestors is the tab's URL; the content script checks the whole
 * chain itself (fill/safety.ts frameAllowed) before it asks.
 */
export function frameOfTab(sender: SenderInfo): 'top' | 'same-origin' | 'other' {
  if (sender.frameId === 0) return 'top';
  const frame = parse(sender.url);
  const tab = parse(sender.tab?.url);
  return frame && tab && frame.origin === tab.origin ? 'same-origin' : 'other';
}
