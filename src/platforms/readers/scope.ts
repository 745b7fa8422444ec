/**
 * The trading scope a bind form has selected: Spot, Futures or Both (HTX's bind guide, seed 003,
 * step 7: "Select trading scope: Spot / Futures / Both"; OctoBot's spot / future radios; a market
 * type on 3Commas-like forms, or an exchange entry such as "Binance Futures USDT-M"). Read by the
 * words a person sees on the choices, in English, Chinese and Russian, whatever the control:
 * a select, radios, role=radio / role=tab items, segmented buttons, a pair of checkboxes, or a
 * custom select (role=combobox) labelled as the scope.
 * Pure DOM, no browser extension API: runs in a content script and in tests.
 */
import { type TradingScope } from '../../core/preflight';
import { KEYWARD_HOST_TAG, isHidden, normalise } from '../../dom/elements';
import { type BindForm, type EditableBindForm, treeDistance } from './bind-form';
import { formBlock } from './shown-ips';

// ---------------------------------------------------------------------------------------------
// Words. Latin and Cyrillic words stand alone (no letter either side); Chinese has no spaces, so
// its words are found inside the text. "kucoinfutures" / "binance_perpetual" (ids that platforms
// show as names) end in the word, glued: those two words may follow letters.

const SPOT = /(?<!\p{L})(?:spot|спот\p{L}*)(?!\p{L})|现货|币币/u;
const FUTURES =
  /(?:futures?|perpetuals?)(?!\p{L})|(?<!\p{L})(?:perps?|swaps?|derivatives?|contracts?|usd[st]?\s?m|coin\s?m|фьючерс\p{L}*|дериватив\p{L}*|бессрочн\p{L}*|своп\p{L}*)(?!\p{L})|合约|永续|期货|衍生品|交割/u;
/** A choice that means both only where the other choices are Spot and Futures. */
const BOTH_ALONE = /^(?:both|all|all\s+markets|全部|两者|都|оба|все|всё)$/u;
/** What a scope control's own label says: "Trading scope", "Market type", "交易类型", "Тип рынка". */
const SCOPE_LABEL =
  /(?:scope|market|(?:trading|account|exchange|wallet|contract)\s+type|交易类型|市场|账户类型|交易范围|交易模式|рын\p{L}*|тип\s+(?:торговли|аккаунта|сч[её]та|биржи)|режим\s+торговли)/u;

/** Longer choices (a card with a description) are read by their first phrase. */
const MAX_CHOICE = 60;
const MAX_LABEL = 40;

function simplify(text: string | null | undefined): string {
  return normalise(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\-./|·•]+/g, ' ')
    .trim();
}

function headOf(text: string): string {
  return text.length <= MAX_CHOICE ? text : (text.split(/[—–:：(（\n,，.。]/)[0] ?? '').slice(0, MAX_CHOICE);
}

/** What a text names by itself: "Spot", "USDⓈ-M Futures", "现货+合约" (both), or nothing. */
export function scopeOfText(text: string | null | undefined): TradingScope | null {
  const value = headOf(simplify(text));
  const spot = SPOT.test(value);
  const futures = FUTURES.test(value);
  if (spot && futures) return 'both';
  if (spot) return 'spot';
  return futures ? 'futures' : null;
}

/** What a choice means among Spot and Futures choices: also "Both", "All", "全部", "Оба". */
function scopeOfChoice(text: string): TradingScope | null {
  return scopeOfText(text) ?? (BOTH_ALONE.test(simplify(text)) ? 'both' : null);
}

// ---------------------------------------------------------------------------------------------
// Controls: each becomes a group of choices, with the chosen one (or none).

interface ChoiceGroup {
  /** Where the group sits, for its label and its distance to the form's fields. */
  container: Element;
  choices: string[];
  /** The scope the chosen choice (or checked boxes) means; null: nothing chosen, or another meaning. */
  chosen: TradingScope | null;
  anyChosen: boolean;
}

function usable(element: Element): boolean {
  return element.closest(KEYWARD_HOST_TAG) === null && !isHidden(element);
}

function textOf(element: Element): string {
  const aria = element.getAttribute('aria-label');
  if (aria) return normalise(aria);
  if (element instanceof HTMLInputElement) {
    const label = element.labels?.[0] ?? element.closest('label');
    return normalise((label ?? element.parentElement)?.textContent);
  }
  return normalise(element.textContent);
}

function commonAncestor(elements: Element[]): Element | null {
  const [first, ...rest] = elements;
  let scope: Element | null = first?.parentElement ?? null;
  while (scope && !rest.every((e) => scope?.contains(e))) scope = scope.parentElement;
  return scope;
}

function groupOf(container: Element, items: { text: string; chosen: boolean }[]): ChoiceGroup {
  const chosen = items.find((item) => item.chosen);
  return {
    container,
    choices: items.map((item) => item.text),
    chosen: chosen ? scopeOfChoice(chosen.text) : null,
    anyChosen: chosen !== undefined,
  };
}

function selectGroups(block: Element): ChoiceGroup[] {
  return Array.from(block.querySelectorAll('select'))
    .filter(usable)
    .map((select) => {
      const options = Array.from(select.options).filter((o) => !o.disabled && o.value !== '');
      // selectedIndex first: happy-dom keeps selectedOptions stale after a value change.
      const picked = (select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined) ?? select.selectedOptions[0];
      return groupOf(
        select,
        options.map((o) => ({ text: normalise(o.textContent), chosen: o === picked })),
      );
    });
}

/** Native radios by name (or, unnamed, by their parent's parent: one label per radio). */
function radioGroups(block: Element): ChoiceGroup[] {
  const byGroup = new Map<string | Element, HTMLInputElement[]>();
  for (const radio of Array.from(block.querySelectorAll<HTMLInputElement>('input[type=radio]'))) {
    // A styled radio hides its input and shows the label: the label's visibility counts.
    const shown = radio.labels?.[0] ?? radio.closest('label') ?? radio;
    if (!usable(shown)) continue;
    const key = radio.name || radio.parentElement?.parentElement || radio;
    byGroup.set(key, [...(byGroup.get(key) ?? []), radio]);
  }
  return [...byGroup.values()].map((radios) =>
    groupOf(
      commonAncestor(radios) ?? block,
      radios.map((r) => ({ text: textOf(r), chosen: r.checked })),
    ),
  );
}

/** ARIA radios and tabs: role=radio in a radiogroup, role=tab in a tablist. */
function ariaGroups(block: Element): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  const kinds = [
    { container: '[role=radiogroup]', item: '[role=radio]', chosen: 'aria-checked' },
    { container: '[role=tablist]', item: '[role=tab]', chosen: 'aria-selected' },
  ];
  for (const kind of kinds) {
    for (const container of Array.from(block.querySelectorAll(kind.container)).filter(usable)) {
      const items = Array.from(container.querySelectorAll(kind.item)).filter(usable);
      groups.push(groupOf(container, items.map((item) => ({ text: textOf(item), chosen: item.getAttribute(kind.chosen) === 'true' }))));
    }
  }
  return groups;
}

/** Class names a segmented control gives its chosen item: "active", "is-selected", "ant-segmented-item-selected". */
const CHOSEN_CLASS = /(?:^|[-_])(?:active|selected|checked|current)$/i;

function looksChosen(item: Element): boolean {
  for (const attribute of ['aria-pressed', 'aria-selected', 'aria-checked']) {
    if (item.getAttribute(attribute) === 'true') return true;
  }
  const current = item.getAttribute('aria-current');
  if (current !== null && current !== 'false') return true;
  if (/^(?:active|on|checked|selected)$/.test(item.getAttribute('data-state') ?? '')) return true;
  if (item.getAttribute('data-active') === 'true' || item.getAttribute('data-selected') === 'true') return true;
  return Array.from(item.classList).some((name) => CHOSEN_CLASS.test(name));
}

/** Segmented buttons: two or more buttons side by side, one of them marked as chosen. */
function buttonGroups(block: Element): ChoiceGroup[] {
  const byParent = new Map<Element, Element[]>();
  for (const button of Array.from(block.querySelectorAll('button, [role=button]')).filter(usable)) {
    const parent = button.parentElement;
    if (parent) byParent.set(parent, [...(byParent.get(parent) ?? []), button]);
  }
  return [...byParent.entries()]
    .filter(([, buttons]) => buttons.length >= 2)
    .map(([parent, buttons]) => groupOf(parent, buttons.map((b) => ({ text: textOf(b), chosen: looksChosen(b) }))));
}

/**
 * A custom select (role=combobox) shows only its chosen value; its options exist only while it
 * is open. It counts through its label alone ("Market type": "Futures").
 */
function comboboxGroups(block: Element): ChoiceGroup[] {
  return Array.from(block.querySelectorAll('[role=combobox]'))
    .filter(usable)
    .map((combo) => {
      const typed = combo instanceof HTMLInputElement ? combo.value : '';
      const shown = normalise(typed || (combo.parentElement ?? combo).textContent);
      return groupOf(combo, shown ? [{ text: shown, chosen: true }] : []);
    });
}

/** "☑ Spot ☑ Futures": checkboxes named Spot and Futures; the checked ones together. */
function checkboxGroup(block: Element): ChoiceGroup[] {
  const boxes = Array.from(block.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
    .filter((box) => usable(box.labels?.[0] ?? box.closest('label') ?? box))
    .map((box) => ({ box, scope: scopeOfText(textOf(box)) }))
    .filter((entry) => entry.scope === 'spot' || entry.scope === 'futures');
  if (boxes.length < 2) return [];
  const checked = new Set(boxes.filter((e) => e.box.checked).map((e) => e.scope));
  const chosen: TradingScope | null = checked.size === 2 ? 'both' : checked.has('spot') ? 'spot' : checked.has('futures') ? 'futures' : null;
  const container = commonAncestor(boxes.map((e) => e.box)) ?? block;
  return [{ container, choices: boxes.map((e) => textOf(e.box)), chosen, anyChosen: checked.size > 0 }];
}

// ---------------------------------------------------------------------------------------------
// Which group is the scope, and what it says.

/** The group's own label: aria-label(ledby), a fieldset legend, a <label for>, or the text just before it. */
function groupLabel(container: Element): string {
  const aria = container.getAttribute('aria-label');
  if (aria) return normalise(aria);
  const doc = container.ownerDocument;
  const ids = (container.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  if (ids.length > 0) return ids.map((id) => normalise(doc.getElementById(id)?.textContent)).join(' ');
  const legend = container.closest('fieldset')?.querySelector('legend');
  if (legend) return normalise(legend.textContent);
  if (container instanceof HTMLSelectElement && container.labels?.[0]) return normalise(container.labels[0].textContent);
  for (let node: Element | null = container; node && node !== doc.body; node = node.parentElement) {
    const before = node.previousElementSibling;
    if (before) return normalise(before.textContent);
  }
  return '';
}

function distinctScopes(group: ChoiceGroup): Set<TradingScope> {
  return new Set(group.choices.map(scopeOfChoice).filter((s): s is TradingScope => s !== null));
}

/**
 * A scope control offers at least two of Spot / Futures / Both, or is labelled as one ("Market
 * type"). An exchange selector with "Binance Spot" and "Binance Futures" entries is one too: the
 * entry chosen says the scope, and an entry naming neither ("OKX") says nothing.
 */
function isScopeGroup(group: ChoiceGroup): boolean {
  if (distinctScopes(group).size >= 2) return true;
  const label = simplify(groupLabel(group.container));
  return label.length > 0 && label.length <= MAX_LABEL && SCOPE_LABEL.test(label);
}

/** Every choice names a scope: a real Spot / Futures control, not an exchange list. */
function isPure(group: ChoiceGroup): boolean {
  return group.choices.length > 0 && group.choices.every((choice) => scopeOfChoice(choice) !== null);
}

/** The scope controls in a form's block, most telling first: pure ones, then the nearest. */
function scopeGroups(block: Element, near: Element): ChoiceGroup[] {
  const all = [
    ...selectGroups(block),
    ...radioGroups(block),
    ...ariaGroups(block),
    ...buttonGroups(block),
    ...checkboxGroup(block),
    ...comboboxGroups(block),
  ];
  return all
    .filter(isScopeGroup)
    .map((group) => ({ group, pure: isPure(group), distance: treeDistance(near, group.container) }))
    .sort((a, b) => Number(b.pure) - Number(a.pure) || a.distance - b.distance)
    .map((entry) => entry.group);
}

/**
 * The scope the form has selected, from its block (a form, dialog, section or card): a scope
 * control's choice first, else what the exchange entry names ("Binance Futures USDT-M"). Null
 * when the form shows no scope, or nothing is chosen: Keyward then says nothing about futures.
 */
export function readTradingScope(block: Element, near: Element, exchangeText: string | null): TradingScope | null {
  for (const group of scopeGroups(block, near)) {
    if (group.chosen) return group.chosen;
  }
  return scopeOfText(exchangeText);
}

/** The scope of a bind form as Keyward's button sees it: its card (OctoBot) or its field's block. */
export function readFormScope(form: BindForm | EditableBindForm): TradingScope | null {
  if (form.kind === 'editable') return readTradingScope(form.container, form.anchors.apiKey, form.exchangeText);
  return readTradingScope(formBlock(form.apiKeyField), form.apiKeyField, form.exchangeText);
}
