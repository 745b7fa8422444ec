// The security-relevant manifest keys, kept out of manifest.json so each can carry its reason and a
// unit test can check them without a build (tests/unit/build/manifest.test.ts). Permissions stay in
// manifest.json; why clipboardRead is among them is told at ClipboardGuard (src/background/clipboard.ts).

import { SELF_QUERY_ORIGINS } from '../src/exchanges/self-queries';

export type TargetBrowser = 'chrome' | 'firefox';

/**
 * The exchanges' API origins, from their self-queries' host patterns ("https://api.binance.com/*"
 * → "https://api.binance.com"): the only places anything of Keyward's connects to, and only when
 * the user presses Check (src/background/key-check.ts), after granting that host.
 */
export const API_CONNECT_ORIGINS: readonly string[] = [...new Set(SELF_QUERY_ORIGINS.map((pattern) => pattern.replace(/\/\*$/, '')))].sort();

/** The one page a web page may load from Keyward: the key picker, framed by Chrome's platform script. */
export const PICKER_PAGE = 'src/picker/picker.html';

/**
 * Where the picker is framed into a page, only its HTML is web-accessible: the scripts and styles
 * it loads are requested by the picker itself, an extension page, which needs no exposure (checked
 * in Chromium: with the HTML alone the picker renders, styled, and talks to the background).
 * Even when loaded, the picker shows nothing without the one-time token of a session the user opened.
 *
 * Chrome: with use_dynamic_url, runtime.getURL gives content scripts a per-session
 * chrome-extension://<random>/ URL and a page's request for the fixed chrome-extension://<id>/ one
 * fails, so no site can probe for Keyward by URL. Chrome redirects the per-session URL, so the
 * framed picker still runs at chrome-extension://<id>/ and its messages carry the usual sender.
 *
 * Firefox frames nothing: its picker opens in a window of its own (windows.create), so no file is
 * web-accessible there at all.
 */
function webAccessibleResources(browser: TargetBrowser): Record<string, unknown> {
  if (browser === 'firefox') return {};
  // The platform scripts run on official platform hosts and on any https site the user adds, so
  // no narrower match pattern exists.
  return { web_accessible_resources: [{ resources: [PICKER_PAGE], matches: ['https://*/*'], use_dynamic_url: true }] };
}

/**
 * Extension pages (popup, picker, offscreen document, background) load only their own scripts and
 * styles and talk to the background by runtime messaging, which CSP does not govern. The one
 * connection allowed is the background's key check to an exchange's API origin (the policy covers
 * the service worker too: without them the check's fetch is refused); nothing frames, embeds or
 * submits anywhere, so everything else is refused: injected script or markup could not send a
 * secret to any other host, plug in an object, or re-base relative URLs.
 * The backup export's blob: download is a navigation, which none of these directives cover.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  // 'wasm-unsafe-eval' lets Keyward's own code compile the WebAssembly Argon2id it ships
  // (src/vault/kdf.ts: unlock in Firefox went from 2-4 s to under 1 s). It allows no JavaScript
  // eval, no inline script and no other script source: only code already running in an extension
  // page can compile a module, and such code could do in JavaScript whatever the module does.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  `connect-src ${API_CONNECT_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Keyward listens to no external message event, and externally_connectable closes the door in
 * Chrome as well: without the key every other extension may open a channel to Keyward; declared
 * with neither ids nor matches, nothing outside Keyward can (Chrome notes "nothing will be able to
 * connect", which is the point). Firefox does not support the key; there other extensions'
 * messages reach only runtime.onMessageExternal, which Keyward does not listen to.
 */
const NO_ONE = { ids: [], matches: [] };

/** Adds the keys that decide what web pages and other extensions can reach. */
export function withSecurityKeys(manifest: Record<string, unknown>, browser: TargetBrowser): Record<string, unknown> {
  return {
    ...manifest,
    ...webAccessibleResources(browser),
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'chrome' ? { externally_connectable: NO_ONE } : {}),
  };
}
