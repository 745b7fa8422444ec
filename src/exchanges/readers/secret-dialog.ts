import type { PageVocabulary } from '../types';
import { bodyOf, findLabels, valueAfterLabel } from '../../dom/elements';

export interface SecretReading {
  apiKey: string;
  secret: string;
  /** The dialog (or page section) that shows them: where the confirmation goes. */
  container: Element;
  /** The element holding the secret, to place the confirmation right after it. */
  secretElement: Element;
}

const DIALOG_SELECTOR = '[role=dialog], [role=alertdialog], dialog[open], [aria-modal=true]';

/**
 * The one-time secret as the exchange shows it: a secret label with a credential-looking value
 * after it, and an API key label likewise, in the same dialog. A dialog is searched first; a page
 * that shows the secret inline (no dialog) is searched as a whole.
 */
export function readSecretDialog(root: Document | Element, vocabulary: Pick<PageVocabulary, 'apiKey' | 'secret'>): SecretReading | null {
  const dialogs = Array.from(root.querySelectorAll(DIALOG_SELECTOR));
  for (const container of [...dialogs, bodyOf(root)]) {
    const reading = readIn(container, vocabulary);
    if (reading) return reading;
  }
  return null;
}

/** How many levels up two elements meet: the closer two labels, the more they belong together. */
function distance(a: Element, b: Element): number {
  let steps = 0;
  for (let node: Element | null = a; node; node = node.parentElement, steps++) {
    if (node.contains(b)) return steps;
  }
  return Number.POSITIVE_INFINITY;
}

/** A column header or a cell of a key list labels the list, not the new key. */
function inList(element: Element): boolean {
  return element.closest('th, thead, tr, [role=row], [role=columnheader]') !== null;
}

function readIn(container: Element, vocabulary: Pick<PageVocabulary, 'apiKey' | 'secret'>): SecretReading | null {
  const secretLabels = findLabels(container, vocabulary.secret);
  const allKeyLabels = findLabels(container, vocabulary.apiKey);
  for (const secretLabel of secretLabels) {
    if (inList(secretLabel)) continue;
    const secret = valueAfterLabel(secretLabel, container, secretLabels);
    if (!secret || inList(secret.element)) continue;
    // The API key shown with this secret: the nearest key label, not a list's column header.
    const keyLabels = allKeyLabels
      .filter((label) => !inList(label))
      .sort((a, b) => distance(a, secretLabel) - distance(b, secretLabel));
    for (const keyLabel of keyLabels) {
      const apiKey = valueAfterLabel(keyLabel, container, allKeyLabels);
      // The key's value must be its own, not the secret found again after it, nor a list cell.
      if (apiKey && !inList(apiKey.element) && apiKey.element !== secret.element && apiKey.value !== secret.value) {
        return { apiKey: apiKey.value, secret: secret.value, container, secretElement: secret.element };
      }
    }
  }
  return null;
}
