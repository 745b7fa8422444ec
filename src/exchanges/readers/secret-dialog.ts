import { commonAncestor, levelsUp, normalise } from '../../dom/elements';
import { labelTexts } from '../../dom/labels';
import { type ValueCandidate, credentialValues, looksLikeTotpKey } from '../../dom/values';
import type { CredentialFormat, PageVocabulary } from '../types';
import { type Naming, nameOf, nameText } from './naming';

/**
 * How sure Keyward is that a pair of values is a new key's API key and secret:
 * - strong: capture at once;
 * - medium: offer a one-click "Save to Keyward".
 */
export type Evidence = 'strong' | 'medium';

export interface SecretReading {
  apiKey: string;
  secret: string;
  /** The dialog, card or section that shows them. */
  container: Element;
  /** The element holding the secret, to place the confirmation right after it. */
  secretElement: Element;
  evidence: Evidence;
  /** The key's name as the display shows it ("Name: grid-bot-7"), when it does. */
  label: string | null;
  /** The sub-account the display names, when it does. */
  account: string | null;
}

/** A secret-shaped value that Keyward could not pair with its API key: the user must be told. */
export interface LoneSecret {
  value: string;
  element: Element;
}

export interface SecretsOnPage {
  pairs: SecretReading[];
  lone: LoneSecret[];
}

const DIALOG = '[role=dialog], [role=alertdialog], dialog, [aria-modal=true]';
const AUTHENTICATOR = ['authenticator', 'google authenticator', '2fa', 'totp', 'two-factor', 'setup key', 'qr code', '谷歌验证', '验证器', 'аутентификатор'];

interface Candidate extends ValueCandidate {
  naming: Naming | null;
  keyShaped: boolean;
  secretShaped: boolean;
}

function matchesAny(patterns: readonly RegExp[], value: string): boolean {
  return patterns.some((pattern) => pattern.test(value));
}

/** What a person reads around a value: its dialog, else a few levels of its section. */
function surroundings(element: Element): Element {
  const dialog = element.closest(DIALOG);
  if (dialog) return dialog;
  let scope = element;
  for (let level = 0; level < 3 && scope.parentElement && scope.parentElement !== element.ownerDocument.body; level++) scope = scope.parentElement;
  return scope;
}

/**
 * An authenticator setup key (base32, shown with a QR code and the words "Google
 * Authenticator"), which sites also call "secret key": never an API secret, unless it has the
 * exchange's own key or secret format.
 */
function isAuthenticatorKey(candidate: Candidate): boolean {
  const around = normalise(surroundings(candidate.element).textContent).toLowerCase().slice(0, 600);
  const authenticatorAround = AUTHENTICATOR.some((word) => around.includes(word));
  // Base32 in capitals is an authenticator key, even where it has the exchange's key shape; a
  // value with the exchange's secret shape is one only beside authenticator words.
  if (looksLikeTotpKey(candidate.value)) return !candidate.secretShaped || authenticatorAround;
  return authenticatorAround && !candidate.secretShaped && !candidate.keyShaped;
}

const DOCS_PLACE = /(?:^|[/_-])(?:docs?|documentation|api-docs|developers?|reference)(?:[/_-]|$)|文档|документац/i;
const CODE_SAMPLE = /\bcurl\b|\bopenssl\b|\bimport\s|\bdef\s|\bfunction\b|\brequests\.|\bhmac\b|\$\s|=>|\bconst\s/i;
const EXAMPLE_WORDS = /\bexamples?\b|\bsample\b|示例|例如|пример/i;
/** A label written as a code identifier: apiKey, secret_key, SECRET. */
const IDENTIFIER = /^(?:[a-z]+(?:[A-Z][a-z0-9]*)+|[a-z]+(?:_[a-z0-9]+)+|[A-Z][A-Z_]{2,})$/;

/**
 * How much a pair looks like an example in documentation rather than a key just created: a docs
 * address or title, labels written as code identifiers, code samples beside it, "example" in
 * the table that shows it. Two signs or more: not a key.
 */
function documentationSigns(secret: Candidate, key: Candidate, container: Element): number {
  const doc = container.ownerDocument;
  let signs = 0;
  const place = `${doc.location?.pathname ?? ''} ${doc.title} ${normalise(doc.querySelector('h1')?.textContent)}`;
  if (DOCS_PLACE.test(place)) signs += 2;
  if ([secret, key].every((c) => c.naming && IDENTIFIER.test(c.naming.text.trim()))) signs += 2;
  let section: Element = container;
  for (let level = 0; level < 3 && section.parentElement && section.parentElement !== doc.body; level++) section = section.parentElement;
  if (Array.from(section.querySelectorAll('pre, code')).some((block) => !block.contains(secret.element) && !block.contains(key.element) && CODE_SAMPLE.test(block.textContent ?? ''))) signs += 1;
  if (EXAMPLE_WORDS.test(normalise(container.textContent).slice(0, 2000))) signs += 1;
  return signs;
}

function candidates(root: Document | Element, vocabulary: PageVocabulary, format: CredentialFormat): Candidate[] {
  const values = credentialValues(root);
  const boundaries = new Set(values.map((v) => v.element));
  return values.map((value) => ({
    ...value,
    naming: nameOf(value.element, vocabulary, { boundaries, after: true }),
    keyShaped: matchesAny(format.apiKeyPatterns, value.value),
    secretShaped: matchesAny(format.secretPatterns, value.value),
  }));
}

/** A short value the display names with one of `concept`'s words ("Name: grid-bot-7"). */
function namedText(container: Element, vocabulary: PageVocabulary, concept: 'keyLabel' | 'subAccount'): string | null {
  const doc = container.ownerDocument;
  const walker = doc.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = normalise(node.nodeValue);
    const parent = node.parentElement;
    if (!parent || !text || text.length > 64 || parent.closest('button, [role=button], keyward-inline, script, style')) continue;
    if (nameText(text, vocabulary)) continue;
    const naming = labelTexts(parent).map((label) => nameText(label, vocabulary)).find((n) => n !== null);
    if (naming?.concept === concept) return text;
  }
  return null;
}

function score(secret: Candidate, key: Candidate, container: Element): number {
  let points = 0;
  if (secret.naming?.concept === 'secret') points += secret.naming.own ? 3 : 2;
  if (secret.secretShaped) points += 2;
  if (key.naming?.concept === 'apiKey') points += key.naming.own ? 2 : 1;
  if (key.keyShaped) points += 2;
  if (levelsUp(secret.element, key.element) <= 4) points += 1;
  if (container.closest(DIALOG) || container.querySelector(DIALOG)) points += 1;
  return points;
}

/** The API key shown with a secret: the nearest value named as a key, else shaped as one. */
function keyFor(secret: Candidate, all: Candidate[]): Candidate | null {
  const others = all.filter(
    (c) => c !== secret && c.value !== secret.value && c.naming?.concept !== 'secret' && c.naming?.concept !== 'notCredential' && c.naming?.concept !== 'passphrase',
  );
  const named = others.filter((c) => c.naming?.concept === 'apiKey');
  const shaped = others.filter((c) => c.naming === null && c.keyShaped);
  const nearest = (list: Candidate[]) => list.sort((a, b) => levelsUp(a.element, secret.element) - levelsUp(b.element, secret.element))[0] ?? null;
  return nearest(named) ?? nearest(shaped);
}

/**
 * The one-time secrets a page shows, each paired with its API key and graded by the evidence:
 * the words that name each value (the exchange's own or the generic ones), the exchange's
 * credential formats, how close the two stand, and a dialog around them. A secret-shaped value
 * that cannot be paired is returned as lone, so the user can be told.
 */
export function readSecrets(root: Document | Element, vocabulary: PageVocabulary, format: CredentialFormat): SecretsOnPage {
  const all = candidates(root, vocabulary, format).filter((c) => !isAuthenticatorKey(c));
  const pairs: SecretReading[] = [];
  const lone: LoneSecret[] = [];
  const used = new Set<Candidate>();
  for (const secret of all) {
    const named = secret.naming?.concept === 'secret';
    // Unnamed values count as secrets only with the exchange's secret format and not its key format.
    const shaped = secret.naming === null && secret.secretShaped && !secret.keyShaped;
    if (!named && !shaped) continue;
    const key = keyFor(secret, all);
    if (!key || used.has(key)) {
      if (named || secret.element.closest(DIALOG)) lone.push({ value: secret.value, element: secret.element });
      continue;
    }
    used.add(key);
    used.add(secret);
    const container = commonAncestor([secret.element, key.element]) ?? secret.element.ownerDocument.documentElement;
    // An example in API documentation is nobody's key: say nothing at all.
    if (documentationSigns(secret, key, container) >= 2) continue;
    const points = score(secret, key, container);
    const labelled = named && key.naming?.concept === 'apiKey';
    const evidence: Evidence | null = labelled && points >= 6 ? 'strong' : labelled || points >= 4 ? 'medium' : null;
    if (!evidence) {
      lone.push({ value: secret.value, element: secret.element });
      continue;
    }
    const display = secret.element.closest(DIALOG) ?? container;
    pairs.push({
      apiKey: key.value,
      secret: secret.value,
      container: display,
      secretElement: secret.element,
      evidence,
      label: namedText(display, vocabulary, 'keyLabel'),
      account: namedText(display, vocabulary, 'subAccount'),
    });
  }
  return { pairs, lone };
}

/** The strongest pair on the page, for callers that want one reading (tests, the popup probe). */
export function readSecretDialog(root: Document | Element, vocabulary: PageVocabulary, format: CredentialFormat): SecretReading | null {
  const { pairs } = readSecrets(root, vocabulary, format);
  return pairs.find((p) => p.evidence === 'strong') ?? pairs[0] ?? null;
}
