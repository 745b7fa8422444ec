/**
 * Who sent a message, as the receiver establishes it from the browser's sender info (the
 * background: background/senders.ts). Each extension page is its own context, so a page framed
 * into a website (the picker) never has the popup's rights:
 * - popup: the vault's UI, top level (the toolbar popup, or popup.html in a tab of its own);
 * - picker-frame: the key picker framed into a platform's page (Chromium, unlocked only);
 * - picker-window: the key picker in a window of its own that the background opened for a fill;
 *   the one place besides the popup where the master password may be typed;
 * - offscreen: Chromium's clipboard page, which talks over its own port (protocol/offscreen.ts)
 *   and may send no request at all;
 * - exchange-content, platform-content: content scripts on an exact official (or user-added) host;
 * - page-content: the content script on any other http(s) page (the lookalike guard and the leak
 *   guard); it may only ask whether a paste is a stored secret (leak.check, leak.describe).
 */
export type SenderContext =
  | 'popup'
  | 'picker-frame'
  | 'picker-window'
  | 'offscreen'
  | 'exchange-content'
  | 'platform-content'
  | 'page-content';

/** Where a content script's frame sits in its tab, as the background can tell (senders.ts). */
export type FramePlacement = 'top' | 'same-origin' | 'other';
