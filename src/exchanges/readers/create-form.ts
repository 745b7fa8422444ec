import type { KeyPermissions } from '../../core/records';
import type { PageVocabulary, PermissionFlag } from '../types';
import { controlFor, fieldValue, findLabels, isOn, normalise, textFieldFor, toggleFor } from '../../dom/elements';

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

/**
 * The create or edit form: permission toggles found by their labels, the IP whitelist field, the
 * key's name, and the passphrase. Null when the page shows no such form.
 */
export function readCreateForm(root: Document | Element, vocabulary: PageVocabulary): FormReading | null {
  const controls: PermissionControl[] = [];
  const claimed = new Set<Element>();
  for (const word of vocabulary.permissions) {
    for (const labelElement of findLabels(root, word.label)) {
      const control = toggleFor(labelElement);
      if (!control || claimed.has(control)) continue;
      claimed.add(control);
      controls.push({ flag: word.flag, label: normalise(labelElement.textContent), labelElement, control, on: isOn(control) });
    }
  }
  const ipField = textFieldFor(root, vocabulary.ipWhitelist);
  const ipTags = ipField ? ipTagsNear(ipField) : [];
  const ipUnrestrictedChoice = ipField ? null : unrestrictedIpChoice(root);
  // The form is where the user can still change something. Disabled boxes elsewhere show other
  // keys' settings (a list of cards); disabled boxes inside the form stay (read always on, or
  // trade implied by withdraw).
  const editable = controls.filter((c) => !isDisabled(c.control)).map((c) => c.control as Element);
  if (ipField) editable.push(ipField);
  if (ipUnrestrictedChoice) editable.push(ipUnrestrictedChoice);
  const region = commonAncestor(editable);
  const inForm = region ? controls.filter((c) => region.contains(c.control)) : [];
  controls.splice(0, controls.length, ...inForm);
  const keyLabelField = textFieldFor(root, vocabulary.keyLabel);
  const passphraseField = vocabulary.passphrase ? textFieldFor(root, vocabulary.passphrase) : null;
  // A wizard may ask for the name on one step and the permissions on the next: any of them is a form.
  if (controls.length === 0 && !ipField && !ipUnrestrictedChoice && !keyLabelField && !passphraseField) return null;
  // A withdrawal or transfer area switched on in its read-only mode grants neither (Gate's rows:
  // an area switch, then "Read only" / "Read-write" radios).
  const grants = (c: PermissionControl) => c.on && !((c.flag === 'withdraw' || c.flag === 'transfer') && readOnlyMode(c.control, controls));
  const on = (flag: PermissionFlag) => controls.some((c) => c.flag === flag && grants(c));
  return {
    permissions: {
      // Several exchanges always grant read and show it as a disabled, checked box, or not at all.
      read: controls.every((c) => c.flag !== 'read') || on('read'),
      trade: on('trade'),
      withdraw: on('withdraw'),
      transfer: on('transfer'),
      labels: controls.filter((c) => c.on).map((c) => c.label),
    },
    controls,
    ipField,
    ipText: ipField ? [ipField.value.trim(), ...ipTags].filter(Boolean).join(', ') : '',
    ipUnrestrictedChoice,
    keyLabel: keyLabelField ? fieldValue(keyLabelField).trim() : '',
    keyLabelField,
    passphrase: passphraseField instanceof HTMLInputElement ? passphraseField.value : '',
    passphraseField: passphraseField instanceof HTMLInputElement ? passphraseField : null,
  };
}

const READ_ONLY = /^(?:read[\s-]*only|view[\s-]*only|只读|仅读取|только\s+чтение|только\s+просмотр)$/i;

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
    if (controls.some((c) => c.control !== control && node?.contains(c.control))) break;
    row = node;
  }
  if (!row) return false;
  const checked = Array.from(row.querySelectorAll('input[type=radio], [role=radio]')).filter((radio) => isOn(radio));
  return checked.some((radio) => READ_ONLY.test(radioText(radio)));
}

const NO_RESTRICTION = /^(?:no|none|later|skip|unrestricted(?:\s*\(.*\))?|no\s+ip\s+restriction|not\s+now|нет|без\s+ограничени[йя]|不限制|无限制|否|暂不绑定|稍后)$/i;
const ABOUT_IP = /\bIPs?\b|IP\s*地址|白名单/i;

/**
 * A checked radio whose words mean "no IP restriction", in a group that is about IPs: the form's
 * way of saying the whitelist is empty when it shows no field for it.
 */
function unrestrictedIpChoice(root: Document | Element): Element | null {
  for (const radio of Array.from(root.querySelectorAll('input[type=radio], [role=radio]'))) {
    if (!isOn(radio)) continue;
    const label = radio.closest('label') ?? radio.parentElement;
    const words = normalise(label?.textContent);
    if (!label || !NO_RESTRICTION.test(words)) continue;
    let scope: Element | null = label.parentElement;
    for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
      if (ABOUT_IP.test(normalise(scope.textContent).replace(words, ''))) return label;
    }
  }
  return null;
}

function commonAncestor(elements: Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  let ancestor: Element | null = first;
  while (ancestor && !rest.every((e) => ancestor?.contains(e))) ancestor = ancestor.parentElement;
  return ancestor;
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

/** The sub-account a sub-account API page is about: the value of its selector or name field. */
export function readSubAccount(root: Document | Element, vocabulary: PageVocabulary): string | null {
  if (!vocabulary.subAccount) return null;
  for (const label of findLabels(root, vocabulary.subAccount)) {
    // A menu link to the sub-account pages names a page, not the account this key is for.
    if (label.closest('nav, a, [role=navigation], [role=menu], [role=menuitem]')) continue;
    const control = controlFor(label, 'select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), [role=combobox]');
    const value = control ? fieldValue(control).trim() : '';
    if (value) return value;
  }
  return null;
}

export function labelsFor(root: Document | Element, pattern: RegExp): Element[] {
  return findLabels(root, pattern);
}
