/**
 * Does this page show API management? The light content script asks this on official hosts when
 * no route pattern knows the path, so it must be cheap and must not say yes on a trading page
 * whose menu merely links to "API Management".
 *
 * It is deliberately separate from src/dom/words.ts: this file ships in the script that runs on
 * every page of an exchange (budget: 5 KB with everything else), so it carries a few word lists
 * and a handful of selectors, not the readers' vocabulary machinery. The rules are the same:
 * NFKC, case-insensitive, whitespace-collapsed, a phrase matches as whole words within a short
 * text, each CJK character as a word (those scripts put no spaces between words).
 */

import { simplified } from '../dom/traditional';

/** Words that name the one-time secret, in the languages the exchanges use. */
export const SECRET_LABELS: readonly string[] = ['secret', 'private key', '密钥', '私钥', 'секрет', 'приватный ключ', 'закрытый ключ'];

/** Longer than this, an element's text is a paragraph or a container, not a heading or button. */
const MAX_SHORT_TEXT = 80;
/** Titles carry the site's name and section after the page's own name. */
const MAX_TITLE = 160;
/** How far around a secret label a value may sit and still be "beside" it. */
const BESIDE_LEVELS = 3;
const BESIDE_TEXT = 400;

/** Kana, CJK ideographs and Hangul: each character is a word of its own (no spaces between words). */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/gu;

/** NFKC (full-width Latin to ASCII), Traditional Chinese as Simplified, lower case, one space. ASCII text skips NFKC: it is a no-op there. */
export function normaliseText(text: string): string {
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : simplified(text.normalize('NFKC'));
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a text: letter and digit runs, each CJK character alone; punctuation separates. */
export function wordsOf(text: string): string[] {
  return normaliseText(text)
    .replace(CJK, ' $& ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Phrases as word lists, made once per page from the exchange's few phrases. */
export type Phrases = readonly (readonly string[])[];

/** A phrase of several words also matches them written together ("API Key", "APIKey"). */
export function compilePhrases(phrases: readonly string[]): Phrases {
  return phrases.map(wordsOf).flatMap((words) => (words.length > 1 ? [words, [words.join('')]] : words.length ? [words] : []));
}

/**
 * The phrases a page needs to be told: a phrase that contains another one's words in order
 * ("Create API Key" after "Create API", "API 管理" after "API管理") can only match where that one
 * does. Run at build time, so the light script carries fewer bytes as vocabularies grow.
 */
export function essentialPhrases(phrases: readonly string[]): string[] {
  const kept: { phrase: string; words: string[] }[] = [];
  const byLength = [...phrases].map((phrase) => ({ phrase, words: wordsOf(phrase) })).filter((p) => p.words.length > 0);
  byLength.sort((a, b) => a.words.length - b.words.length);
  for (const candidate of byLength) {
    if (kept.some((shorter) => containsWords(candidate.words, shorter.words))) continue;
    kept.push(candidate);
  }
  return phrases.filter((phrase) => kept.some((k) => k.phrase === phrase));
}

/**
 * The phrase's words in order inside the text's words. The last word may carry up to three more
 * letters, for plurals and case endings ("keys", "ключи", "ключа"), but not become a longer word
 * ("keyboard").
 */
function containsWords(text: readonly string[], phrase: readonly string[]): boolean {
  const last = phrase.length - 1;
  next: for (let i = 0; i + last < text.length; i++) {
    for (let j = 0; j <= last; j++) {
      const want = phrase[j] ?? '';
      const got = text[i + j] ?? '';
      if (got !== want && !(j === last && got.startsWith(want) && got.length - want.length <= 3)) continue next;
    }
    return true;
  }
  return false;
}

/**
 * Whether a short text names one of the phrases as words. Long texts are sentences: never. Text
 * without any phrase's first word as a substring is dismissed before it is split into words (most
 * of a page's texts are prices and names).
 */
export function matchesPhrase(text: string | null | undefined, phrases: Phrases, max = MAX_SHORT_TEXT): boolean {
  if (!text || text.length > max * 2) return false;
  const normal = normaliseText(text);
  if (normal.length === 0 || normal.length > max || !phrases.some((phrase) => normal.includes(phrase[0] ?? ''))) return false;
  const words = wordsOf(normal);
  return phrases.some((phrase) => containsWords(words, phrase));
}

/**
 * A value shaped like an API credential: long, one token (no spaces), letters and digits mixed,
 * only the characters keys and secrets are written in. Masked values (`••••`, `ab****yz`), URLs,
 * e-mail addresses, words and numbers are not.
 */
export function isCredentialShaped(value: string): boolean {
  const token = value.trim();
  return (
    token.length >= 16 &&
    /^[A-Za-z0-9+/=_.-]+$/.test(token) &&
    /[A-Za-z]/.test(token) &&
    /[0-9]/.test(token)
  );
}

/** Split on every character a credential is not written in: neighbouring texts are glued together in textContent. */
function hasCredentialToken(text: string): boolean {
  return text.split(/[^A-Za-z0-9+/=_.-]+/).some(isCredentialShaped);
}

/**
 * Site menus, headers and footers: a phrase there is a way to reach the API page from anywhere,
 * not a sign that this is it. A button that opens a menu is a menu too (one that opens a dialog,
 * "Create API Key", is not). A <header> inside the main content (a page or dialog header) is part
 * of the page, so only a header outside it counts as the site's.
 */
const NAVIGATION = 'nav,footer,[role=navigation],[role=menu],[role=menubar],[role=menuitem],[role=banner],[role=contentinfo],[aria-haspopup=menu],[aria-haspopup=true]';

function inNavigation(element: Element): boolean {
  if (element.closest(NAVIGATION)) return true;
  const header = element.closest('header');
  return header !== null && header.closest('main,article,section,[role=main],dialog,[role=dialog]') === null;
}

/** Closed dropdowns keep their items in the DOM: only what is rendered counts. */
function shown(element: Element): boolean {
  return typeof element.checkVisibility !== 'function' || element.checkVisibility();
}

function textOf(element: Element): string {
  if (element instanceof HTMLInputElement) return element.value;
  return element.textContent ?? '';
}

/**
 * Headings, selected tabs, the current item of a menu, and buttons (never plain links: a link to
 * the API page is on every page of the site). A selected tab or the current page's menu item says
 * where the user is, so those count even inside navigation.
 */
const HEADINGS = 'h1,h2,h3,[role=heading]';
const SELECTED = '[role=tab][aria-selected=true],[aria-current=page],[aria-current=true]';
const BUTTONS = 'button,[role=button],input[type=button],input[type=submit]';

export type SignalKind = 'title' | 'heading' | 'selected' | 'button' | 'secret';

export interface SignalMatchers {
  /** The exchange's API-management phrases, from compilePhrases(exchange.page.signals). */
  signals: Phrases;
  /** compilePhrases(SECRET_LABELS). */
  secretLabels: Phrases;
}

function firstMatch(root: ParentNode, selector: string, phrases: Phrases, skipNavigation: boolean): boolean {
  for (const element of root.querySelectorAll(selector)) {
    if (!matchesPhrase(textOf(element), phrases)) continue;
    if (skipNavigation && inNavigation(element)) continue;
    if (shown(element)) return true;
  }
  return false;
}

/** A credential-shaped value in the text or the fields of the label's close surroundings. */
function credentialBeside(label: Element): boolean {
  let scope: Element | null = label;
  for (let level = 0; scope && level <= BESIDE_LEVELS; level++, scope = scope.parentElement) {
    const text = scope.textContent ?? '';
    if (text.length > BESIDE_TEXT * 4) return false;
    if (text.length <= BESIDE_TEXT && hasCredentialToken(text)) return true;
    for (const field of scope.querySelectorAll('input,textarea')) {
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        if (isCredentialShaped(field.value)) return true;
      }
    }
    if (scope === label.ownerDocument.body) return false;
  }
  return false;
}

/**
 * A secret label (text, or a field's or copy button's accessible name) with a credential-shaped
 * value beside it. matchesPhrase dismisses long texts and texts without a label's first word
 * before any real work: on a page of prices and names almost none gets further.
 */
function secretShown(doc: Document, labels: Phrases): boolean {
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.nodeValue ?? '';
    // Prices, sizes and times (most of a trading page's text) have no letter: skipped unread.
    if (text.length > MAX_SHORT_TEXT * 2 || !/\p{L}/u.test(text)) continue;
    // shown() also rules out the text of scripts and styles (never rendered).
    if (parent && matchesPhrase(text, labels) && credentialBeside(parent) && shown(parent)) return true;
  }
  for (const element of body.querySelectorAll('[aria-label],[placeholder],[title]')) {
    const name = element.getAttribute('aria-label') ?? element.getAttribute('placeholder') ?? element.getAttribute('title');
    if (matchesPhrase(name, labels) && credentialBeside(element) && shown(element)) return true;
  }
  return false;
}

/**
 * What on this page names API management, or null. Cheapest first: the title, then headings,
 * selected tabs and buttons, and only then the walk over text for a secret beside its label.
 */
export function findApiSignal(doc: Document, matchers: SignalMatchers): SignalKind | null {
  if (matchesPhrase(doc.title, matchers.signals, MAX_TITLE)) return 'title';
  const body = doc.body;
  if (!body) return null;
  if (firstMatch(body, HEADINGS, matchers.signals, true)) return 'heading';
  if (firstMatch(body, SELECTED, matchers.signals, false)) return 'selected';
  if (firstMatch(body, BUTTONS, matchers.signals, true)) return 'button';
  if (secretShown(doc, matchers.secretLabels)) return 'secret';
  return null;
}
