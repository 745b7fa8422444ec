/**
 * What names a value or a control, read the way a person reads it: the visible text just before
 * it (a text node in the same element, a <label>, a <dt>, a row or column header), its own
 * aria-label or title, the label of the copy button beside it ("Copy Secret Key"), an icon's alt
 * text, and only then the text after it (label-after-value layouts) or a placeholder.
 *
 * The result is a list of candidate texts, nearest first; the caller matches each against its
 * vocabulary and takes the first that names something. Nothing here depends on a site's markup.
 */
import { KEYWARD_HOST_TAG, isHidden, normalise } from './elements';

/** Longer texts are sentences or paragraphs, not labels. */
const MAX_LABEL = 80;
/** How many text pieces before (and after) an element are considered. */
const MAX_PIECES = 3;

const TOGGLE = 'input[type=checkbox], input[type=radio], [role=checkbox], [role=switch], [role=radio]';
const TEXT_CONTROL = 'input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, [contenteditable=true]';
const COPY_CONTROL = 'button, [role=button], a, i, svg, img, span[title], span[aria-label]';

export interface LabelOptions {
  /**
   * Elements that hold other values or controls of the same kind: the walk for preceding text
   * stops at them, so the text before the previous value is never this one's label.
   */
  boundaries?: ReadonlySet<Element>;
  /**
   * Also consider text after the element: 'row' within its own row (a checkbox then its words),
   * true also beyond it (a value whose label follows it, right to left). Never for text fields.
   */
  after?: boolean | 'row';
  /** The element's own text names it (a custom checkbox that wraps its words). */
  ownText?: boolean;
}

/** The value or control (other than `element` and its ancestors) that holds `node`, if any. */
function boundaryHolding(node: Node, element: Element, boundaries: ReadonlySet<Element>): Element | null {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    if (parent === element || parent.contains(element)) return null;
    if (boundaries.has(parent)) return parent;
  }
  return null;
}

function isOurs(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest(KEYWARD_HOST_TAG) !== null && element !== null;
}

function attributeTexts(element: Element): string[] {
  const texts: string[] = [];
  for (const name of ['aria-label', 'title', 'alt']) {
    const value = normalise(element.getAttribute(name));
    if (value) texts.push(value);
  }
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) {
      const text = normalise(element.ownerDocument.getElementById(id)?.textContent);
      if (text) texts.push(text);
    }
  }
  return texts;
}

/** <label for> and wrapping labels, without the control's own value text. */
function labelElementTexts(element: Element): string[] {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) {
    const wrapping = element.closest('label');
    return wrapping ? [normalise(wrapping.textContent)] : [];
  }
  return Array.from(element.labels ?? []).map((label) => normalise(label.textContent)).filter(Boolean);
}

/** A <dd>'s <dt>; a cell's row header and column header (tables and ARIA grids). */
function structuralTexts(element: Element): string[] {
  const texts: string[] = [];
  const dd = element.closest('dd');
  if (dd) {
    let previous = dd.previousElementSibling;
    while (previous && previous.tagName !== 'DT') previous = previous.previousElementSibling;
    if (previous) texts.push(normalise(previous.textContent));
  }
  const cell = element.closest('td, [role=gridcell], [role=cell]');
  const row = cell?.parentElement;
  if (cell && row) {
    const rowHeader = row.querySelector(':scope > th, :scope > [role=rowheader]');
    if (rowHeader && rowHeader !== cell) texts.push(normalise(rowHeader.textContent));
    const index = Array.from(row.children).indexOf(cell);
    const table = row.closest('table, [role=table], [role=grid]');
    const header =
      table?.querySelector('thead tr') ?? table?.querySelector('tr:has(> th)') ?? table?.querySelector('[role=row]:has(> [role=columnheader])');
    if (header && header !== row) {
      const headerCell = header.children[index];
      if (headerCell) texts.push(normalise(headerCell.textContent));
    }
  }
  return texts;
}

/**
 * The labels of copy buttons and icons right beside the element (within its own row, up to two
 * levels up, where no other value stands): "Copy Secret Key", an icon titled "Secret key".
 */
function neighbourTexts(element: Element, boundaries: ReadonlySet<Element>): string[] {
  const texts: string[] = [];
  let scope: Element | null = element.parentElement;
  for (let level = 0; scope && level < 2; level++, scope = scope.parentElement) {
    const current = scope;
    if ([...boundaries].some((other) => other !== element && current.contains(other) && !other.contains(element))) break;
    for (const control of Array.from(scope.querySelectorAll(COPY_CONTROL))) {
      if (control === element || element.contains(control) || isOurs(control)) continue;
      texts.push(...attributeTexts(control));
    }
    if (texts.length > 0) break;
  }
  return texts;
}

const INLINE = /^(?:SPAN|B|STRONG|EM|I|SMALL|SUP|SUB|FONT|MARK|U|LABEL|ABBR)$/;

/**
 * The element whose whole text is one label: the text's parent, or the block an inline run sits
 * in. Null when that would take in the element being labelled (a bare text node beside it).
 */
function labelHolder(parent: Element, element: Element): Element | null {
  let holder = parent;
  while (INLINE.test(holder.tagName) && holder.parentElement && !holder.parentElement.contains(element)) {
    const wider = holder.parentElement;
    if ((wider.textContent ?? '').length > MAX_LABEL) break;
    holder = wider;
  }
  return holder.contains(element) ? null : holder;
}

/** Holds another value or control than `element` (not one of its ancestors or descendants). */
function holdsOther(scope: Element, element: Element, boundaries: ReadonlySet<Element>): boolean {
  for (const other of boundaries) {
    if (other !== element && scope.contains(other) && !other.contains(element) && !element.contains(other)) return true;
  }
  return false;
}

/** The element's row: its widest ancestor (a few levels up) that holds no other value or control. */
function rowOf(element: Element, boundaries: ReadonlySet<Element>): Element {
  let row = element;
  for (let level = 0; level < 5; level++) {
    const parent = row.parentElement;
    if (!parent || parent === element.ownerDocument.body || holdsOther(parent, element, boundaries)) break;
    row = parent;
  }
  return row;
}

/** Right-to-left, or a row laid out in reverse: the label is read after the value. */
function readsReversed(element: Element): boolean {
  if (element.closest('[dir]')?.getAttribute('dir') === 'rtl') return true;
  const view = element.ownerDocument.defaultView;
  for (let node = element.parentElement, level = 0; node && level < 3; node = node.parentElement, level++) {
    if (view?.getComputedStyle(node).flexDirection.endsWith('reverse')) return true;
  }
  return false;
}

/** The element's next sibling carries words ("[x] Withdraw"): a checkbox's label follows it. */
function wordsRightAfter(element: Element, boundaries: ReadonlySet<Element>): boolean {
  for (let node = element.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (/\p{L}/u.test(node.nodeValue ?? '')) return true;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const sibling = node as Element;
    if (boundaries.has(sibling) || [...boundaries].some((b) => sibling.contains(b))) return false;
    return /\p{L}/u.test(sibling.textContent ?? '');
  }
  return false;
}

function textPieces(element: Element, direction: 'before' | 'after', boundaries: ReadonlySet<Element>, within: Element | null): string[] {
  const doc = element.ownerDocument;
  // The walk stays within the row, or within a few ancestors: a label is near what it names.
  let scope: Element = element;
  for (let level = 0; level < 4 && scope.parentElement && scope.parentElement !== doc.body; level++) scope = scope.parentElement;
  if (within) scope = within;
  const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  walker.currentNode = element;
  const advance = () => (direction === 'before' ? walker.previousNode() : walker.nextNode());
  const pieces: string[] = [];
  const used = new Set<Element>();
  // Walking from the element itself: its nearest text first, and no more of the page than needed.
  for (let node = advance(), seen = 0; node && pieces.length < MAX_PIECES && seen < 200; node = advance(), seen++) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      // Another value or control: what lies beyond it is that one's label.
      if (boundaries.has(el) && !el.contains(element)) break;
      // A text field or list box is named by what stands before it; a choice (radio,
      // checkbox) on the way may be part of the same question ("IP access: ○ none ○ only…").
      if (el.matches(TEXT_CONTROL) && !el.contains(element) && direction === 'before') break;
      if (el.tagName === 'IMG') {
        const alt = normalise(el.getAttribute('alt'));
        if (alt) pieces.push(alt);
      }
      continue;
    }
    if (isOurs(node)) continue;
    // Text inside another value or control is that one's (walking back, it comes before it).
    if (boundaryHolding(node, element, boundaries)) {
      if (direction === 'before') break;
      continue;
    }
    const parent = node.parentElement;
    if (!parent || parent.matches('script, style, noscript, button, [role=button], option') || element.contains(node)) continue;
    const text = normalise(node.nodeValue);
    if (!text || !/[\p{L}]/u.test(text) || text.length > MAX_LABEL) {
      if (text.length > MAX_LABEL) break;
      continue;
    }
    if (isHidden(parent)) continue;
    // "Secret <b>Key</b>": the label is the whole inline run, read once.
    const holder = labelHolder(parent, element);
    if (holder) {
      if (used.has(holder)) continue;
      used.add(holder);
      const whole = normalise(holder.textContent);
      pieces.push(whole.length <= MAX_LABEL ? whole : text);
    } else {
      pieces.push(text);
    }
  }
  return pieces;
}

/**
 * Candidate label texts for `element`, nearest first. Callers match them in order and take the
 * first that names something.
 */
export function labelTexts(element: Element, options: LabelOptions = {}): string[] {
  const boundaries = options.boundaries ?? new Set<Element>();
  const row = rowOf(element, boundaries);
  const inRow = row === element ? [] : textPieces(element, 'before', boundaries, row);
  const inRowAfter = options.after && row !== element ? textPieces(element, 'after', boundaries, row) : [];
  const reversed = options.after !== undefined && options.after !== false && (readsReversed(element) || (element.matches(TOGGLE) && wordsRightAfter(element, boundaries)));
  const own = options.ownText ? normalise(element.textContent) : '';
  const texts = [
    ...(own && own.length <= MAX_LABEL ? [own] : []),
    ...attributeTexts(element),
    ...labelElementTexts(element),
    ...structuralTexts(element),
    ...(reversed ? [...inRowAfter, ...inRow] : [...inRow, ...inRowAfter]),
    ...neighbourTexts(element, boundaries),
    ...(reversed ? [] : textPieces(element, 'before', boundaries, null)),
  ];
  if (options.after === true) texts.push(...textPieces(element, 'after', boundaries, null));
  if (reversed) texts.push(...textPieces(element, 'before', boundaries, null));
  const placeholder = normalise(element.getAttribute('placeholder'));
  if (placeholder) texts.push(placeholder);
  return texts.filter((text, index) => text.length > 0 && text.length <= MAX_LABEL * 2 && texts.indexOf(text) === index);
}
