/**
 * Checks made before Keyward writes a secret into a page, against the attacks password managers
 * have suffered: invisible or tiny fields, fields moved off-screen, overlays that take the click
 * (clickjacking), a page made nearly transparent while Keyward's UI is shown (DOM-based extension
 * clickjacking, DEF CON 33), fields swapped between the choice and the fill, frames from another
 * origin, plain http, and hosts that are not the platform's own. Every check fails closed.
 */
import type { PlainKey } from '../../i18n/keys';

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
  | 'field-disabled'
  | 'page-filtered'
  | 'keyward-covered'
  | 'keyward-hidden';

/** Why each refusal happened, as the message key a note says (after "Keyward did not fill:" etc.). */
export const REFUSAL_MESSAGES = {
  'not-top-or-same-origin-frame': 'noteRefusalNotTopOrSameOriginFrame',
  'not-https': 'noteRefusalNotHttps',
  'host-not-allowed': 'noteRefusalHostNotAllowed',
  'field-missing': 'noteRefusalFieldMissing',
  'field-hidden': 'noteRefusalFieldHidden',
  'field-too-small': 'noteRefusalFieldTooSmall',
  'field-off-screen': 'noteRefusalFieldOffScreen',
  'field-transparent': 'noteRefusalFieldTransparent',
  'field-covered': 'noteRefusalFieldCovered',
  'page-transparent': 'noteRefusalPageTransparent',
  'field-changed': 'noteRefusalFieldChanged',
  'field-disabled': 'noteRefusalFieldDisabled',
  'page-filtered': 'noteRefusalPageFiltered',
  'keyward-covered': 'noteRefusalKeywardCovered',
  'keyward-hidden': 'noteRefusalKeywardHidden',
} as const satisfies Record<Refusal, PlainKey>;

/**
 * The frame may receive a fill: the top frame, or a frame whose every ancestor has its origin.
 * Checking only the top would let a same-origin frame nested inside a foreign one (A > evil > A)
 * through: the foreign middle frame can cover and restyle it.
 */
export function frameAllowed(win: Window): boolean {
  if (win.top === win) return true;
  try {
    const origin = win.location.origin;
    // Chromium lists every ancestor's origin; Firefox has no such list, so walk the parents.
    const ancestors = win.location.ancestorOrigins as DOMStringList | undefined;
    if (ancestors && Array.from(ancestors).some((o) => o !== origin)) return false;
    for (let frame: Window = win; frame !== frame.top; frame = frame.parent) {
      // Reading a cross-origin parent's origin throws: exactly the case to refuse.
      if (frame.parent === frame || frame.parent.location.origin !== origin) return false;
    }
    return true;
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

/** The page itself: html and body must not be faded (the DEF CON 33 attack fades them), nor filtered. */
export function pageRefusal(doc: Document): Refusal | null {
  for (const element of [doc.documentElement, doc.body]) {
    if (element && effectiveOpacity(element) < MIN_OPACITY) return 'page-transparent';
    const style = element ? doc.defaultView?.getComputedStyle(element) : undefined;
    if (style && filterHides(style.filter)) return 'page-filtered';
  }
  return null;
}

/**
 * A filter that takes the element out of sight without fading it: darkened or washed out to
 * nothing, blurred, inverted to grey, or an SVG filter (which can do anything). Mild effects a
 * design uses (grayscale, sepia, a drop shadow, a hue shift) leave it readable.
 */
export function filterHides(filter: string): boolean {
  if (!filter || filter === 'none') return false;
  if (/url\(/i.test(filter)) return true;
  for (const [, name = '', raw = ''] of filter.matchAll(/([a-z-]+)\(([^)]*)\)/gi)) {
    const amount = raw.trim().endsWith('%') ? Number.parseFloat(raw) / 100 : Number.parseFloat(raw);
    const value = Number.isFinite(amount) ? amount : 1;
    switch (name.toLowerCase()) {
      case 'brightness':
        if (value < 0.5 || value > 2.5) return true;
        break;
      case 'contrast':
        if (value < 0.5) return true;
        break;
      case 'invert':
        if (value > 0.3 && value < 0.7) return true;
        break;
      case 'blur':
        if (Number.parseFloat(raw) > 1) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/**
 * How much smaller the element is drawn than laid out: a transform: scale(0.01) on any ancestor
 * shrinks it to a dot without changing its layout size. 1 when it cannot be told.
 */
export function drawnScale(element: Element): number {
  if (!(element instanceof HTMLElement) || element.offsetWidth === 0 || element.offsetHeight === 0) return 1;
  const rect = element.getBoundingClientRect();
  return Math.min(rect.width / element.offsetWidth, rect.height / element.offsetHeight);
}

const MIN_SCALE = 0.6;

/** An ancestor (or the element) filtered out of sight. */
function filteredAway(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    // A blend mode (difference, multiply over black) can make an element vanish into what is under it.
    if (style && (filterHides(style.filter) || (Boolean(style.mixBlendMode) && style.mixBlendMode !== 'normal'))) return true;
  }
  return false;
}

/**
 * Keyward's own button or picker host, at the moment the user clicks it: shown, not faded,
 * filtered or shrunk, and on top where the click landed, with nothing painted over it that lets
 * the click through. A page that disguises or hides Keyward's UI gets no picker at all.
 */
export function keywardUiRefusal(host: HTMLElement, point: { x: number; y: number } | null): Refusal | null {
  if (!host.isConnected || hiddenByStyle(host)) return 'keyward-hidden';
  if (effectiveOpacity(host) < MIN_OPACITY || filteredAway(host) || drawnScale(host) < MIN_SCALE) return 'keyward-hidden';
  const rect = host.getBoundingClientRect();
  if (rect.width < MIN_WIDTH || rect.height < MIN_HEIGHT) return 'keyward-hidden';
  const doc = host.ownerDocument;
  const x = point?.x ?? rect.left + rect.width / 2;
  const y = point?.y ?? rect.top + rect.height / 2;
  // A click outside the host's box was not a click on it (the event was retargeted or synthesised).
  if (x < rect.left - 1 || x > rect.right + 1 || y < rect.top - 1 || y > rect.bottom + 1) return 'keyward-covered';
  if (doc.elementFromPoint(x, y) !== host || overlaidByPassThrough(host)) return 'keyward-covered';
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
  if (filteredAway(field)) return 'field-hidden';
  if (drawnScale(field) < MIN_SCALE) return 'field-too-small';
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
  if (color === 'transparent' || color === '') return false;
  const alpha = /rgba?\([^)]*[,/]\s*([\d.]+%?)\s*\)/.exec(color);
  if (alpha?.[1] === undefined) return true;
  const value = alpha[1].endsWith('%') ? Number.parseFloat(alpha[1]) / 100 : Number.parseFloat(alpha[1]);
  return value > 0.05;
}

/** Elements that draw content of their own whatever their style: a picture is a decoy too. */
const REPLACED = new Set(['IMG', 'CANVAS', 'VIDEO', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'EMBED', 'PICTURE', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);

/**
 * Does this element put anything on the screen of its own: a background, an image or a replaced
 * element (img, canvas, video, svg), a shadow (an inset box-shadow paints over its whole box), a
 * border or outline, text, or generated content? An empty transparent layer paints nothing.
 */
function paintsSomething(element: Element, style: CSSStyleDeclaration, view: Window): boolean {
  if (REPLACED.has(element.tagName)) return true;
  if (paints(style.backgroundColor) || (style.backgroundImage && style.backgroundImage !== 'none')) return true;
  if (style.boxShadow && style.boxShadow !== 'none') return true;
  if (style.backdropFilter && style.backdropFilter !== 'none') return true;
  if (style.outlineStyle && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) return true;
  for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
    if (style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0) return true;
  }
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '') return true;
  }
  for (const pseudo of ['::before', '::after']) {
    const content = view.getComputedStyle(element, pseudo).content;
    if (content && content !== 'none' && content !== 'normal') return true;
  }
  return false;
}

/**
 * Something painted over the element that lets clicks through (pointer-events: none): the
 * decoy of a clickjacking page, invisible to elementFromPoint. Chromium's IntersectionObserver v2
 * sees it too; Firefox has only this. Any element that is not the target, its ancestor or its
 * descendant, overlaps it, and paints anything (see paintsSomething), counts, positioned or not:
 * a transform lifts a static element over its neighbours just as well.
 */
export function overlaidByPassThrough(element: Element): boolean {
  const box = element.getBoundingClientRect();
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  for (const other of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (other === element || other.contains(element) || element.contains(other)) continue;
    const style = view.getComputedStyle(other);
    if (style.pointerEvents !== 'none' || style.visibility === 'hidden' || style.visibility === 'collapse' || style.display === 'none') continue;
    // A decoration drawn behind the content (a card's background layer) covers nothing.
    if (style.position !== 'static' && Number.parseInt(style.zIndex, 10) < 0) continue;
    const r = other.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.right <= box.left || r.left >= box.right || r.bottom <= box.top || r.top >= box.bottom) continue;
    if (effectiveOpacity(other) < 0.05) continue;
    if (paintsSomething(other, style, view)) return true;
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
