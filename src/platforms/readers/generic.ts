/**
 * A bind form on a site no platform module describes: fields labelled (or, last, named) API key,
 * secret and passphrase, in English, Chinese and Russian. Detection only: Keyward offers a fill
 * there only once the user adds the host (see DESIGN.md, autofill rules). A login form
 * (username / password) or a search box is never a bind form: both words are anchored, and
 * "Password" alone is not a passphrase.
 */
// The vocabulary lives with the platform's definition (../generic.ts): the background loads that
// through the registry, and must not load this DOM reader with it.
import { GENERIC_BIND_VOCABULARY, MAX_PAIR_DISTANCE } from '../generic/index';
import { type BindForm, readBindForm } from './bind-form';

/** The generic bind form on the page, or null. The exchange comes from the page's selector if any. */
export function detectGenericBindForm(root: Document | Element): BindForm | null {
  return readBindForm(root, GENERIC_BIND_VOCABULARY, undefined, { maxPairDistance: MAX_PAIR_DISTANCE });
}
