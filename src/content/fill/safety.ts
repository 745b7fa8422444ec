/**
 * Checks made before Keyward writes a secret into a page, against the attacks password managers
 * have suffered: invisible or tiny fields, fields moved off-screen, overlays that take the click
 * (clickjacking), a page made nearly transparent while Keyward's UI is shown (DOM-based extension
 * clickjacking, DEF CON 33), fields swapped between the choice and the fill, frames from another
 * origin, plain http, and hosts that are not the platform's own. Every check fails closed.
 */

export const MIN_OPACITY = 0.7;
export const MIN_WIDTH = 20;
export const MIN_HEIGHT = 10;

export type Refusal =
  | 'not-top-or-same-origin-frame'
  | 'not-https'
  | 'host-not-allowed'
  | 'field-missing'
  | 'field-hidden'
  | 'field-too-small'
  | 'field-off-screen'
  | 'field-transparent'
  | 'field-covered'
  | 'page-transparent'
  | 'field-changed'
  | 'field-disabled';

export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  'not-top-or-same-origin-frame': 'The form is inside a frame from another site.',
  'not-https': 'The page is not served over https.',
  'host-not-allowed': 'This site is not the platform’s own address.',
  'field-missing': 'The form’s fields are gone.',
  'field-hidden': 'A field is hidden.',
  'field-too-small': 'A field is too small to see.',
  'field-off-screen': 'A field is outside the visible page.',
  'field-transparent': 'A field is (nearly) transparent.',
  'field-covered': 'Something covers a field.',
  'page-transparent': 'The page has been made (nearly) transparent.',
  'field-changed': 'The form changed after you opened Keyward.',
  'field-disabled': 'A field is disabled or read-only.',
};

/** The frame may receive a fill: the top frame, or a frame of the top frame's own origin. */
export function frameAllowed(win: Window): boolean {
  if (win.top === win) return true;
  try {
    // Reading the top's origin throws for a cross-origin parent: exactly the case to refuse.
    return win.top !== null && win.top.location.origin === win.location.origin;
  } catch {
    return false;
  }
}

/**
 * https, and either one of the platform's exact hosts on the default port, or exactly the origin
 * of a site the user added (self-hosted platforms and other sites, where a port is common).
 */
export function locationAllowed(loc: Location, allowedHosts: readonly string[], userSiteOrigin?: string): Refusal | null {
  if (loc.protocol !== 'https:') return 'not-https';
  if (userSiteOrigin !== undefined) return loc.origin === userSiteOrigin ? null : 'host-not-allowed';
  if (loc.port !== '' || !allowedHosts.includes(loc.hostname)) return 'host-not-allowed';
  return null;
}

/** The product of the element's and its ancestors' opacity: what the eye actually gets. */
export function effectiveOpacity(element: Element): number {
  let opacity = 1;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    if (!style) continue;
    const value = Number.parseFloat(style.opacity);
    if (Number.isFinite(value)) opacity *= value;
    // filter: opacity(…) fades just as well.
    const filter = /opacity\(\s*([\d.]+)(%?)\s*\)/.exec(style.filter);
    if (filter?.[1]) opacity *= filter[2] === '%' ? Number.parseFloat(filter[1]) / 100 : Number.parseFloat(filter[1]);
  }
  return opacity;
}

function hiddenByStyle(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    if (!style) continue;
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
    if (style.contentVisibility === 'hidden') return true;
    if (/inset\(\s*50%/.test(style.clipPath) || /rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(style.clip)) return true;
  }
  return false;
}

/** The page itself: html and body must not be faded (the DEF CON 33 attack fades them). */
export function pageRefusal(doc: Document): Refusal | null {
  for (const element of [doc.documentElement, doc.body]) {
    if (element && effectiveOpacity(element) < MIN_OPACITY) return 'page-transparent';
  }
  return null;
}

/** What the user sees of this field, or why it does not count as seen. */
export function fieldRefusal(field: HTMLElement): Refusal | null {
  if (!field.isConnected) return 'field-missing';
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
    if (field.disabled || field.readOnly) return 'field-disabled';
  }
  if (hiddenByStyle(field)) return 'field-hidden';
  let rect = field.getBoundingClientRect();
  if (rect.width < MIN_WIDTH || rect.height < MIN_HEIGHT) return 'field-too-small';
  const view = field.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 0;
  const height = view?.innerHeight ?? 0;
  // Outside the page itself (left: -9999px and the like) is hiding; merely below the fold is not:
  // bring it into view, then look at it like the user will.
  const pageX = rect.left + (view?.scrollX ?? 0);
  const pageY = rect.top + (view?.scrollY ?? 0);
  const docWidth = field.ownerDocument.documentElement.scrollWidth;
  const docHeight = field.ownerDocument.documentElement.scrollHeight;
  if (pageX + rect.width <= 0 || pageY + rect.height <= 0) return 'field-off-screen';
  if ((docWidth > 0 && pageX >= docWidth) || (docHeight > 0 && pageY >= docHeight)) return 'field-off-screen';
  if (rect.top < 0 || rect.bottom > height || rect.left < 0 || rect.right > width) {
    field.scrollIntoView({ block: 'center', inline: 'nearest' });
    rect = field.getBoundingClientRect();
  }
  const centreX = rect.left + rect.width / 2;
  const centreY = rect.top + rect.height / 2;
  if (centreX < 0 || centreY < 0 || centreX > width || centreY > height) return 'field-off-screen';
  if (effectiveOpacity(field) < MIN_OPACITY) return 'field-transparent';
  // Whatever is on top at the field's centre and near its corners must be the field (or inside it).
  const points: [number, number][] = [
    [centreX, centreY],
    [rect.left + 4, rect.top + 4],
    [rect.right - 4, rect.bottom - 4],
  ];
  for (const [x, y] of points) {
    if (x < 0 || y < 0 || x > width || y > height) continue;
    const top = field.ownerDocument.elementFromPoint(x, y);
    if (!top || !(top === field || field.contains(top))) return 'field-covered';
  }
  return null;
}

/** A colour with some opacity left: "rgba(0, 0, 0, 0)" and "transparent" paint nothing. */
function paints(color: string): boolean {
  if (color === 'transparent') return false;
  const alpha = /rgba?\([^)]*,\s*([\d.]+)\s*\)/.exec(color);
  return alpha?.[1] === undefined || Number.parseFloat(alpha[1]) > 0.05;
}

/**
 * Something painted over the element that lets clicks through (pointer-events: none): the
 * decoy of a clickjacking page, invisible to elementFromPoint. Chromium's IntersectionObserver v2
 * sees it too; Firefox has only this. Positioned elements that paint a background or an image,
 * over any part of the element, count; a transparent layer (a toast container) does not.
 */
export function overlaidByPassThrough(element: Element): boolean {
  const box = element.getBoundingClientRect();
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  for (const other of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (other === element || other.contains(element) || element.contains(other)) continue;
    const style = view.getComputedStyle(other);
    if (style.pointerEvents !== 'none' || style.position === 'static' || style.visibility !== 'visible') continue;
    if (!paints(style.backgroundColor) && style.backgroundImage === 'none') continue;
    if (effectiveOpacity(other) < 0.05) continue;
    const r = other.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.right <= box.left || r.left >= box.right || r.bottom <= box.top || r.top >= box.bottom) continue;
    return true;
  }
  return false;
}

/** Where a field was when the user opened Keyward: the fill is refused if it moved or was swapped. */
export interface FieldSnapshot {
  element: HTMLElement;
  rect: { left: number; top: number; width: number; height: number };
}

/** In page coordinates, so scrolling between the choice and the fill is not a change. */
function pageRect(element: HTMLElement): FieldSnapshot['rect'] {
  const r = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  return { left: r.left + (view?.scrollX ?? 0), top: r.top + (view?.scrollY ?? 0), width: r.width, height: r.height };
}

export function snapshot(element: HTMLElement): FieldSnapshot {
  return { element, rect: pageRect(element) };
}

export function changedSince(before: FieldSnapshot, current: HTMLElement | null, tolerance = 2): boolean {
  if (!current || current !== before.element) return true;
  const r = pageRect(current);
  return (
    Math.abs(r.left - before.rect.left) > tolerance ||
    Math.abs(r.top - before.rect.top) > tolerance ||
    Math.abs(r.width - before.rect.width) > tolerance ||
    Math.abs(r.height - before.rect.height) > tolerance
  );
}

/**
 * Writes a value the way typing would reach a framework: the native value setter (so React's and
 * Vue's own value trackers see a change) and bubbling input and change events.
 */
export function setFieldValue(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}
