/**
 * The key list, read the way a person reads it: each API key of this exchange shown on the page,
 * with the name, permissions and IP whitelist its row shows. A row is a table or grid row, a card,
 * a definition list or a few lines of "Label: value" text; a value is found by the label a person
 * would read beside it (a column header, a <dt>, the words before or, right-to-left, after it),
 * else by what it says (permission words, IP addresses, "Unrestricted"). Nothing here depends on
 * class names or one exact markup shape.
 */
import type { KeyPermissions } from '../../core/records';
import { KEYWARD_HOST_TAG, isOn, isToggle, normalise } from '../../dom/elements';
import { labelTexts } from '../../dom/labels';
import { credentialValues } from '../../dom/values';
import { type Words, bestConcept, wordScore } from '../../dom/words';
import type { CredentialFormat, PageVocabulary, PermissionFlag } from '../types';
import { permissionNamed } from './create-form';
import { GENERIC_WORDS, NOT_A_CREDENTIAL } from './generic-words';
import { type Naming, nameText } from './naming';
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
/** Separators between the items of a list written as one text ("Read, Trade"). */
const LIST_SEPARATORS = /\s*[,，、;；]\s*/;
const DIALOG = '[role=dialog], [role=alertdialog], dialog, [aria-modal=true]';
const NOT_PAGE_TEXT = `script, style, noscript, template, option, textarea, ${KEYWARD_HOST_TAG}`;
const BUTTON = 'button, [role=button], input[type=button], input[type=submit]';
const TOGGLE = 'input[type=checkbox], input[type=radio], [role=checkbox], [role=switch], [aria-pressed]';
/** What ends a row when climbing from its key: the page's own headings and controls are not a row's. */
const BEYOND_A_ROW = 'h1, h2, h3, h4, h5, h6, [role=heading], select, nav, header, footer, form, [role=tablist], input:not([type=checkbox]):not([type=radio])';
const MAX_ROW_LEVELS = 10;
/** A label is a few words; a longer text is a value or a sentence. */
const MAX_LABEL = 60;
/** Without a colon or a header's place, a label must be mostly the words that name the field. */
const MIN_BARE_LABEL_SCORE = 0.5;
const MIN_LABEL_SCORE = 0.34;

/** Column headers and labels that name the permissions column ("Permissions", "API权限"). */
const PERMISSION_COLUMN: Words = [
  'permissions', 'permission', 'api permissions', 'key permissions', 'authorities', 'authority', 'access', 'api restrictions',
  '权限', 'api权限', 'api 权限', '权限设置', 'права', 'права доступа', 'разрешения', 'доступ',
];

type Field = 'apiKey' | 'secret' | 'name' | 'ips' | 'permissions';

/** A piece of text the row shows, and the node it comes from (for its toggle). */
interface Piece {
  text: string;
  node: Text;
}

/** One value of a row, with the label that names it (or none, when read by what it says). */
interface RowValue {
  field: Field;
  pieces: Piece[];
  /** The nodes of the label itself: never part of another value. */
  labelNodes: Text[];
  /** Label and value in one text ("Funds permissions: Query Funds"): a group's label, maybe not the field's. */
  inline: boolean;
}

interface KeyCell {
  element: Element;
  apiKey: string;
}

function matchesKey(format: CredentialFormat, text: string): boolean {
  return format.apiKeyPatterns.some((pattern) => pattern.test(text));
}

function ownText(element: Element): string {
  return normalise(
    Array.from(element.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.nodeValue ?? '')
      .join(''),
  );
}

/** Elements whose own text is a whole API key of this exchange, once each, in page order. */
function keyCells(root: Document | Element, format: CredentialFormat): KeyCell[] {
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root.ownerDocument ?? document);
  const cells: KeyCell[] = [];
  const seen = new Set<Element>();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || seen.has(parent) || (node.nodeValue ?? '').trim().length < 8) continue;
    seen.add(parent);
    if (parent.closest(NOT_PAGE_TEXT)) continue;
    const text = ownText(parent);
    if (text.length >= 8 && text.length <= 200 && matchesKey(format, text)) cells.push({ element: parent, apiKey: text });
  }
  return cells;
}

/** Which field a label names, by the exchange's words first, then the generic words. */
function fieldNamed(text: string, vocabulary: PageVocabulary): { field: Field; score: number } | null {
  if (text.length === 0 || text.length > MAX_LABEL) return null;
  const concepts = (words: PageVocabulary) =>
    [
      ['apiKey', words.apiKey],
      ['secret', words.secret],
      ['name', words.keyLabel],
      ['ips', words.ipWhitelist],
      ['permissions', PERMISSION_COLUMN],
    ] as const;
  const own = bestConcept<Field>(text, concepts(vocabulary));
  const generic = bestConcept<Field>(text, concepts(GENERIC_WORDS));
  const ownOk = own && own.score >= MIN_LABEL_SCORE ? own : null;
  const genericOk = generic && generic.score >= MIN_LABEL_SCORE ? generic : null;
  const best = ownOk && (!genericOk || ownOk.score >= genericOk.score) ? ownOk : genericOk;
  return best ? { field: best.concept, score: best.score } : null;
}

/** A field's label, never a value: not a permission's own name ("Can withdraw / full access"). */
function labelField(text: string, vocabulary: PageVocabulary, bare: boolean): Field | null {
  const named = fieldNamed(text.replace(/[:：]\s*$/, ''), vocabulary);
  if (!named || (bare && named.score < MIN_BARE_LABEL_SCORE)) return null;
  if (permissionNamed(text, vocabulary) !== null && permissionScore(text, vocabulary) >= named.score) return null;
  return named.field;
}

/** The visible text nodes under an element, without buttons, hidden helpers and our own notes. */
function textNodes(element: Element): Text[] {
  const nodes: Text[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!normalise(node.nodeValue) || !parent || parent.closest(`${NOT_PAGE_TEXT}, ${BUTTON}`)) continue;
    nodes.push(node as Text);
  }
  return nodes;
}

function piecesOf(element: Element): Piece[] {
  return textNodes(element).map((node) => ({ text: normalise(node.nodeValue), node }));
}

function textOf(pieces: readonly Piece[]): string {
  return normalise(pieces.map((p) => p.text).join(' '));
}

// ---- rows and their headers ----

/** The header texts over a row's cells: a table's header row, an ARIA grid's, or a div row before it. */
function headerCells(row: Element, vocabulary: PageVocabulary, isKeyHolder: (e: Element) => boolean): string[] | null {
  const table = row.closest('table, [role=table], [role=grid], [role=treegrid]');
  const structural =
    table?.querySelector('thead tr') ?? table?.querySelector('tr:has(> th)') ?? table?.querySelector('[role=row]:has(> [role=columnheader])');
  if (structural && structural !== row) return Array.from(structural.children).map((cell) => normalise(cell.textContent));
  return headerSibling(row, vocabulary, isKeyHolder);
}

/**
 * A row of div cells with no roles: the header is an earlier sibling with as many cells, holding
 * no key, whose texts name at least two of the row's fields.
 */
function headerSibling(row: Element, vocabulary: PageVocabulary, isKeyHolder: (e: Element) => boolean): string[] | null {
  const count = row.children.length;
  if (count < 2) return null;
  for (let sibling = row.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (isKeyHolder(sibling)) continue;
    if (sibling.children.length !== count) return null;
    const texts = Array.from(sibling.children).map((cell) => normalise(cell.textContent));
    const named = texts.filter((text) => labelField(text, vocabulary, false) !== null);
    return named.length >= 2 ? texts : null;
  }
  return null;
}

/**
 * The row a key sits in: a table or grid row, else the widest ancestor that holds no other key and
 * none of the page's headings or controls, stopping at a level whose earlier sibling is a header.
 */
function rowOf(cell: Element, vocabulary: PageVocabulary, isKeyHolder: (e: Element, except: Element) => boolean): Element {
  const row = cell.closest('tr, [role=row]');
  if (row) return row;
  const holdsOther = (e: Element) => isKeyHolder(e, cell);
  let current = cell;
  for (let level = 0; level < MAX_ROW_LEVELS; level++) {
    if (headerSibling(current, vocabulary, holdsOther)) return current;
    const parent = current.parentElement;
    if (!parent || parent === parent.ownerDocument.body || parent.matches('main, [role=main]') || parent.closest(DIALOG) !== cell.closest(DIALOG)) break;
    if (holdsOther(parent) || parent.querySelector(BEYOND_A_ROW)) break;
    current = parent;
  }
  return current;
}

// ---- toggles ----

/**
 * The checkbox, radio or switch a piece of text names, as a person pairs them: the label around
 * it, a custom toggle that wraps it, or the one toggle beside it in a small group.
 */
function toggleOf(node: Text, row: Element): Element | null {
  const holder = node.parentElement;
  if (!holder) return null;
  const label = holder.closest('label');
  if (label && row.contains(label)) {
    const control = label.control ?? label.querySelector(TOGGLE);
    if (control && isToggle(control)) return control;
  }
  const wrapping = holder.closest('[role=checkbox], [role=switch], [aria-pressed]');
  if (wrapping && row.contains(wrapping)) return wrapping;
  if (holder.id) {
    const labelled = row.querySelector(`[aria-labelledby~="${CSS.escape(holder.id)}"]`);
    if (labelled && isToggle(labelled)) return labelled;
  }
  let scope: Element | null = holder;
  for (let level = 0; scope && scope !== row && level < 2; level++, scope = scope.parentElement) {
    const toggles = scope.querySelectorAll(TOGGLE);
    if (toggles.length === 1) return toggles[0] ?? null;
    if (toggles.length > 1) break;
  }
  return null;
}

// ---- labelled values ----

/** The widest element (within the row) whose whole text is this text node's text. */
function labelUnit(node: Text, row: Element): Element | Text {
  const text = normalise(node.nodeValue);
  let unit: Element | Text = node;
  for (let parent = node.parentElement; parent && parent !== row && row.contains(parent); parent = parent.parentElement) {
    if (normalise(parent.textContent) !== text) break;
    unit = parent;
  }
  return unit;
}

/**
 * What a label element or text names: the rest of its parent (`<div>API Key <code>…</code></div>`,
 * or right-to-left `<div><code>…</code> <span>API Key</span></div>`), or, where its parent holds
 * other labels too (<dl>, a card's label column), the element right after it.
 */
function valueOfLabel(unit: Element | Text, row: Element, isLabel: (node: Text) => boolean): Piece[] {
  const parent = unit.parentElement;
  if (!parent || !row.contains(parent)) return [];
  const contains = (n: Node) => n === unit || unit.contains(n);
  const rest = piecesOf(parent).filter((p) => !contains(p.node));
  if (!rest.some((p) => isLabel(p.node))) return rest;
  const next = unit instanceof Element ? unit.nextElementSibling : unit.nextSibling instanceof Element ? unit.nextSibling : null;
  return next ? piecesOf(next).filter((p) => !isLabel(p.node)) : [];
}

/** "IP whitelist: 1.2.3.4" in one text: the label before the colon, the value after it. */
function colonValue(node: Text, row: Element, vocabulary: PageVocabulary): RowValue | null {
  const text = normalise(node.nodeValue);
  const colon = text.search(/[:：]/);
  if (colon <= 0) return null;
  const field = labelField(text.slice(0, colon), vocabulary, false);
  if (!field) return null;
  const after = text.slice(colon + 1).trim();
  const parent = node.parentElement;
  const following = parent && row.contains(parent) ? piecesOf(parent).filter((p) => p.node !== node && node.compareDocumentPosition(p.node) & Node.DOCUMENT_POSITION_FOLLOWING) : [];
  const pieces = after ? [{ text: after, node }, ...following] : following;
  return { field, pieces, labelNodes: after ? [] : [node], inline: true };
}

/** The values a row labels itself: "Label: value" texts, label and value side by side, <dt>/<dd>. */
function labelledValues(row: Element, vocabulary: PageVocabulary, toggled: ReadonlySet<Text>): RowValue[] {
  const nodes = textNodes(row).filter((node) => !toggled.has(node));
  const labels = new Map<Text, Field>();
  for (const node of nodes) {
    const text = normalise(node.nodeValue);
    // "Permissions: Read, Trade" is a label and its value in one text, read below.
    if (/[:：]\s*\S/.test(text)) continue;
    const own = node.parentElement ? normalise(node.parentElement.textContent) : '';
    // A bare word is a label only when it stands alone in its element or ends with a colon.
    const field = labelField(text, vocabulary, !/[:：]$/.test(text) && own !== text);
    if (field) labels.set(node, field);
  }
  const values: RowValue[] = [];
  for (const node of nodes) {
    const field = labels.get(node);
    if (field) {
      values.push({ field, pieces: valueOfLabel(labelUnit(node, row), row, (n) => labels.has(n)), labelNodes: [node], inline: false });
      continue;
    }
    const colon = colonValue(node, row, vocabulary);
    if (colon) values.push(colon);
  }
  return values;
}

/** A row under column headers: each cell named by its header. */
function columnValues(row: Element, headers: readonly string[], vocabulary: PageVocabulary): RowValue[] {
  const values: RowValue[] = [];
  Array.from(row.children).forEach((cell, index) => {
    const field = labelField(headers[index] ?? '', vocabulary, false);
    if (field) values.push({ field, pieces: piecesOf(cell), labelNodes: [], inline: false });
  });
  return values;
}

// ---- reading the values ----

function named(text: string, words: Words): boolean {
  return wordScore(text, words) >= 0.5;
}

const UNRESTRICTED = (vocabulary: PageVocabulary): Words => [...vocabulary.ipUnrestricted, ...GENERIC_WORDS.ipUnrestricted];

function ipTokens(text: string): string[] {
  // Times (12:30:45) look like short IPv6: an address needs 4+ groups or a '::'.
  return (text.match(IP_TOKEN) ?? []).filter((token) => token.includes('.') || token.includes('::') || token.split(':').length > 3);
}

/** The IPs a labelled value shows; [] for "Unrestricted", nothing or a dash; null for anything else. */
function ipsOfValue(pieces: readonly Piece[], vocabulary: PageVocabulary): string[] | null {
  const ips = pieces.flatMap((p) => ipTokens(p.text));
  if (ips.length > 0) return ips;
  if (pieces.some((p) => p.text.split(LIST_SEPARATORS).some((part) => named(part, UNRESTRICTED(vocabulary))))) return [];
  return isBlank(pieces) ? [] : null;
}

/** With no IP label: the addresses the row shows, or its word for "no restriction". */
function ipsOfRow(pieces: readonly Piece[], vocabulary: PageVocabulary): string[] | null {
  const ips = pieces.flatMap((p) => ipTokens(p.text));
  if (ips.length > 0) return ips;
  return pieces.some((p) => p.text.split(LIST_SEPARATORS).some((part) => named(part, UNRESTRICTED(vocabulary)))) ? [] : null;
}

/**
 * The permissions one text names, each with its words: a list written as one text ("Read, Trade")
 * item by item where every item names one; else the whole text as one permission ("Enable Margin
 * Loan, Repay & Transfer").
 */
function permissionItems(text: string, vocabulary: PageVocabulary): { flag: PermissionFlag | 'other'; text: string }[] {
  const items = text.split(LIST_SEPARATORS).filter(Boolean);
  const each = items.map((item) => ({ flag: permissionNamed(item, vocabulary), text: item }));
  if (items.length > 1 && each.every((item) => item.flag !== null)) {
    return each.flatMap((item) => (item.flag !== null ? [{ flag: item.flag, text: item.text }] : []));
  }
  const whole = permissionNamed(text, vocabulary);
  return whole ? [{ flag: whole, text }] : [];
}

/**
 * The permissions a row shows: a tag or a word counts as granted; a permission shown with a
 * checkbox or switch counts only when it is on, and one shown off is read as off.
 */
function permissionsOf(pieces: readonly Piece[], row: Element, vocabulary: PageVocabulary): KeyPermissions | null {
  const granted = new Set<PermissionFlag | 'other'>();
  const shownOff = new Set<PermissionFlag | 'other'>();
  const labels: string[] = [];
  for (const piece of pieces) {
    const items = permissionItems(piece.text, vocabulary);
    if (items.length === 0) continue;
    const toggle = toggleOf(piece.node, row);
    const on = toggle === null || isOn(toggle);
    for (const item of items) {
      (on ? granted : shownOff).add(item.flag);
      if (on) labels.push(item.text);
    }
  }
  if (granted.size === 0 && shownOff.size === 0) return null;
  const futures = granted.has('futures') ? true : shownOff.has('futures') ? false : undefined;
  return {
    // Reading is every key's floor: a key that can do anything can read.
    read: true,
    trade: granted.has('trade'),
    ...(futures !== undefined ? { futures } : {}),
    withdraw: granted.has('withdraw'),
    transfer: granted.has('transfer'),
    labels,
  };
}

/**
 * A card's title, where the card names the key without a label (MEXC shows the notes as the
 * card's first line): the row's first text before the key that is no label, permission, IP,
 * date or unrestricted word.
 */
function untitledName(pieces: readonly Piece[], keyCell: Element, vocabulary: PageVocabulary, format: CredentialFormat): string | null {
  for (const piece of pieces) {
    if (keyCell.contains(piece.node) || keyCell.compareDocumentPosition(piece.node) & Node.DOCUMENT_POSITION_FOLLOWING) return null;
    const text = piece.text;
    const isSomethingElse =
      fieldNamed(text.replace(/[:：]\s*$/, ''), vocabulary) !== null ||
      permissionNamed(text, vocabulary) !== null ||
      matchesKey(format, text) ||
      ipTokens(text).length > 0 ||
      named(text, UNRESTRICTED(vocabulary));
    if (isSomethingElse || text.length > 64 || /^\d|\d{2}:\d{2}|^[-–—]$/.test(text)) return null;
    return text;
  }
  return null;
}

// ---- which values are listed keys ----

/**
 * What names a key-shaped value, skipping the labels of a list's other columns ("IP address" is
 * the next column's header, not this value's name): an order id, a deposit address or a TxID
 * is named as such, a listed key as an API key or not at all.
 */
function keyNaming(cell: Element, vocabulary: PageVocabulary, boundaries: ReadonlySet<Element>): Naming | null {
  for (const text of labelTexts(cell, { boundaries, after: true })) {
    const field = fieldNamed(text.replace(/[:：]\s*$/, ''), vocabulary);
    if (field && (field.field === 'ips' || field.field === 'permissions')) continue;
    const naming = nameText(text, vocabulary);
    if (!naming) continue;
    // Permission tags beside the key ("Trade: View Order Details") are the next column's value.
    if (naming.concept === 'notCredential' && permissionScore(text, vocabulary) >= notCredentialScore(text)) continue;
    // The key's name and sub-account are shown beside every key ("Portfolio sync 41"): they are
    // its neighbours' values, not what names it.
    if (naming.concept === 'keyLabel' || naming.concept === 'subAccount') continue;
    return naming;
  }
  return null;
}

/** How well a text names a permission, by the exchange's words or the generic ones. */
function permissionScore(text: string, vocabulary: PageVocabulary): number {
  const score = (permissions: PageVocabulary['permissions']) => bestConcept(text, permissions.map((p) => [p.flag, p.words] as const))?.score ?? 0;
  return Math.max(score(vocabulary.permissions), score(GENERIC_WORDS.permissions));
}

function notCredentialScore(text: string): number {
  return wordScore(text, NOT_A_CREDENTIAL);
}

/** A value in the navigation, a menu or a picker is no key of the list. */
function isOutsideList(cell: Element): boolean {
  return cell.closest(`nav, aside, [role=navigation], [role=menu], [role=listbox], select, ${DIALOG}`) !== null;
}

/**
 * What the page shows once: the secrets (which have a key's shape on some sites, Binance: never a
 * listed key) and the keys shown with them.
 */
function shownOnce(root: Document | Element, vocabulary: PageVocabulary, format: CredentialFormat): { secrets: Set<string>; keys: Set<string> } {
  const shown = readSecrets(root, vocabulary, format);
  return {
    secrets: new Set([...shown.pairs.map((p) => p.secret), ...shown.lone.map((l) => l.value)]),
    keys: new Set(shown.pairs.map((p) => p.apiKey)),
  };
}

function listedCells(root: Document | Element, vocabulary: PageVocabulary, format: CredentialFormat, secrets: ReadonlySet<string>): { listed: KeyCell[]; all: KeyCell[] } {
  const all = keyCells(root, format).filter((cell) => !secrets.has(cell.apiKey));
  const boundaries = new Set<Element>([...all.map((c) => c.element), ...credentialValues(root).map((v) => v.element)]);
  const seen = new Set<string>();
  const listed: KeyCell[] = [];
  for (const cell of all) {
    if (seen.has(cell.apiKey) || isOutsideList(cell.element)) continue;
    const naming = keyNaming(cell.element, vocabulary, boundaries);
    if (naming && naming.concept !== 'apiKey') continue;
    seen.add(cell.apiKey);
    listed.push(cell);
  }
  return { listed, all };
}

// ---- one row ----

function readRow(cell: KeyCell, row: Element, vocabulary: PageVocabulary, format: CredentialFormat, isKeyHolder: (e: Element) => boolean): ListedKey {
  const all = piecesOf(row).filter((p) => !cell.element.contains(p.node));
  const toggled = new Set(all.filter((p) => toggleOf(p.node, row) !== null).map((p) => p.node));
  const headers = headerCells(row, vocabulary, isKeyHolder);
  const values = [...(headers ? columnValues(row, headers, vocabulary) : []), ...labelledValues(row, vocabulary, toggled)];
  const valueOf = (field: Field) => values.find((v) => v.field === field && !v.pieces.some((p) => cell.element.contains(p.node))) ?? null;
  const name = valueOf('name');
  const ips = valueOf('ips');
  // Permissions grouped by area ("Funds permissions: Query Funds", "Data: …") are read from the
  // whole row: only some of the groups' names say "permissions".
  const permissionCell = values.some((v) => v.field === 'permissions' && !v.inline);
  const permissions = values.filter((v) => v.field === 'permissions' && !v.inline).flatMap((v) => v.pieces);
  // What the row says outside its labels, its name and its IPs: read for permissions and IPs by what it says.
  const labelNodes = new Set(values.flatMap((v) => v.labelNodes));
  const taken = new Set([...(name?.pieces ?? []), ...(ips?.pieces ?? [])].map((p) => p.node));
  const loose = all.filter((p) => !labelNodes.has(p.node) && !taken.has(p.node));
  const shown = (pieces: readonly Piece[]) => pieces.filter((p) => !toggled.has(p.node) || isOnToggle(p.node, row));
  return {
    apiKey: cell.apiKey,
    label: name ? textOf(name.pieces) || null : untitledName(all, cell.element, vocabulary, format),
    permissions: permissionsOf(permissions, row, vocabulary) ?? (permissionCell && isBlank(permissions) ? readOnly() : permissionsOf(loose, row, vocabulary)),
    ipWhitelist: ips ? ipsOfValue(shown(ips.pieces), vocabulary) : ipsOfRow(shown(loose), vocabulary),
    row,
  };
}

/** An empty cell, or a dash: nothing shown. */
function isBlank(pieces: readonly Piece[]): boolean {
  return /^[-–—\s]*$/.test(textOf(pieces));
}

/** A key whose permissions cell shows nothing has only what every key has: reading. */
function readOnly(): KeyPermissions {
  return { read: true, trade: false, withdraw: false, transfer: false, labels: [] };
}

function isOnToggle(node: Text, row: Element): boolean {
  const toggle = toggleOf(node, row);
  return toggle !== null && isOn(toggle);
}

/**
 * The key list: one entry per API key of this exchange shown on the page, with the name,
 * permissions and IPs its row shows.
 */
export function readKeyList(root: Document | Element, vocabulary: PageVocabulary, format: CredentialFormat): ListedKey[] {
  const shown = shownOnce(root, vocabulary, format);
  const { listed, all } = listedCells(root, vocabulary, format, shown.secrets);
  const holders = (element: Element, except: Element | null) => all.some((c) => c.element !== except && !c.element.contains(element) && element.contains(c.element));
  return listed
    .map((cell) => readRow(cell, rowOf(cell.element, vocabulary, holders), vocabulary, format, (e) => holders(e, null)))
    .filter((key) => showsAKey(key, shown.keys.has(key.apiKey)));
}

/**
 * A key list's row says something about its key: its permissions or IPs, or at least its name. A
 * key-shaped value with nothing of the sort around it is an example in the docs or a code sample;
 * a new key shown with its secret and only its name is the one-time display, not yet a list row
 * (a card that also shows the key's restrictions, as Binance's does, is both).
 */
function showsAKey(key: ListedKey, shownWithSecret: boolean): boolean {
  return key.permissions !== null || key.ipWhitelist !== null || (key.label !== null && !shownWithSecret);
}
