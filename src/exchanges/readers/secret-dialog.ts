import type { PageVocabulary } from '../types';
import { bodyOf, findLabels, valueAfterLabel } from './dom';

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

function readIn(container: Element, vocabulary: Pick<PageVocabulary, 'apiKey' | 'secret'>): SecretReading | null {
  for (const secretLabel of findLabels(container, vocabulary.secret)) {
    const secret = valueAfterLabel(secretLabel, container);
    if (!secret) continue;
    for (const keyLabel of findLabels(container, vocabulary.apiKey)) {
      const apiKey = valueAfterLabel(keyLabel, container);
      // The key's value must be its own, not the secret found again after it.
      if (apiKey && apiKey.element !== secret.element && apiKey.value !== secret.value) {
        return { apiKey: apiKey.value, secret: secret.value, container, secretElement: secret.element };
      }
    }
  }
  return null;
}
