/**
 * Finding things the way a person does, by what the page shows: a role and its name, visible
 * text, a label, a placeholder, or the field after some words. The search runs inside the page
 * (serialised by Playwright or Puppeteer), so Chromium and Firefox find exactly the same element.
 */

export type Pattern = string | RegExp;

export interface Target {
  /** An ARIA role (implicit roles of the usual elements included). */
  role?: 'button' | 'checkbox' | 'radio' | 'switch' | 'dialog' | 'heading' | 'link' | 'textbox' | 'combobox' | 'option' | 'alert' | 'status';
  /** Accessible name: a string matches exactly (whitespace squeezed), else case-insensitively in part; a RegExp tests it. */
  name?: Pattern;
  /** Visible text, matched like `name`; the innermost element that shows it. */
  text?: Pattern;
  /** The form control a label (or aria-label) names. */
  label?: Pattern;
  placeholder?: Pattern;
  css?: string;
  /** The first text field after these exact words (labels a page did not associate). */
  after?: string;
  /** Keeps the candidates whose text contains this. */
  hasText?: string;
  /** Keeps the candidates that contain a match of this. */
  has?: Target;
  /** Searches inside the (first) match of this. */
  within?: Target;
  /** Which match: 0 by default, or the last. */
  nth?: number | 'last';
}

/** A Target as it crosses into the page: RegExps as their source and flags. */
export type WirePattern = string | { source: string; flags: string };
export interface WireTarget extends Omit<Target, 'name' | 'text' | 'label' | 'placeholder' | 'has' | 'within'> {
  name?: WirePattern;
  text?: WirePattern;
  label?: WirePattern;
  placeholder?: WirePattern;
  has?: WireTarget;
  within?: WireTarget;
}

const wirePattern = (p: Pattern | undefined): WirePattern | undefined =>
  p === undefined || typeof p === 'string' ? p : { source: p.source, flags: p.flags };

export function toWire(target: Target): WireTarget {
  return {
    ...target,
    name: wirePattern(target.name),
    text: wirePattern(target.text),
    label: wirePattern(target.label),
    placeholder: wirePattern(target.placeholder),
    has: target.has && toWire(target.has),
    within: target.within && toWire(target.within),
  };
}

/** For messages: what a Target describes, in a few words. */
export function describeTarget(target: Target): string {
  return JSON.stringify(toWire(target));
}

/**
 * Runs in the page: the element a Target picks ('one', or null) or how many match ('count').
 * Self-contained on purpose (no imports, no outer names): it is sent as source text.
 */
export function locateInPage([target, mode]: readonly [WireTarget, 'one' | 'count']): Element | null | number {
  const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const test = (value: string, want: WirePattern, loose: boolean) =>
    typeof want === 'string'
      ? loose
        ? value.toLowerCase().includes(squeeze(want).toLowerCase())
        : value === squeeze(want)
      : new RegExp(want.source, want.flags).test(value);
  const rendered = (el: Element) => {
    if (el.getClientRects().length === 0) return false;
    if (el.closest('[aria-hidden="true"]')) return false;
    return getComputedStyle(el).visibility !== 'hidden';
  };
  const shown = (el: Element) => {
    if (!rendered(el)) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const textOf = (el: Element) => squeeze(el instanceof HTMLElement ? el.innerText : el.textContent);
  const ROLES: Record<string, string> = {
    button: 'button, [role=button], input[type=button], input[type=submit], input[type=reset], summary',
    checkbox: 'input[type=checkbox], [role=checkbox]',
    radio: 'input[type=radio], [role=radio]',
    switch: '[role=switch]',
    dialog: 'dialog[open], [role=dialog], [role=alertdialog]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    link: 'a[href], [role=link]',
    textbox:
      'input:not([type]), input[type=text], input[type=password], input[type=email], input[type=search], input[type=number], input[type=tel], input[type=url], textarea, [role=textbox]',
    combobox: 'select, [role=combobox]',
    option: 'option, [role=option]',
    alert: '[role=alert]',
    status: '[role=status]',
  };
  const nameOf = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return squeeze(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    const aria = el.getAttribute('aria-label');
    if (aria) return squeeze(aria);
    // Labelable elements (a <button role=checkbox> too) take their name from <label for>.
    const labelled = 'labels' in el ? squeeze([...((el as HTMLButtonElement).labels ?? [])].map((l) => l.textContent).join(' ')) : '';
    if (labelled) return labelled;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
      if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return squeeze(el.value);
      return squeeze(el.getAttribute('title') ?? el.getAttribute('placeholder'));
    }
    return textOf(el) || squeeze(el.getAttribute('title'));
  };
  // Exact matches win; only when there are none do looser (part, any case) ones count.
  const pick = (all: Element[], value: (el: Element) => string, want: WirePattern | undefined) => {
    if (want === undefined) return all;
    const exact = all.filter((el) => test(value(el), want, false));
    return exact.length > 0 || typeof want !== 'string' ? exact : all.filter((el) => test(value(el), want, true));
  };
  const innermost = (all: Element[]) => all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
  const controlOf = (label: Element) =>
    label instanceof HTMLLabelElement ? (label.control ?? label.querySelector('input, select, textarea')) : null;

  const resolve = (scope: ParentNode, t: WireTarget): Element[] => {
    const everything = () => [...scope.querySelectorAll('*')];
    let found: Element[];
    if (t.role !== undefined) {
      found = pick([...scope.querySelectorAll(ROLES[t.role] ?? `[role=${t.role}]`)].filter(rendered), nameOf, t.name);
    } else if (t.label !== undefined) {
      const labels = pick([...scope.querySelectorAll('label')].filter(rendered), textOf, t.label);
      const named = pick([...scope.querySelectorAll('[aria-label]')].filter(rendered), (el) => squeeze(el.getAttribute('aria-label')), t.label);
      found = [...labels.map(controlOf).filter((el): el is HTMLElement => el !== null), ...(t.label === undefined ? [] : named)];
    } else if (t.placeholder !== undefined) {
      found = pick([...scope.querySelectorAll('[placeholder]')].filter(rendered), (el) => squeeze(el.getAttribute('placeholder')), t.placeholder);
    } else if (t.after !== undefined) {
      const words = t.after;
      const anchors = innermost(everything().filter((el) => shown(el) && textOf(el) === squeeze(words)));
      const fields = [...scope.querySelectorAll('input, textarea')].filter(shown);
      found = anchors.flatMap((anchor) => fields.filter((f) => anchor.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING).slice(0, 1));
    } else if (t.text !== undefined) {
      // With a css, the element of that kind that shows the text (a <label> around its words).
      found = t.css === undefined ? innermost(pick(everything().filter(shown), textOf, t.text)) : pick([...scope.querySelectorAll(t.css)].filter(shown), textOf, t.text);
    } else {
      found = [...scope.querySelectorAll(t.css ?? '*')];
    }
    if (t.css !== undefined && (t.role !== undefined || t.label !== undefined)) {
      const css = t.css;
      found = found.filter((el) => el.matches(css));
    }
    if (t.hasText !== undefined) {
      const part = t.hasText;
      found = found.filter((el) => textOf(el).includes(part));
    }
    if (t.has !== undefined) {
      const inner = t.has;
      found = found.filter((el) => resolve(el, inner).length > 0);
    }
    return found;
  };

  let scope: ParentNode = document;
  const chain: WireTarget[] = [];
  for (let t: WireTarget | undefined = target; t !== undefined; t = t.within) chain.unshift(t);
  for (const [i, t] of chain.entries()) {
    const all = resolve(scope, t);
    if (i === chain.length - 1) {
      if (mode === 'count') return all.length;
      return (t.nth === 'last' ? all.at(-1) : all[t.nth ?? 0]) ?? null;
    }
    const next = t.nth === 'last' ? all.at(-1) : all[t.nth ?? 0];
    if (next === undefined) return mode === 'count' ? 0 : null;
    scope = next;
  }
  return null;
}
