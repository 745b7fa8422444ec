import type { KeyPermissions } from '../../core/records';
import { commonAncestor, fieldValue, isHidden, isOn, isOurs, normalise } from '../../dom/elements';
import { labelTexts } from '../../dom/labels';
import { bestConcept, hasWords, type Words } from '../../dom/words';
import type { PageVocabulary, PermissionFlag } from '../types';
import { GENERIC_WORDS } from './generic-words';

export interface PermissionControl {
  flag: PermissionFlag | 'other';
  /** The words on the page, e.g. "Withdraw" or "提币". */
  label: string;
  labelElement: Element;
  control: HTMLElement;
  on: boolean;
}

export interface FormReading {
  permissions: KeyPermissions;
  controls: PermissionControl[];
  ipField: HTMLInputElement | HTMLTextAreaElement | null;
  ipText: string;
  /**
   * The option the user chose that means "no IP restriction" (Bybit's default radio, KuCoin's
   * "No", Gate's "Later"), when the form offers such a choice instead of an empty field.
   */
  ipUnrestrictedChoice: Element | null;
  keyLabel: string;
  keyLabelField: HTMLInputElement | HTMLTextAreaElement | null;
  /** Typed by the user (OKX, KuCoin, Bitget); held in memory only until the capture. */
  passphrase: string;
  passphraseField: HTMLInputElement | null;
}

const TOGGLE = 'input[type=checkbox], input[type=radio], [role=checkbox], [role=switch], [role=radio], button[aria-pressed]';
const TEXT_FIELD = 'input:not([type]), input[type=text], input[type=password], input[type=search], input[type=number], input[type=email], input[type=tel], textarea';

/** Fields that belong to the verification step, not to the key: never its name or passphrase. */
const VERIFICATION: Words = [
  'code', 'verification code', 'email code', 'sms code', 'phone code', 'authenticator code', 'google authenticator', '2fa', 'otp',
  'fund password', 'funds password', 'trading password', 'login password', 'password',
  '验证码', '邮箱验证码', '短信验证码', '谷歌验证码', '资金密码', '交易密码', 'код', 'код подтверждения', 'пароль',
];

type FieldConcept = 'passphrase' | 'ipWhitelist' | 'keyLabel' | 'subAccount' | 'verification';

/** A permission a label names, by the exchange's words first (its own meaning of "Transfer"). */
export function permissionNamed(text: string, vocabulary: PageVocabulary): PermissionFlag | 'other' | null {
  // "Trade: View Order Details", "Options: Trade": the words after the colon are the right, the
  // group before it only makes trading derivatives.
  const colon = text.search(/[:：]/);
  if (colon > 0 && colon < text.length - 1) {
    const right = permissionWords(text.slice(colon + 1), vocabulary);
    if (right) return right === 'trade' && permissionWords(text.slice(0, colon), vocabulary) === 'futures' ? 'futures' : right;
  }
  return permissionWords(text, vocabulary);
}

function permissionWords(text: string, vocabulary: PageVocabulary): PermissionFlag | 'other' | null {
  const pick = (words: PageVocabulary['permissions']) => bestConcept(text, words.map((w) => [w.flag, w.words] as const));
  const own = pick(vocabulary.permissions);
  if (own && own.score >= 0.3) return own.concept;
  const generic = pick(GENERIC_WORDS.permissions);
  return generic && generic.score >= 0.3 ? generic.concept : null;
}

function fieldConcept(text: string, vocabulary: PageVocabulary): FieldConcept | null {
  const concepts = (v: PageVocabulary, passphrase: Words) =>
    [
      ['passphrase', passphrase],
      ['ipWhitelist', v.ipWhitelist],
      ['subAccount', v.subAccount ?? []],
      ['keyLabel', v.keyLabel],
      ['verification', VERIFICATION],
    ] as const;
  const own = bestConcept(text, concepts(vocabulary, vocabulary.passphrase ?? []));
  // The generic words never name a passphrase: "password" would take the user's fund password.
  const generic = bestConcept(text, concepts(GENERIC_WORDS, []));
  const best = own && (!generic || own.score >= generic.score) ? own : generic;
  return best && best.score >= 0.3 ? best.concept : null;
}

/** What the nearest label of a field or toggle names, by `name`. */
function firstNamed<T>(element: Element, boundaries: ReadonlySet<Element>, after: boolean | 'row', name: (text: string) => T | null): { value: T; text: string } | null {
  const ownText = !(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement);
  for (const text of labelTexts(element, { boundaries, after, ownText })) {
    const value = name(text);
    if (value !== null) return { value, text };
  }
  return null;
}

/** The page's text fields by what their labels name. */
function namedFields(root: Document | Element, vocabulary: PageVocabulary, boundaries: ReadonlySet<Element>): Map<FieldConcept, HTMLInputElement | HTMLTextAreaElement> {
  const found = new Map<FieldConcept, HTMLInputElement | HTMLTextAreaElement>();
  for (const field of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TEXT_FIELD))) {
    if (isOurs(field) || isHidden(field) || field.readOnly) continue;
    const named = firstNamed(field, boundaries, false, (text) => fieldConcept(text, vocabulary));
    if (named && !found.has(named.value)) found.set(named.value, field);
  }
  return found;
}

/**
 * The create or edit form: permission toggles found by the words beside them, the IP whitelist
 * field, the key's name, and the passphrase. Null when the page shows no such form.
 */
export function readCreateForm(root: Document | Element, vocabulary: PageVocabulary): FormReading | null {
  const toggles = Array.from(root.querySelectorAll<HTMLElement>(TOGGLE)).filter((t) => !isOurs(t) && shownToggle(t));
  const fields = Array.from(root.querySelectorAll(TEXT_FIELD));
  const boundaries = new Set<Element>([...toggles, ...fields]);
  const controls: PermissionControl[] = [];
  const levelled = levelGroups(toggles, vocabulary);
  const inLevelGroup = new Set(levelled.flatMap((group) => group.radios));
  controls.push(...levelled.map((group) => group.control));
  for (const control of toggles) {
    // A custom toggle that wraps a native one is one control.
    if (inLevelGroup.has(control) || toggles.some((other) => other !== control && control.contains(other))) continue;
    // Only the toggle's own row after it: beyond is the next group's heading.
    const named = firstNamed(control, boundaries, 'row', (text) => permissionNamed(text, vocabulary));
    if (!named) continue;
    // A radio beside an area's switch names that area's mode ("Read only" / "Read-write"), read
    // with the area (readOnlyMode); a radio for a kind of account grants nothing. A key-wide
    // mode (Bitget, Bybit) and a radio set that grants trading or withdrawal still count.
    if (isRadio(control) && (named.value === 'other' || (named.value === 'read' && besideSwitch(control, toggles)))) continue;
    // "Trade" under an "Options" or "Contract" heading is derivatives trading.
    const flag = named.value === 'trade' && groupNamesFutures(control, named.text, toggles, vocabulary) ? 'futures' : named.value;
    controls.push({ flag, label: named.text, labelElement: labelElementOf(control), control, on: isOn(control) });
  }
  // Fields are named by the text before them, across any choices in between.
  const named = namedFields(root, vocabulary, new Set<Element>(fields));
  const ipField = named.get('ipWhitelist') ?? null;
  const ipTags = ipField ? ipTagsNear(ipField) : [];
  const ipSwitch = ipRestrictionSwitch(toggles, boundaries, vocabulary);
  // "IP Access Restriction" switched off: the whitelist is empty, whatever field it hides.
  const ipSwitchedOff = ipSwitch && !isOn(ipSwitch) ? labelElementOf(ipSwitch) : null;
  const ipUnrestrictedChoice = ipSwitchedOff ?? (ipField ? null : unrestrictedIpChoice(root, vocabulary));
  // The form is where the user can still change something. Disabled boxes elsewhere show other
  // keys' settings (a list of cards); disabled boxes inside the form stay (read always on, or
  // trade implied by withdraw).
  const editable = controls.filter((c) => !isDisabled(c.control)).map((c) => c.control as Element);
  if (ipField) editable.push(ipField);
  if (ipUnrestrictedChoice) editable.push(ipUnrestrictedChoice);
  const region = commonAncestor(editable);
  const inForm = region ? controls.filter((c) => region.contains(c.control)) : [];
  controls.splice(0, controls.length, ...inForm);
  const keyLabelField = named.get('keyLabel') ?? null;
  const passphraseField = vocabulary.passphrase ? (named.get('passphrase') ?? null) : null;
  // A wizard may ask for the name on one step and the permissions on the next: any of them is a form.
  if (controls.length === 0 && !ipField && !ipUnrestrictedChoice && !keyLabelField && !passphraseField) return null;
  // A withdrawal or transfer area switched on in its read-only mode grants neither (Gate's rows:
  // an area switch, then "Read only" / "Read-write" radios).
  const grants = (c: PermissionControl) => c.on && !((c.flag === 'withdraw' || c.flag === 'transfer' || c.flag === 'futures') && readOnlyMode(c.control, controls));
  const on = (flag: PermissionFlag) => controls.some((c) => c.flag === flag && grants(c));
  const hasFutures = controls.some((c) => c.flag === 'futures');
  return {
    permissions: {
      // Several exchanges always grant read and show it as a disabled, checked box, or not at all.
      read: controls.every((c) => c.flag !== 'read') || on('read'),
      trade: on('trade'),
      ...(hasFutures ? { futures: on('futures') } : {}),
      withdraw: on('withdraw'),
      transfer: on('transfer'),
      labels: controls.filter((c) => c.on).map((c) => c.label),
    },
    controls,
    ipField,
    ipText: ipField && !ipSwitchedOff ? [ipField.value.trim(), ...ipTags].filter(Boolean).join(', ') : '',
    ipUnrestrictedChoice,
    keyLabel: keyLabelField ? fieldValue(keyLabelField).trim() : '',
    keyLabelField,
    passphrase: passphraseField instanceof HTMLInputElement ? passphraseField.value : '',
    passphraseField: passphraseField instanceof HTMLInputElement ? passphraseField : null,
  };
}

/** A checkbox or switch that turns the IP restriction on ("IP Access Restriction", "Bind IP"). */
function ipRestrictionSwitch(toggles: readonly HTMLElement[], boundaries: ReadonlySet<Element>, vocabulary: PageVocabulary): HTMLElement | null {
  const words = [...vocabulary.ipWhitelist, ...GENERIC_WORDS.ipWhitelist];
  for (const toggle of toggles) {
    if (isRadio(toggle) || isDisabled(toggle)) continue;
    // The nearest words that name anything decide: a permission's toggle is never the IP switch.
    const named = firstNamed(toggle, boundaries, 'row', (text) => {
      if (permissionNamed(text, vocabulary) !== null) return 'permission';
      const match = bestConcept(text, [['ip', words]]);
      return match && match.score >= 0.5 ? 'ip' : null;
    });
    if (named?.value === 'ip') return toggle;
  }
  return null;
}

/**
 * Custom checkboxes hide the native input (display:none, aria-hidden) inside the label a person
 * clicks: such an input is shown through its label.
 */
function shownToggle(toggle: Element): boolean {
  if (!isHidden(toggle)) return true;
  const label = toggle.closest('label') ?? (toggle instanceof HTMLInputElement ? toggle.labels?.[0] : null);
  return label !== null && label !== undefined && !isHidden(label);
}

/** Where a note about a toggle goes: its <label>, else the toggle itself. */
function labelElementOf(control: Element): Element {
  return control.closest('label') ?? (control instanceof HTMLInputElement ? control.labels?.[0] : null) ?? control;
}

const READ_ONLY: Words = ['read only', 'read-only', 'view only', '只读', '仅读取', 'только чтение', 'только просмотр'];

/** The words a radio shows: its wrapping label, a label for it, or its aria-label. */
function radioText(radio: Element): string {
  const wrapping = radio.closest('label');
  if (wrapping) return normalise(wrapping.textContent);
  const id = radio.getAttribute('id');
  const byFor = id ? radio.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return normalise(byFor?.textContent ?? radio.getAttribute('aria-label') ?? radio.textContent);
}

/**
 * The control's own row (the widest ancestor holding no other permission control) has its mode
 * radio set to read-only.
 */
function readOnlyMode(control: Element, controls: PermissionControl[]): boolean {
  let row: Element | null = null;
  for (let node = control.parentElement, level = 0; node && level < 4; node = node.parentElement, level++) {
    // The mode radios are in the row: they are what is being looked for.
    if (controls.some((c) => c.control !== control && !isRadio(c.control) && node?.contains(c.control))) break;
    row = node;
  }
  if (!row) return false;
  const checked = Array.from(row.querySelectorAll('input[type=radio], [role=radio]')).filter((radio) => isOn(radio));
  return checked.some((radio) => hasWords(radioText(radio), READ_ONLY) && !hasWords(radioText(radio), ['write', '读写', 'запись']));
}

/**
 * The heading of the group a toggle sits in (Bybit: "Contract" over Orders and Positions) names
 * derivatives: the first text of the nearest ancestor that holds the toggle, and no other toggle's
 * own words come before it.
 */
function groupNamesFutures(control: Element, ownLabel: string, toggles: readonly Element[], vocabulary: PageVocabulary): boolean {
  let scope = control.parentElement;
  for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
    const walker = control.ownerDocument.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = normalise(node.nodeValue);
      // The toggle's own words ("Trade" before its switch) are not its group's heading.
      if (!text || text === ownLabel) continue;
      // Text inside a toggle, or after this one, is no heading of its group.
      if (toggles.some((t) => t.contains(node)) || (control.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0) break;
      if (toggles.some((t) => t !== control && scope?.contains(t) && (t.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)) break;
      return text.length <= 40 && permissionNamed(text, vocabulary) === 'futures';
    }
  }
  return false;
}

type Level = 'off' | 'read' | 'write';

const LEVEL_WORDS: readonly (readonly [Level, Words])[] = [
  ['write', ['read-write', 'read and write', 'read & write', 'read/write', 'write', 'full access', '读写', '可读写', 'чтение и запись', 'полный доступ']],
  ['read', ['read-only', 'read only', 'view only', 'view', '只读', '仅读取', 'только чтение', 'только просмотр']],
  ['off', ['off', 'none', 'no access', 'disabled', 'not allowed', '关闭', '无', '不开启', 'выкл', 'нет доступа', 'нет']],
];

/** What one option of an area's access-level radios says: off, read only, or read-write. */
function levelOf(text: string): Level | null {
  const best = bestConcept(text, LEVEL_WORDS);
  return best && best.score >= 0.5 ? best.concept : null;
}

/**
 * Areas whose access is a row of radios (Gate: "Wallet ○ Off ○ Read-only ○ Read-write"): the
 * row's heading names the right, and the right is granted when a write level is checked. Areas
 * with a switch of their own are read by the switch (readOnlyMode) instead.
 */
function levelGroups(toggles: readonly HTMLElement[], vocabulary: PageVocabulary): { radios: HTMLElement[]; control: PermissionControl }[] {
  const byGroup = new Map<Element | string, HTMLElement[]>();
  for (const radio of toggles.filter(isRadio)) {
    const key = radio.getAttribute('name') || radio.closest('label')?.parentElement || radio.parentElement;
    if (!key) continue;
    byGroup.set(key, [...(byGroup.get(key) ?? []), radio]);
  }
  const groups: { radios: HTMLElement[]; control: PermissionControl }[] = [];
  for (const radios of byGroup.values()) {
    const first = radios[0];
    if (!first || radios.length < 2 || besideSwitch(first, toggles)) continue;
    const levels = radios.map((radio) => levelOf(radioText(radio)));
    if (levels.some((level) => level === null) || !levels.includes('write')) continue;
    const row = commonAncestor(radios);
    const heading = row ? areaHeading(row, radios) : null;
    const flag = heading ? permissionNamed(heading, vocabulary) : null;
    if (!row || !heading || !flag) continue;
    const checked = radios.find((radio) => isOn(radio));
    const on = checked !== undefined && levels[radios.indexOf(checked)] === 'write';
    groups.push({ radios, control: { flag, label: heading, labelElement: row, control: checked ?? first, on } });
  }
  return groups;
}

/** The row's own words before its radios: the area they set ("Wallet"). */
function areaHeading(row: Element, radios: readonly Element[]): string | null {
  let scope: Element | null = row;
  for (let level = 0; scope && level < 2; level++, scope = scope.parentElement) {
    const walker = row.ownerDocument.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = normalise(node.nodeValue);
      if (!text || radios.some((radio) => (radio.closest('label') ?? radio).contains(node))) continue;
      if (radios.some((radio) => (radio.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)) break;
      return text.length <= 40 ? text : null;
    }
  }
  return null;
}

/** A radio within three levels of a toggle that is not a radio: an area switch and its mode. */
function besideSwitch(radio: Element, toggles: readonly Element[]): boolean {
  let scope = radio.parentElement;
  for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
    const area = scope;
    if (toggles.some((t) => !isRadio(t) && area.contains(t))) return true;
  }
  return false;
}

function isRadio(element: Element): boolean {
  return element.matches('input[type=radio], [role=radio]');
}

/** Choices that leave the whitelist empty, besides the exchange's words for "unrestricted". */
const NOT_NOW: Words = ['later', 'skip', 'not now', 'no ip restriction', '暂不绑定', '稍后', 'позже', 'пропустить'];
const ABOUT_IP = /\bIPs?\b|IP\s*地址|白名[单單]/i;

/**
 * A checked radio whose words mean "no IP restriction", in a group that is about IPs: the form's
 * way of saying the whitelist is empty when it shows no field for it.
 */
function unrestrictedIpChoice(root: Document | Element, vocabulary: PageVocabulary): Element | null {
  const noRestriction = [...vocabulary.ipUnrestricted, ...GENERIC_WORDS.ipUnrestricted, ...NOT_NOW];
  for (const radio of Array.from(root.querySelectorAll('input[type=radio], [role=radio]'))) {
    // A disabled choice shows another key's setting (a card in a list), not the form's.
    if (!isOn(radio) || isDisabled(radio)) continue;
    const label = radio.closest('label') ?? radio.parentElement;
    const words = normalise(label?.textContent);
    const choice = bestConcept(words, [['none', noRestriction]]);
    if (!label || !choice || choice.score < 0.5) continue;
    let scope: Element | null = label.parentElement;
    for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
      if (ABOUT_IP.test(normalise(scope.textContent).replace(words, ''))) return label;
    }
  }
  return null;
}

function isDisabled(control: Element): boolean {
  return (
    (control instanceof HTMLInputElement && control.disabled) ||
    control.getAttribute('aria-disabled') === 'true' ||
    control.hasAttribute('disabled')
  );
}

const IP_TAG = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9a-f:]*:[0-9a-f:]*(?:\/\d{1,3})?)$/i;

/**
 * IPs already added as tags beside the field (type, press Enter or "Confirm", it becomes a chip).
 * A tag's own text counts, so a remove icon inside the chip does not hide it.
 */
function ipTagsNear(field: Element): string[] {
  const scope = field.parentElement?.parentElement;
  if (!scope) return [];
  const tags: string[] = [];
  for (const element of Array.from(scope.querySelectorAll('*'))) {
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) continue;
    const own = normalise(
      Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.nodeValue ?? '')
        .join(''),
    );
    if (IP_TAG.test(own) && (own.includes('.') || own.split(':').length > 3)) tags.push(own);
  }
  return tags;
}

const ACCOUNT_FIELD = 'select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), [role=combobox]';

/** The sub-account a sub-account API page is about: the value of its selector or name field. */
export function readSubAccount(root: Document | Element, vocabulary: PageVocabulary): string | null {
  if (!vocabulary.subAccount) return null;
  const words = [...vocabulary.subAccount, ...(GENERIC_WORDS.subAccount ?? [])];
  const fields = Array.from(root.querySelectorAll(ACCOUNT_FIELD)).filter(
    // A menu entry for the sub-account pages names a page, not the account this key is for.
    (field) => !isOurs(field) && !isHidden(field) && !field.closest('nav, [role=navigation], [role=menu], [role=menuitem]'),
  );
  const boundaries = new Set<Element>(fields);
  for (const field of fields) {
    const named = firstNamed(field, boundaries, false, (text) => {
      const match = bestConcept(text, [['account', words]]);
      return match && match.score >= 0.4 ? match.concept : null;
    });
    const value = named ? fieldValue(field).trim() : '';
    if (value) return value;
  }
  return null;
}
