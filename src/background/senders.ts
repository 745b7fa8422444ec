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

/**
 * Decides which context a message came from, or null if it is none we trust. A content script's
 * context comes from the URL of the frame that sent it: https on an exact official host. Web pages
 * cannot message us at all (no externally_connectable), but a content script in a hostile frame
 * can, so the frame's own URL counts, not the tab's.
 */
export function classifySender(sender: SenderInfo, policy: SenderPolicy): SenderContext | null {
  if (sender.id !== policy.extensionId || typeof sender.url !== 'string') return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (`${url.protocol}//${url.host}/` === policy.extensionOrigin) return 'extension-page';
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || !sender.tab) return null;
  const host = url.hostname.toLowerCase();
  // Official hosts on the default port only; a site the user added is exactly its origin.
  if (url.port === '' && policy.exchangeHosts.has(host)) return 'exchange-content';
  if (url.port === '' && policy.platformHosts.has(host)) return 'platform-content';
  if (policy.userOrigins?.has(url.origin)) return 'platform-content';
  return null;
}
