import { levelsUp, normalise } from '../../dom/elements';
import { credentialValues } from '../../dom/values';
import { hasWords } from '../../dom/words';
import type { CredentialFormat, PageVocabulary } from '../types';
import { nameOf } from './naming';
import type { SecretReading } from './secret-dialog';

/** What copy buttons say, or are titled, in the languages the exchanges use. */
const COPY_WORDS = ['copy', 'copy to clipboard', 'copied', '复制', '拷贝', 'копировать', 'скопировать'];
const CONTROL = 'button, [role=button], a, svg, i, span, img';

/**
 * The value a click on a copy control copies: the credential-shaped value in the control's own
 * row (a few levels up). Null when the click was not on a copy control.
 */
export function copiedByControl(target: Element): string | null {
  const control = target.closest(CONTROL);
  if (!control) return null;
  const says = [control.getAttribute('aria-label'), control.getAttribute('title'), control.getAttribute('alt'), control.textContent].map(normalise);
  if (!says.some((text) => text.length > 0 && text.length <= 40 && hasWords(text, COPY_WORDS))) return null;
  let scope: Element | null = control.parentElement;
  for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
    const values = credentialValues(scope);
    if (values.length === 1) return values[0]?.value ?? null;
    if (values.length > 1) return null;
  }
  return null;
}

/**
 * A copied credential with its partner: the copied value is the secret unless it is named or
 * shaped as the API key; the partner is the nearest other credential-shaped value not named as
 * something else. Medium evidence by nature: the user is asked, never captured silently.
 */
export function pairForCopied(root: Document | Element, copied: string, vocabulary: PageVocabulary, format: CredentialFormat): SecretReading | null {
  const values = credentialValues(root);
  const boundaries = new Set(values.map((v) => v.element));
  const own = values.find((v) => v.value === copied);
  if (!own) return null;
  const naming = (element: Element) => nameOf(element, vocabulary, { boundaries, after: true });
  const ownNaming = naming(own.element);
  if (ownNaming && ownNaming.concept !== 'secret' && ownNaming.concept !== 'apiKey') return null;
  const copiedIsKey = ownNaming?.concept === 'apiKey' || (!ownNaming && format.apiKeyPatterns.some((p) => p.test(copied)) && !format.secretPatterns.some((p) => p.test(copied)));
  const partners = values
    .filter((v) => v !== own && v.value !== copied)
    .map((v) => ({ ...v, naming: naming(v.element) }))
    .filter((v) => !v.naming || v.naming.concept === (copiedIsKey ? 'secret' : 'apiKey'))
    .sort((a, b) => levelsUp(a.element, own.element) - levelsUp(b.element, own.element));
  const partner = partners[0];
  if (!partner || levelsUp(partner.element, own.element) > 6) return null;
  const [key, secret] = copiedIsKey ? [own, partner] : [partner, own];
  return {
    apiKey: key.value,
    secret: secret.value,
    container: secret.element.parentElement ?? secret.element,
    secretElement: secret.element,
    evidence: 'medium',
    label: null,
    account: null,
  };
}
