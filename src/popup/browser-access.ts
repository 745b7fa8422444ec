import browser from 'webextension-polyfill';
import { originPattern } from '../core/sites';

/**
 * The two browser calls the popup makes itself, apart from messages: both need the popup's own
 * context (the user's click for the permission prompt, the window for the active tab).
 */

/** The tab the popup was opened over, or null (the popup opened as a tab of its own). */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  if (!tab || tab.id === undefined || !tab.url || !/^https:/.test(tab.url)) return null;
  return tab.id;
}

/** The browser's prompt for one site: call it from a click handler, before any other await. */
export async function requestSiteAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
}

/**
 * The browser's prompt for an exchange's API hosts, asked at the first check of that exchange:
 * call it from the click handler, before any other await.
 */
export async function requestApiAccess(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...origins] }).catch(() => false);
}
