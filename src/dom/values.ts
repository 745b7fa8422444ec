/**
 * Values on a page that could be credentials: what a person would see as "a long code" in a
 * field, a code block or a line of text. Found by their own shape, wherever the site puts them.
 */
import { KEYWARD_HOST_TAG, isHidden, normalise } from './elements';

export interface ValueCandidate {
  element: Element;
  value: string;
}

/** A PEM block, kept whole with its line breaks (Coinbase, RSA and Ed25519 keys). */
const PEM = /^-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----$/;

/**
 * Could this string be an API key or secret? Long, no spaces, letters and digits mixed, varied
 * enough that it is not a word, a date or a number; not a web address. Masked values (••••,
 * abcd****wxyz, e2xx…7xxx) are not: their characters are outside the set.
 */
export function looksLikeCredential(text: string): boolean {
  const value = text.trim();
  if (PEM.test(value)) return true;
  if (value.length < 16 || value.length > 512 || /\s/.test(value)) return false;
  if (!/^[A-Za-z0-9+/=_\-.:]+$/.test(value) || value.includes('://')) return false;
  // Letters and digits, or both cases (a random 18-character key may hold no digit at all).
  if (!/[A-Za-z]/.test(value) || !(/\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)))) return false;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy >= 3;
}

/** An authenticator (TOTP) setup key: base32 only, upper case, the length of 80 to 320 bits. */
export function looksLikeTotpKey(value: string): boolean {
  return /^[A-Z2-7]{16,64}=*$/.test(value);
}

const SKIP = 'script, style, noscript, template, option, ' + KEYWARD_HOST_TAG;

function fieldCandidate(field: HTMLInputElement | HTMLTextAreaElement): ValueCandidate | null {
  if (field instanceof HTMLInputElement && !['text', 'password', 'search', ''].includes(field.type)) return null;
  const value = field.value.replace(/\r\n?/g, '\n').trim();
  return looksLikeCredential(value) ? { element: field, value } : null;
}

/** The text an element shows as one value: a <pre>/<code> block whole, else its own text nodes. */
function shownValue(element: Element): string {
  const raw = (element.textContent ?? '').replace(/\r\n?/g, '\n').trim();
  // A PEM block keeps its line breaks wherever it is shown (pre-wrap text in a cell or a div).
  if (element.matches('pre, code, textarea') || (raw.startsWith('-----BEGIN ') && PEM.test(raw))) return raw;
  return normalise(
    Array.from(element.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.nodeValue ?? '')
      .join(''),
  );
}

/** Every credential-shaped value on the page, once each, in document order. */
export function credentialValues(root: ParentNode): ValueCandidate[] {
  const found: ValueCandidate[] = [];
  const seen = new Set<Element>();
  for (const field of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
    if (field.closest(SKIP) || isHidden(field)) continue;
    const candidate = fieldCandidate(field);
    if (candidate) {
      found.push(candidate);
      seen.add(field);
    }
  }
  const doc = (root as Node).nodeType === Node.DOCUMENT_NODE ? (root as Document) : ((root as Node).ownerDocument ?? document);
  const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const own = node.nodeValue ?? '';
    if (own.trim().length < 12) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP) || parent.closest('textarea')) continue;
    const holder = parent.closest('pre, code') ?? parent;
    if (seen.has(holder)) continue;
    seen.add(holder);
    const value = shownValue(holder);
    if (looksLikeCredential(value) && !isHidden(holder)) found.push({ element: holder, value });
  }
  return found.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
