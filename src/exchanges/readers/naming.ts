import { labelTexts, type LabelOptions } from '../../dom/labels';
import { bestConcept, type Words } from '../../dom/words';
import type { PageVocabulary } from '../types';
import { GENERIC_WORDS, NOT_A_CREDENTIAL } from './generic-words';

export type ValueConcept = 'apiKey' | 'secret' | 'passphrase' | 'keyLabel' | 'subAccount' | 'notCredential';

export interface Naming {
  concept: ValueConcept;
  /** Named by the exchange's own words (stronger evidence than the generic words). */
  own: boolean;
  /** The label text that named it. */
  text: string;
}

/** Below this share of a label, a phrase is a word in passing, not what the label names. */
const MIN_SCORE = 0.34;

function concepts(vocabulary: PageVocabulary): (readonly [ValueConcept, Words])[] {
  // Ties go to the earlier concept: "not a credential" first, so "Secret key" beside a
  // "Setup key" heading is never taken for an API secret by a tie.
  return [
    ['notCredential', NOT_A_CREDENTIAL],
    ['secret', vocabulary.secret],
    ['passphrase', vocabulary.passphrase ?? []],
    ['keyLabel', vocabulary.keyLabel],
    ['apiKey', vocabulary.apiKey],
    ['subAccount', vocabulary.subAccount ?? []],
  ];
}

/** What one label text names, by the exchange's words, else by the generic words. */
export function nameText(text: string, vocabulary: PageVocabulary): Naming | null {
  const own = bestConcept(text, concepts(vocabulary));
  const generic = bestConcept(text, concepts(GENERIC_WORDS));
  const ownOk = own && own.score >= MIN_SCORE ? own : null;
  const genericOk = generic && generic.score >= MIN_SCORE ? generic : null;
  if (ownOk && (!genericOk || ownOk.score >= genericOk.score)) return { concept: ownOk.concept, own: ownOk.concept !== 'notCredential', text };
  if (genericOk) return { concept: genericOk.concept, own: false, text };
  return null;
}

/** What names a value on the page: the nearest label text that names anything. */
export function nameOf(element: Element, vocabulary: PageVocabulary, options: LabelOptions = {}): Naming | null {
  for (const text of labelTexts(element, options)) {
    const naming = nameText(text, vocabulary);
    if (naming) return naming;
  }
  return null;
}
