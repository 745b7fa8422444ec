import type { BindForm, CredentialInput, EditableBindForm } from '../../platforms/readers/bind-form';
import { openEditable } from '../../platforms/readers/bind-form';
import { type FieldSnapshot, type Refusal, changedSince, fieldRefusal, setFieldValue, snapshot } from './safety';

/**
 * What Keyward fills on a page: a form of fields (most platforms), or a block of click-to-edit
 * anchors (OctoBot), which only become inputs when clicked. Both are handled here the same way:
 * what the user sees of each credential, a snapshot of it when the picker opens, and the fill.
 */
export type FillTarget = BindForm | EditableBindForm;

export interface Parts<T> {
  apiKey: T;
  secret: T;
  passphrase: T | null;
}

export interface FillValues {
  apiKey: string;
  secret: string;
  passphrase: string;
}

/** The same form across two reads of the page: the same API key field, or the same card. */
export function identityOf(target: FillTarget): Element {
  return target.kind === 'fields' ? target.apiKeyField : target.container;
}

/** The elements that stand for each credential: the inputs, or the anchors. */
export function partsOf(target: FillTarget): Parts<HTMLElement> {
  return target.kind === 'fields'
    ? { apiKey: target.apiKeyField, secret: target.secretField, passphrase: target.passphraseField }
    : target.anchors;
}

/** An anchor whose inline editor is open is hidden; what the user sees then is the editor's input. */
function shown(element: HTMLElement): HTMLElement {
  const editor = element.nextElementSibling;
  if (element.style.display === 'none' && editor?.matches('.editable-container, .editable-inline')) {
    return editor.querySelector<HTMLElement>('input, textarea') ?? element;
  }
  return element;
}

const TEXT_CONTROLS = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select';
const MAX_CLIMB = 3;

/**
 * The field's own box: the input with its decorations (an eye toggle, a clear button) and label,
 * but nothing that holds another control. The button goes after it, so it never squeezes into
 * a flex row meant for the input alone. Never climbs out of a table cell, list item or form.
 */
function fieldBox(field: HTMLElement, button: HTMLElement): HTMLElement {
  let box = field;
  for (let i = 0; i < MAX_CLIMB; i++) {
    const parent = box.parentElement;
    if (!parent || parent.matches('body, form, fieldset, td, th, li, tr, tbody, table, dialog, [role=dialog]')) break;
    const controls = Array.from(parent.querySelectorAll(TEXT_CONTROLS)).filter((c) => !button.contains(c));
    if (controls.some((c) => c !== field)) break;
    box = parent;
  }
  return box;
}

/**
 * Where Keyward's button goes: right after the API key field's box, or, for click-to-edit
 * anchors, before the block that holds them (the editor opens right after an anchor, nothing may
 * sit there).
 */
export function placeButton(target: FillTarget, button: HTMLElement): void {
  if (target.kind === 'fields') {
    const box = fieldBox(target.apiKeyField, button);
    if (box.nextElementSibling !== button) box.insertAdjacentElement('afterend', button);
    return;
  }
  const line = target.anchors.apiKey.parentElement ?? target.anchors.apiKey;
  // The open picker sits right after the button: button, picker, then the line. Moving the button
  // below the picker would move the anchors the user saw, and the fill would rightly be refused.
  let before = line.previousElementSibling;
  if (before instanceof HTMLElement && before.dataset.keyward === 'picker') before = before.previousElementSibling;
  if (before !== button) line.insertAdjacentElement('beforebegin', button);
}

/** Why the user cannot be said to see this form, or null. `needPassphrase`: it will be filled. */
export function targetRefusal(target: FillTarget, needPassphrase: boolean): Refusal | null {
  const parts = partsOf(target);
  for (const part of [parts.apiKey, parts.secret, needPassphrase ? parts.passphrase : null]) {
    if (!part) continue;
    const refusal = fieldRefusal(shown(part));
    if (refusal) return refusal;
  }
  return null;
}

export function snapshotTarget(target: FillTarget): Parts<FieldSnapshot> {
  const parts = partsOf(target);
  return {
    apiKey: snapshot(shown(parts.apiKey)),
    secret: snapshot(shown(parts.secret)),
    passphrase: parts.passphrase ? snapshot(shown(parts.passphrase)) : null,
  };
}

/** Did any credential move, or get swapped for another element, since the snapshot? */
export function targetChanged(before: Parts<FieldSnapshot>, now: FillTarget, needPassphrase: boolean): boolean {
  const parts = partsOf(now);
  if (changedSince(before.apiKey, shown(parts.apiKey)) || changedSince(before.secret, shown(parts.secret))) return true;
  if (needPassphrase && before.passphrase) return changedSince(before.passphrase, parts.passphrase ? shown(parts.passphrase) : null);
  return false;
}

function submitEditor(input: CredentialInput): void {
  const form = input.form;
  if (form) {
    form.requestSubmit();
    return;
  }
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
}

/**
 * Writes the values. Fields: through the native setter, so framework state keeps them. Anchors:
 * each is opened, its input checked like any field, filled and submitted before the next one.
 * The passphrase only when the key has one (OctoBot shows its "API Password" for every exchange).
 */
export function fillTarget(target: FillTarget, values: FillValues): Refusal | null {
  const order: [keyof FillValues, HTMLElement | null][] = [
    ['apiKey', partsOf(target).apiKey],
    ['secret', partsOf(target).secret],
    ['passphrase', values.passphrase ? partsOf(target).passphrase : null],
  ];
  if (target.kind === 'fields') {
    for (const [name, field] of order) {
      if (field) setFieldValue(field as CredentialInput, values[name]);
    }
    return null;
  }
  for (const [name, anchor] of order) {
    if (!anchor) continue;
    const input = openEditable(anchor);
    if (!input) return 'field-missing';
    const refusal = fieldRefusal(input);
    if (refusal) return refusal;
    setFieldValue(input, values[name]);
    submitEditor(input);
  }
  return null;
}
