/**
 * Every form Keyward could fill on a platform's page, by the platform's own words first, then by
 * the generic ones (English, Chinese, Russian): a platform's page in another language, or
 * redesigned with other labels, is still read by what a person sees.
 */
import type { PlatformDefinition } from '../types';
import { type BindForm, type EditableBindForm, readBindForm, readEditableBindForms } from './bind-form';
import { GENERIC_BIND_VOCABULARY, MAX_PAIR_DISTANCE } from '../generic/index';

export interface FormsOptions {
  /** Only forms of fields (no click-to-edit blocks): the cheaper read for pages off the bind routes. */
  fieldsOnly?: boolean;
}

/** The field form, or else each click-to-edit block (OctoBot shows one card per exchange). */
export function readBindForms(root: Document | Element, platform: PlatformDefinition, options: FormsOptions = {}): (BindForm | EditableBindForm)[] {
  const fields =
    readBindForm(root, platform.vocabulary, platform) ??
    (platform.vocabulary === GENERIC_BIND_VOCABULARY
      ? null
      : readBindForm(root, GENERIC_BIND_VOCABULARY, platform, { maxPairDistance: MAX_PAIR_DISTANCE }));
  if (fields) return [fields];
  return options.fieldsOnly ? [] : readEditableBindForms(root, platform.vocabulary, platform);
}

/** The platform's form of either kind: fields first, then click-to-edit blocks (the first one). */
export function readAnyBindForm(root: Document | Element, platform: PlatformDefinition): BindForm | EditableBindForm | null {
  return readBindForms(root, platform)[0] ?? null;
}
