/**
 * Reading a page the way a person does: by the text of labels and the controls and values that
 * stand next to them. Nothing here relies on ids or class names, which exchanges hash and change
 * with every release. No browser extension API: these run in a content script and in unit tests.
 */

/** Our own inline UI: never read it as part of the page. */
export const KEYWARD_HOST_TAG = 'keyward-inline';

const MAX_LABEL_LENGTH = 80;

export function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** The text a person reads in an element, without our own UI. */
export function visibleText(element: Element): string {
  if (!element.querySelector(KEYWARD_HOST_TAG)) return normalise(element.textContent);
  const clone = element.cloneNode(true) as Element;
  for (const ours of Array.from(clone.querySelectorAll(KEYWARD_HOST_TAG))) ours.remove();
  return normalise(clone.textContent);
}

/** Inside Keyward's own inline UI. */
export function isOurs(element: Element): boolean {
  return element.closest(KEYWARD_HOST_TAG) !== null;
}

/** The deepest element that holds all of `elements` (the first one included). */
export function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  let ancestor: Element | null = first ?? null;
  while (ancestor && !rest.every((e) => ancestor?.contains(e))) ancestor = ancestor.parentElement;
  return ancestor;
}

/** Levels up from `a` to the first ancestor that also holds `b`: how closely two values belong. */
export function levelsUp(a: Element, b: Element): number {
  let steps = 0;
  for (let node: Element | null = a; node; node = node.parentElement, steps++) {
    if (node.contains(b)) return steps;
  }
  return Number.POSITIVE_INFINITY;
}

/** By node type, not instanceof: documents from another realm (tests, frames) must work too. */
export function ownerDocument(node: Node): Document {
  return node.nodeType === Node.DOCUMENT_NODE ? (node as Document) : (node.ownerDocument ?? document);
}


/** Hidden by attribute or style on itself or an ancestor (layout-free, so it also works in tests). */
export function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}

/**
 * The deepest visible elements whose whole text matches: a label, a heading, a table header.
 * Walks text nodes, not elements, so one pass is linear in the page (no textContent of big
 * containers), which matters on pages with thousands of nodes.
 */
export function findLabels(root: ParentNode, pattern: RegExp): Element[] {
  const found: Element[] = [];
  const seen = new Set<Element>();
  const doc = ownerDocument(root as Node);
  const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const own = node.nodeValue ?? '';
    if (own.trim().length === 0 || own.length > MAX_LABEL_LENGTH * 3) continue;
    // A label may be split over a few inline nodes ("Secret Key" + "*"): test up to two parents.
    let element = node.parentElement;
    for (let level = 0; element && level < 2; level++, element = element.parentElement) {
      if (seen.has(element)) break;
      if (element instanceof HTMLScriptElement || element instanceof HTMLStyleElement) break;
      const raw = element.textContent ?? '';
      if (raw.length > MAX_LABEL_LENGTH * 3) break;
      const text = normalise(raw).replace(/[:：*]+$/, '').trim();
      if (text.length === 0 || text.length > MAX_LABEL_LENGTH) break;
      if (pattern.test(text)) {
        seen.add(element);
        if (!isOurs(element) && !isHidden(element)) found.push(element);
        break;
      }
    }
  }
  // Keep the deepest match when an element and its ancestor both matched.
  return found.filter((element) => !found.some((other) => other !== element && element.contains(other)));
}

const CONTROL_SELECTOR =
  'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]), textarea, select, [role=checkbox], [role=switch], [contenteditable=true]';
const TOGGLE_SELECTOR = 'input[type=checkbox], input[type=radio], [role=checkbox], [role=switch], [aria-pressed]';

export function isToggle(element: Element): boolean {
  return element.matches(TOGGLE_SELECTOR);
}

function following(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * The control a label names: <label for>, a control inside the label, aria-labelledby, or the
 * nearest control after it within a couple of ancestors (div-soup forms label nothing).
 */
export function controlFor(
  label: Element,
  selector: string = CONTROL_SELECTOR,
  direction: 'either' | 'after' = 'either',
): HTMLElement | null {
  if (label instanceof HTMLLabelElement && label.control && label.control.matches(selector)) return label.control;
  // Custom checkboxes often wrap their own text: <span role=checkbox><i/><span>Trade</span></span>.
  const enclosing = label.closest<HTMLElement>(selector);
  if (enclosing) return enclosing;
  const inside = label.querySelector<HTMLElement>(selector);
  if (inside) return inside;
  if (label.id) {
    const labelled = label.ownerDocument.querySelector<HTMLElement>(`[aria-labelledby~="${CSS.escape(label.id)}"]`);
    if (labelled?.matches(selector)) return labelled;
  }
  let scope: Element | null = label.parentElement;
  for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
    const controls = Array.from(scope.querySelectorAll<HTMLElement>(selector)).filter(
      // A text field is written under or after its label; one above it belongs to another label.
      (c) => !isOurs(c) && (direction === 'either' || following(label, c)),
    );
    if (controls.length === 0) continue;
    if (controls.length === 1) return controls[0] ?? null;
    // Several controls: the first after the label, unless that one belongs to another label.
    return controls.find((c) => following(label, c)) ?? null;
  }
  return null;
}


/** On or off as a person would read it; class names are a last resort ("ant-switch-checked"). */
export function isOn(toggle: Element): boolean {
  if (toggle instanceof HTMLInputElement) return toggle.checked;
  for (const attribute of ['aria-checked', 'aria-pressed']) {
    const value = toggle.getAttribute(attribute);
    if (value !== null) return value === 'true';
  }
  const state = toggle.getAttribute('data-state');
  if (state !== null) return state === 'checked' || state === 'on';
  return /(?:^|[-_\s])(?:checked|is-checked|active|on)(?:$|[-_\s])/i.test(toggle.getAttribute('class') ?? '');
}

export function fieldValue(element: Element): string {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return element.value;
  if (element instanceof HTMLSelectElement) return element.selectedOptions[0]?.textContent ?? '';
  return visibleText(element);
}

/** Input or textarea for a label, or one whose placeholder / aria-label uses the words itself. */
export function textFieldFor(root: ParentNode, pattern: RegExp): HTMLInputElement | HTMLTextAreaElement | null {
  for (const label of findLabels(root, pattern)) {
    const control = controlFor(label, 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea', 'after');
    if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) return control;
  }
  for (const field of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
    const hint = normalise(field.getAttribute('aria-label') ?? field.getAttribute('placeholder') ?? '');
    if (hint && pattern.test(hint) && !isHidden(field)) return field;
  }
  return null;
}
