/**
 * Finding a trading platform's "bind exchange" form the way a person does: the API key, secret
 * and passphrase fields by the words next to them, and the exchange the form is set to by what
 * its selector shows. Pure DOM, no browser extension API: runs in a content script and in tests.
 *
 * Order of evidence for a field: its visible label, then its placeholder / aria-label / title,
 * and only as a last resort the words in its name or id ("api_key", "apiSecret"), which sites
 * hash or rename freely. A field that is hidden, disabled, read-only or inside Keyward's own UI
 * is never offered.
 */
import type { ExchangeId } from '../../core/records';
import { KEYWARD_HOST_TAG, controlFor, findLabels, isHidden, normalise } from '../../dom/elements';
import { mapExchangeName } from '../names';
import type { PlatformDefinition, PlatformVocabulary } from '../types';

export type CredentialInput = HTMLInputElement | HTMLTextAreaElement;

export interface BindForm {
  kind: 'fields';
  apiKeyField: CredentialInput;
  secretField: CredentialInput;
  /** Null when the form shows no passphrase field (most exchanges), or the platform has none. */
  passphraseField: HTMLInputElement | null;
  /** What the exchange selector shows, as the page writes it ("Binance Spot", "gate_io"). */
  exchangeText: string | null;
  /** exchangeText through the platform's name table; null when unknown or nothing is chosen. */
  exchange: ExchangeId | null;
  /** The selector the exchange was read from (select, combobox, radio group), for watching it. */
  exchangeControl: Element | null;
}

/**
 * A form whose credentials are click-to-edit anchors (OctoBot's x-editable): there is no input
 * until the anchor is clicked. The filler opens each anchor with openEditable() at fill time.
 */
export interface EditableBindForm {
  kind: 'editable';
  anchors: { apiKey: HTMLElement; secret: HTMLElement; passphrase: HTMLElement | null };
  /** The card or block that holds the anchors (one per configured exchange). */
  container: Element;
  exchangeText: string | null;
  exchange: ExchangeId | null;
}

const TEXT_INPUT_SELECTOR = 'input:not([type]), input[type=text], input[type=password], textarea';
const EXCHANGE_CONTROL_SELECTOR =
  'select, [role=combobox], [role=radiogroup], [role=listbox], [role=tablist], [role=radio], input[type=radio]';
/** "Enter your API key", "Paste API secret", "Введите API-ключ", "请输入API Key": the words after the prompt. */
const PROMPT = /^(?:(?:please\s+)?(?:enter|paste|input|type|add)\s+(?:your\s+|the\s+|an?\s+)?|(?:введите|вставьте|укажите)\s+(?:ваш\s+|свой\s+)?|请输入|请填写|输入)/i;
/** Texts a selector shows while nothing is chosen. */
const PLACEHOLDER_CHOICE = /^(?:(?:select|choose|pick|search)\b|выберите|请选择|选择)/i;
const MAX_CHOICE_LENGTH = 60;

function isOurs(element: Element): boolean {
  return element.closest(KEYWARD_HOST_TAG) !== null;
}

function isTextInput(element: Element | null): element is CredentialInput {
  if (element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && (element.type === 'text' || element.type === 'password');
}

/** Could a person type into it right now? */
function usable(field: CredentialInput): boolean {
  return !field.disabled && !field.readOnly && field.getAttribute('role') !== 'searchbox' && !isOurs(field) && !isHidden(field);
}

function matches(pattern: RegExp, text: string | null | undefined): boolean {
  const value = normalise(text).replace(/[:：]+$/, '').trim();
  if (!value) return false;
  if (pattern.test(value)) return true;
  const bare = value.replace(PROMPT, '').trim();
  return bare !== value && bare.length > 0 && pattern.test(bare);
}

/** "account[api_key]", "apiSecret", "api-passphrase" -> the words a person would read. */
function identifierWords(identifier: string): string[] {
  const variants = [identifier];
  const inner = /\[([^\][]+)\]$/.exec(identifier);
  if (inner?.[1]) variants.push(inner[1]);
  return variants.map((v) =>
    v
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[[\]_\-.:]+/g, ' ')
      .trim(),
  );
}

function labelledByText(field: Element): string {
  const ids = (field.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const doc = field.ownerDocument;
  return ids.map((id) => normalise(doc.getElementById(id)?.textContent)).join(' ');
}

interface Candidate {
  field: CredentialInput;
  /** 0: label, 1: placeholder / aria-label / title, 2: name or id. */
  tier: number;
}

/** The fields a pattern names, best evidence first, each once. */
function candidates(root: Document | Element, pattern: RegExp): Candidate[] {
  const found: Candidate[] = [];
  const seen = new Set<Element>();
  const add = (field: CredentialInput, tier: number) => {
    if (seen.has(field) || !usable(field)) return;
    seen.add(field);
    found.push({ field, tier });
  };
  for (const label of findLabels(root, pattern)) {
    const control = controlFor(label, TEXT_INPUT_SELECTOR);
    if (isTextInput(control)) add(control, 0);
  }
  const fields = Array.from(root.querySelectorAll(TEXT_INPUT_SELECTOR)).filter(isTextInput);
  for (const field of fields) {
    const hints = [field.getAttribute('aria-label'), field.getAttribute('placeholder'), field.getAttribute('title'), labelledByText(field)];
    if (hints.some((hint) => matches(pattern, hint))) add(field, 1);
  }
  for (const field of fields) {
    const identifiers = [field.getAttribute('name'), field.id].filter((v): v is string => !!v);
    if (identifiers.some((id) => identifierWords(id).some((w) => matches(pattern, w)))) add(field, 2);
  }
  return found;
}

function ancestors(node: Element): Element[] {
  const chain: Element[] = [];
  for (let e: Element | null = node; e; e = e.parentElement) chain.push(e);
  return chain;
}

/** Steps up from a to the lowest common ancestor and down to b. */
export function treeDistance(a: Element, b: Element): number {
  const up = ancestors(a);
  let down = 0;
  for (let e: Element | null = b; e; e = e.parentElement, down++) {
    const index = up.indexOf(e);
    if (index >= 0) return index + down;
  }
  return Number.POSITIVE_INFINITY;
}

function commonAncestor(a: Element, b: Element): Element | null {
  const up = ancestors(a);
  for (let e: Element | null = b; e; e = e.parentElement) if (up.includes(e)) return e;
  return null;
}

function nearest(to: Element, list: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of list) {
    // Closeness first; evidence breaks ties (a labelled field beats a name-only one).
    const score = treeDistance(to, candidate.field) * 4 + candidate.tier;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export interface ReadOptions {
  /** Refuse pairs whose key and secret are further apart than this in the tree (generic pages). */
  maxPairDistance?: number;
}

/**
 * The bind form on the page: an API key field and a secret field (both required), the
 * passphrase field if the form shows one, and the exchange the form is set to. Null when the
 * page shows no key + secret pair (yet: single-page apps render late; call again on mutation).
 */
export function readBindForm(
  root: Document | Element,
  vocabulary: PlatformVocabulary,
  platform?: PlatformDefinition,
  options: ReadOptions = {},
): BindForm | null {
  const keys = candidates(root, vocabulary.apiKey);
  if (keys.length === 0) return null;
  const secrets = candidates(root, vocabulary.secret);
  const passphrases = vocabulary.passphrase ? candidates(root, vocabulary.passphrase) : [];
  const maxDistance = options.maxPairDistance ?? platform?.maxPairDistance ?? Number.POSITIVE_INFINITY;
  for (const key of keys) {
    const secret = nearest(
      key.field,
      secrets.filter((s) => s.field !== key.field),
    );
    if (!secret || treeDistance(key.field, secret.field) > maxDistance) continue;
    // The passphrase belongs to the same form: within a couple of levels of the key/secret pair.
    let scope = commonAncestor(key.field, secret.field);
    for (let i = 0; i < 2 && scope?.parentElement && scope.parentElement !== scope.ownerDocument.body; i++) scope = scope.parentElement;
    const passphrase = nearest(
      key.field,
      passphrases.filter(
        (p) => p.field !== key.field && p.field !== secret.field && p.field instanceof HTMLInputElement && (scope?.contains(p.field) ?? false),
      ),
    );
    const exchange = readExchange(root, vocabulary, platform, key.field);
    return {
      kind: 'fields',
      apiKeyField: key.field,
      secretField: secret.field,
      passphraseField: passphrase && passphrase.field instanceof HTMLInputElement ? passphrase.field : null,
      exchangeText: exchange.text,
      exchange: exchange.text ? mapExchangeName(platform, exchange.text) : null,
      exchangeControl: exchange.control,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The exchange selector: whatever kind of control, read what it shows as chosen.

interface ExchangeReading {
  text: string | null;
  control: Element | null;
}

function cleanChoice(text: string | null | undefined): string | null {
  const value = normalise(text);
  if (!value || value.length > MAX_CHOICE_LENGTH || PLACEHOLDER_CHOICE.test(value)) return null;
  return value;
}

/** Visible text under `element`, leaving out open option lists, labels and inputs. */
function shownText(element: Element, exclude: Element | null): string {
  const parts: string[] = [];
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || (exclude && exclude.contains(parent))) continue;
    // svg <title>s ("open", "chevron") are tooltips, not what the control shows.
    if (parent.closest('[role=listbox], [role=option], [data-baseweb=popover], svg, script, style, label, ' + KEYWARD_HOST_TAG)) continue;
    if (isHidden(parent)) continue;
    const text = normalise(node.nodeValue);
    if (text) parts.push(text);
  }
  return parts.join(' ');
}

function choiceText(choice: Element): string | null {
  const aria = choice.getAttribute('aria-label');
  if (aria) return cleanChoice(aria);
  if (choice instanceof HTMLInputElement) {
    const label = choice.labels?.[0] ?? choice.closest('label');
    if (label) return cleanChoice(label.textContent);
    return cleanChoice(choice.parentElement?.textContent);
  }
  return cleanChoice(shownText(choice, null));
}

function comboboxText(combo: Element, label: Element | null): string | null {
  if ((combo instanceof HTMLInputElement || combo instanceof HTMLTextAreaElement) && combo.value.trim()) {
    return cleanChoice(combo.value);
  }
  // A custom select shows the chosen value in a sibling of its (empty) search input, or inside
  // itself when it is a button-like element. Climb a few levels until some text shows.
  let scope: Element | null = combo instanceof HTMLInputElement || combo instanceof HTMLTextAreaElement ? combo.parentElement : combo;
  for (let level = 0; scope && level < 4; level++, scope = scope.parentElement) {
    if (label && scope.contains(label)) break;
    const text = shownText(scope, label);
    if (text) return cleanChoice(text);
  }
  return null;
}

function selectedText(control: Element, label: Element | null, root: Document | Element): string | null {
  if (control instanceof HTMLSelectElement) {
    // selectedIndex first: happy-dom keeps selectedOptions stale after a value change, and
    // reports -1 for an option selected by its attribute, which selectedOptions does see.
    const option = (control.selectedIndex >= 0 ? control.options[control.selectedIndex] : undefined) ?? control.selectedOptions[0];
    if (!option || option.disabled || option.value === '') return null;
    return cleanChoice(option.textContent);
  }
  if (control instanceof HTMLInputElement && control.type === 'radio') {
    const group = control.name
      ? Array.from(root.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(control.name)}"]`))
      : [control];
    const checked = group.find((r) => r.checked);
    return checked ? choiceText(checked) : null;
  }
  if (control.matches('[role=radio]')) {
    const group = control.closest('[role=radiogroup]') ?? control.parentElement;
    const checked = group?.querySelector('[role=radio][aria-checked=true]');
    return checked ? choiceText(checked) : null;
  }
  if (control.matches('[role=radiogroup], [role=listbox], [role=tablist]')) {
    const chosen = control.querySelector('[aria-checked=true], [aria-selected=true], input[type=radio]:checked');
    return chosen ? choiceText(chosen) : null;
  }
  if (control.matches('[role=combobox]')) return comboboxText(control, label);
  return null;
}

/** A control's own accessible name: aria-label, aria-labelledby, or its <label>s minus the control's text. */
function ownLabel(control: Element): string {
  const aria = control.getAttribute('aria-label');
  if (aria) return normalise(aria);
  const labelledBy = labelledByText(control);
  if (labelledBy) return labelledBy;
  const labels = control instanceof HTMLSelectElement || control instanceof HTMLInputElement ? Array.from(control.labels ?? []) : [];
  for (const label of labels) {
    const parts: string[] = [];
    const walker = label.ownerDocument.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!control.contains(node)) parts.push(node.nodeValue ?? '');
    }
    const text = normalise(parts.join(' '));
    if (text) return text;
  }
  return '';
}

function readExchange(
  root: Document | Element,
  vocabulary: PlatformVocabulary,
  platform: PlatformDefinition | undefined,
  near: Element,
): ExchangeReading {
  // A labelled selector: "Exchange", "Select Connector", "交易所".
  for (const label of findLabels(root, vocabulary.exchange)) {
    const control = controlFor(label, EXCHANGE_CONTROL_SELECTOR);
    if (!control || isOurs(control) || isHidden(control)) continue;
    return { text: selectedText(control, label, root), control };
  }
  const controls = Array.from(root.querySelectorAll(EXCHANGE_CONTROL_SELECTOR)).filter((c) => !isOurs(c) && !isHidden(c));
  // A selector whose own label says so: <label>Exchange <select>…</select></label>, aria-label.
  for (const control of controls) {
    if (matches(vocabulary.exchange, ownLabel(control))) return { text: selectedText(control, null, root), control };
  }
  // Unlabelled: the nearest selector whose choice is an exchange name the platform knows.
  let best: ExchangeReading = { text: null, control: null };
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const control of controls) {
    const text = selectedText(control, null, root);
    if (!text || !mapExchangeName(platform, text)) continue;
    const distance = treeDistance(near, control);
    if (distance < bestDistance) {
      best = { text, control: control.matches('input[type=radio], [role=radio]') ? (control.closest('[role=radiogroup]') ?? control) : control };
      bestDistance = distance;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Click-to-edit forms (OctoBot's x-editable anchors).

const EDITABLE_SELECTOR = 'a.editable, [data-type=text].editable, a[data-type=text]';

/** The words before an anchor on its line: "API Key :" -> "API Key", "<i>API Password</i> ? :". */
function textBefore(anchor: Element): string {
  const parts: string[] = [];
  for (let node = anchor.previousSibling; node; node = node.previousSibling) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (element.matches('br, p, div, ' + EDITABLE_SELECTOR) || element.matches('.editable-container')) break;
    }
    parts.unshift(node.textContent ?? '');
  }
  return normalise(parts.join(' ')).replace(/[:：]\s*$/, '').trim();
}

/** An open inline editor right after the anchor (x-editable's inline mode hides the anchor). */
function openEditorOf(anchor: Element): Element | null {
  const next = anchor.nextElementSibling;
  return next?.matches('.editable-container, .editable-inline') ? next : null;
}

function editableRole(anchor: Element, vocabulary: PlatformVocabulary): 'apiKey' | 'secret' | 'passphrase' | null {
  const texts = [textBefore(anchor), anchor.getAttribute('aria-label'), anchor.getAttribute('data-title')];
  const byText = (pattern: RegExp | null) => pattern !== null && texts.some((t) => matches(pattern, t));
  if (byText(vocabulary.apiKey)) return 'apiKey';
  if (byText(vocabulary.secret)) return 'secret';
  if (byText(vocabulary.passphrase)) return 'passphrase';
  // Last resort: "exchange_api-key" / config-key "exchanges_binance_api-secret": the last part.
  const identifiers = [anchor.id, anchor.getAttribute('config-key') ?? '']
    .filter(Boolean)
    .map((id) => id.split('_').pop() ?? '')
    .flatMap(identifierWords);
  const byId = (pattern: RegExp | null) => pattern !== null && identifiers.some((t) => matches(pattern, t));
  if (byId(vocabulary.apiKey)) return 'apiKey';
  if (byId(vocabulary.secret)) return 'secret';
  if (byId(vocabulary.passphrase)) return 'passphrase';
  return null;
}

function cardOf(anchor: Element): Element {
  return anchor.closest('[data-role=exchange], .card, form, section') ?? anchor.parentElement ?? anchor;
}

function cardExchangeText(card: Element): string | null {
  const heading = card.querySelector('h1, h2, h3, h4, h5, h6, .card-header');
  const fromHeading = heading ? cleanChoice(shownText(heading, null)) : null;
  if (fromHeading) return fromHeading;
  return cleanChoice(card.querySelector('[name]:not(input):not(select):not(textarea)')?.getAttribute('name'));
}

/**
 * Every block of click-to-edit credentials on the page (OctoBot: one card per exchange), with
 * the anchors a filler must open. An anchor counts while it is visible or while its inline
 * editor is open. Blocks without both an API key and a secret anchor are left out.
 */
export function readEditableBindForms(
  root: Document | Element,
  vocabulary: PlatformVocabulary,
  platform?: PlatformDefinition,
): EditableBindForm[] {
  const byCard = new Map<Element, { apiKey?: HTMLElement; secret?: HTMLElement; passphrase?: HTMLElement }>();
  for (const anchor of Array.from(root.querySelectorAll<HTMLElement>(EDITABLE_SELECTOR))) {
    if (isOurs(anchor) || (isHidden(anchor) && !openEditorOf(anchor))) continue;
    const role = editableRole(anchor, vocabulary);
    if (!role) continue;
    const card = cardOf(anchor);
    if (isHidden(card)) continue;
    const entry = byCard.get(card) ?? {};
    entry[role] ??= anchor;
    byCard.set(card, entry);
  }
  const forms: EditableBindForm[] = [];
  for (const [container, found] of byCard) {
    if (!found.apiKey || !found.secret) continue;
    const exchangeText = cardExchangeText(container);
    forms.push({
      kind: 'editable',
      anchors: { apiKey: found.apiKey, secret: found.secret, passphrase: found.passphrase ?? null },
      container,
      exchangeText,
      exchange: exchangeText ? mapExchangeName(platform, exchangeText) : null,
    });
  }
  return forms;
}

/**
 * Fill time only (an action, not a read): opens a click-to-edit anchor and returns the input it
 * shows, or null if none appeared. Inline mode puts the editor right after the anchor; popup
 * mode puts it in a popover the anchor points to with aria-describedby.
 */
export function openEditable(anchor: HTMLElement): CredentialInput | null {
  const find = (): CredentialInput | null => {
    const inline = openEditorOf(anchor)?.querySelector(TEXT_INPUT_SELECTOR) ?? null;
    if (isTextInput(inline)) return inline;
    const popoverId = anchor.getAttribute('aria-describedby');
    const popover = popoverId ? anchor.ownerDocument.getElementById(popoverId) : null;
    const popup = popover?.querySelector(TEXT_INPUT_SELECTOR) ?? null;
    return isTextInput(popup) ? popup : null;
  };
  const open = find();
  if (open) return open;
  anchor.click();
  return find();
}
