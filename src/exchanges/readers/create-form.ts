import type { KeyPermissions } from '../../core/records';
import type { PageVocabulary, PermissionFlag } from '../types';
import { controlFor, fieldValue, findLabels, isOn, normalise, textFieldFor, toggleFor } from './dom';

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
  keyLabel: string;
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
  if (controls.length === 0 && !ipField) return null;
  const keyLabelField = textFieldFor(root, vocabulary.keyLabel);
  const passphraseField = vocabulary.passphrase ? textFieldFor(root, vocabulary.passphrase) : null;
  const on = (flag: PermissionFlag) => controls.some((c) => c.flag === flag && c.on);
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
    ipText: ipField ? ipField.value : '',
    keyLabel: keyLabelField ? fieldValue(keyLabelField).trim() : '',
    passphrase: passphraseField instanceof HTMLInputElement ? passphraseField.value : '',
    passphraseField: passphraseField instanceof HTMLInputElement ? passphraseField : null,
  };
}

/** The sub-account a sub-account API page is about: the value of its selector or name field. */
export function readSubAccount(root: Document | Element, vocabulary: PageVocabulary): string | null {
  if (!vocabulary.subAccount) return null;
  for (const label of findLabels(root, vocabulary.subAccount)) {
    const control = controlFor(label, 'select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), [role=combobox]');
    const value = control ? fieldValue(control).trim() : '';
    if (value) return value;
  }
  return null;
}

export function labelsFor(root: Document | Element, pattern: RegExp): Element[] {
  return findLabels(root, pattern);
}
