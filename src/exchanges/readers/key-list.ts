import type { KeyPermissions } from '../../core/records';
import { isOn, normalise, toggleFor } from '../../dom/elements';
import { type Words, bestConcept, hasWords } from '../../dom/words';
import type { CredentialFormat, PageVocabulary } from '../types';
import { permissionNamed } from './create-form';
import { GENERIC_WORDS } from './generic-words';
import { readSecrets } from './secret-dialog';

export interface ListedKey {
  apiKey: string;
  label: string | null;
  permissions: KeyPermissions | null;
  /** [] when the row says the key has no IP restriction; null when the row does not say. */
  ipWhitelist: string[] | null;
  row: Element;
}

const IP_TOKEN = /(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\/\d{1,3})?)/gi;
const PERMISSION_HEADER = /permission|authorit|权限|权力|права|разрешени|доступ/i;
const LIST_SEPARATORS = /\s*[,，、;/|]\s*/;

function matchesKey(format: CredentialFormat, text: string): boolean {
  return format.apiKeyPatterns.some((pattern) => pattern.test(text));
}

/** Elements with no element children whose whole text is an API key of this exchange. */
function keyCells(root: Document | Element, format: CredentialFormat): { element: Element; apiKey: string }[] {
  const cells: { element: Element; apiKey: string }[] = [];
  for (const element of Array.from(root.querySelectorAll('td, span, div, code, p, a'))) {
    if (element.children.length > 0) continue;
    const text = normalise(element.textContent);
    if (text.length >= 8 && text.length <= 200 && matchesKey(format, text)) cells.push({ element, apiKey: text });
  }
  return cells;
}

/**
 * The row a key sits in: a table row or list item, else the largest ancestor holding only this
 * key. The one-time secret shown on a new key's card is not another key, even where it has a
 * key's shape (Binance): the card is still that key's row.
 */
function rowOf(cell: Element, format: CredentialFormat, secrets: ReadonlySet<string>): Element {
  const row = cell.closest('tr, [role=row], li');
  if (row) return row;
  let current = cell;
  for (let level = 0; level < 8 && current.parentElement; level++) {
    const parent = current.parentElement;
    const others = keyCells(parent, format).filter((c) => !secrets.has(c.apiKey));
    if (others.length > 1 || parent === parent.ownerDocument.body) break;
    current = parent;
  }
  return current;
}

/**
 * The separate pieces of text in an element, joined with commas. Frameworks render lists with no
 * text between items (<span>Query</span><span>Trade</span>), so textContent would run them together.
 */
function pieces(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = normalise(node.nodeValue);
    if (text && !node.parentElement?.closest('keyward-inline')) parts.push(text);
  }
  return parts.join(', ');
}

function named(text: string, words: Words): boolean {
  const match = bestConcept(text, [['x', words]]);
  return match !== null && match.score >= 0.5;
}

function ownText(element: Element): string {
  return normalise(
    Array.from(element.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.nodeValue ?? '')
      .join(' '),
  );
}

/**
 * In a card or definition list: the value a label names. "IP: 1.2.3.4" in one element (the text
 * after the colon), or a label element and the element after it (<dt>IP</dt><dd>…</dd>).
 */
function valueBeside(row: Element, names: (text: string) => boolean): string | null {
  for (const element of Array.from(row.querySelectorAll('*'))) {
    if (element.closest('keyward-inline, button, [role=button]')) continue;
    const own = ownText(element);
    if (!own) continue;
    const colon = own.search(/[:：]/);
    if (colon > 0 && names(own.slice(0, colon))) {
      const all = pieces(element);
      const after = all.slice(all.search(/[:：]/) + 1).replace(/^[\s,]+/, '');
      return after;
    }
    const text = normalise(element.textContent);
    if (text.length > 60 || !names(text.replace(/[:：]\s*$/, ''))) continue;
    const next = element.nextElementSibling ?? element.parentElement?.nextElementSibling ?? null;
    if (next && row.contains(next)) return pieces(next);
  }
  return null;
}

/** Header texts of a table row's columns, when the row is in a table with a header. */
function columnHeaders(row: Element): string[] | null {
  const table = row.closest('table, [role=table], [role=grid]');
  const header =
    table?.querySelector('thead tr') ??
    table?.querySelector('tr:has(th)') ??
    table?.querySelector('[role=row]:has([role=columnheader])');
  if (!header || header === row) return null;
  return Array.from(header.children).map((cell) => normalise(cell.textContent));
}

function permissionsFrom(parts: string[], toggles: { text: string; on: boolean }[], vocabulary: PageVocabulary): KeyPermissions | null {
  const present = new Set<string>();
  const labels: string[] = [];
  const consider = (text: string) => {
    const flag = permissionNamed(text, vocabulary);
    if (flag) {
      present.add(flag);
      labels.push(text);
    }
  };
  for (const part of parts) consider(part);
  for (const toggle of toggles) if (toggle.on) consider(toggle.text);
  if (labels.length === 0) return null;
  return {
    read: present.has('read') || present.size > 0,
    trade: present.has('trade'),
    ...(present.has('futures') ? { futures: true } : {}),
    withdraw: present.has('withdraw'),
    transfer: present.has('transfer'),
    labels,
  };
}

function ipsFrom(text: string, vocabulary: PageVocabulary): string[] | null {
  const pieces = text.split(/\s*,\s*/).filter(Boolean);
  // Times (12:30:45) look like short IPv6: an address needs 4+ groups or a '::'.
  const ips = (text.match(IP_TOKEN) ?? []).filter(
    (token) => token.includes('.') || token.includes('::') || token.split(':').length > 3,
  );
  if (ips.length > 0) return ips;
  const unrestricted = [...vocabulary.ipUnrestricted, ...GENERIC_WORDS.ipUnrestricted];
  if (pieces.some((piece) => named(piece, unrestricted)) || /^[-–—,\s]*$/.test(text)) return [];
  return null;
}

/**
 * A card's title, when the card names the key without a "Notes:" label (MEXC shows the notes as
 * the card's first line, beside its Edit and Delete buttons): the row's first text, if it comes
 * before the key and is none of the page's labels, permissions, buttons, dates or addresses.
 */
function cardTitle(row: Element, keyCell: Element, vocabulary: PageVocabulary, format: CredentialFormat): string | null {
  const walker = row.ownerDocument.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = normalise(node.nodeValue);
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('button, a, input, select, textarea, keyward-inline, [role=button]')) continue;
    if (keyCell.contains(parent) || parent.compareDocumentPosition(keyCell) & Node.DOCUMENT_POSITION_PRECEDING) return null;
    const isLabel =
      [vocabulary.apiKey, vocabulary.secret, vocabulary.keyLabel, vocabulary.ipWhitelist].some((words) => named(text, words)) ||
      PERMISSION_HEADER.test(text) ||
      permissionNamed(text, vocabulary) !== null ||
      matchesKey(format, text);
    if (isLabel || text.length > 64 || /^\d|\d{2}:\d{2}|^[-–—]$/.test(text)) return null;
    return text;
  }
  return null;
}

/** Identifiers that share a key's shape (a bare UUID) but say what they are: not API keys. */
const OTHER_IDENTIFIER = /\b(?:project|organi[sz]ation|org|user|account|order|wallet|portfolio|workspace|team)\s*(?:id|uid|uuid)\b/i;

/** A value in the navigation, or labelled as another kind of ID ("Project ID 28f0…"). */
function isOtherIdentifier(cell: Element): boolean {
  if (cell.closest('nav, aside, [role=navigation], [role=menu], select')) return true;
  const parent = cell.parentElement;
  if (!parent) return false;
  const own = Array.from(parent.childNodes)
    .filter((node) => node !== cell)
    .map((node) => node.textContent ?? '')
    .join(' ');
  return OTHER_IDENTIFIER.test(normalise(own));
}

/**
 * The key list: one entry per API key of this exchange shown on the page, with the permissions and
 * IPs its row shows. Tables are read by column header; other layouts by the row's own text.
 */
export function readKeyList(root: Document | Element, vocabulary: PageVocabulary, format: CredentialFormat): ListedKey[] {
  const keys: ListedKey[] = [];
  const seen = new Set<string>();
  // A value shown under a secret label is the one-time secret, even where it looks like a key
  // (Binance's key and secret have the same shape): never list it, never report it.
  const shown = readSecrets(root, vocabulary, format);
  const secrets = new Set([...shown.pairs.map((p) => p.secret), ...shown.lone.map((l) => l.value)]);
  for (const { element, apiKey } of keyCells(root, format)) {
    if (seen.has(apiKey) || secrets.has(apiKey) || element.closest('[role=dialog], dialog, [aria-modal=true]')) continue;
    if (isOtherIdentifier(element)) continue;
    seen.add(apiKey);
    const row = rowOf(element, format, secrets);
    const headers = columnHeaders(row);
    const cells = Array.from(row.children);
    const credentialHeader = (h: string) => named(h, vocabulary.apiKey) || named(h, vocabulary.secret);
    const cellText = (words: Words | RegExp) => {
      const test = (h: string) => (words instanceof RegExp ? words.test(h) : named(h, words));
      if (!headers) return valueBeside(row, test);
      // "Ключ доступа" (access key) must not pass for "Права доступа" (permissions).
      const index = headers.findIndex((h) => test(h) && !credentialHeader(h));
      const cell = index >= 0 ? cells[index] : undefined;
      return cell ? pieces(cell) : null;
    };
    const ipText = cellText(vocabulary.ipWhitelist);
    const permissionText = cellText(PERMISSION_HEADER);
    const labelText = cellText(vocabulary.keyLabel) ?? (headers ? null : cardTitle(row, element, vocabulary, format));
    const leaves = Array.from(row.querySelectorAll('*')).filter((e) => e.children.length === 0 && normalise(e.textContent));
    // A text that labels a checkbox or switch says what the toggle is, not that it is on.
    const toggled = new Map(leaves.map((e) => [e, toggleFor(e)] as const).filter(([e, t]) => t !== null && row.contains(t) && e !== t));
    const leafTexts = leaves.filter((e) => !toggled.has(e)).map((e) => normalise(e.textContent));
    const toggles = [...toggled].map(([e, toggle]) => ({ text: normalise(e.textContent), on: toggle ? isOn(toggle) : false }));
    const parts = permissionText !== null ? permissionText.split(LIST_SEPARATORS) : leafTexts.flatMap((t) => t.split(LIST_SEPARATORS));
    keys.push({
      apiKey,
      label: labelText,
      permissions: permissionsFrom(parts, toggles, vocabulary),
      ipWhitelist: ipText !== null ? ipsFrom(ipText, vocabulary) : ipsFrom(leafTexts.join(', '), vocabulary),
      row,
    });
  }
  return keys;
}
