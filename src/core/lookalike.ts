/**
 * Lookalike host detection: is this host an exchange's own, one imitating an exchange, or
 * neither? Pure: no DOM, no browser API.
 *
 * The result gates capture and fill (only on 'official' hosts) and raises the red warning (on
 * 'lookalike' hosts whose page looks like an exchange API page or a bind form). A false
 * 'lookalike' therefore costs a warning on a page that already looks like an exchange's API page;
 * a false 'official' would let a phishing page receive a key. The rules lean accordingly: official
 * is an exact list, lookalike is a heuristic.
 */

import { type Words, words } from '../i18n/keys';
import type { ExchangeId } from './records';

/**
 * What an exchange's folder says about its brand, where its official hosts' registrable labels
 * do not name it well.
 */
export interface BrandRule {
  tokens: string[];
  /** Edit-distance matching (for tokens of 5 or more letters only). */
  fuzzy: boolean;
}

/** The part of an exchange definition the lookalike check reads; core names no exchange itself. */
export interface BrandSource {
  id: ExchangeId;
  name: string;
  hosts: readonly string[];
  brand?: BrandRule;
  relatedDomains?: readonly string[];
}

export interface Brand {
  exchangeId: ExchangeId;
  name: string;
  officialHosts: string[];
  /**
   * Whole tokens that name the brand. A token with a '.' or '-' ("gate.io") matches those host
   * tokens in sequence ("gate.io.verify.com", "gate-io.com").
   */
  brandTokens: string[];
  /** Edit-distance matching, for the brand's single-word tokens of 5 or more letters only. */
  fuzzy: boolean;
  /** Legitimate domains of the same company that Keyward does not act on (see BrandSource). */
  relatedDomains: string[];
}

export type HostVerdict =
  | { verdict: 'official'; exchangeId: ExchangeId }
  /** reasons: Words, said by the surface that shows them (the guard's banner) in its language. */
  | { verdict: 'lookalike'; exchangeId: ExchangeId; realHost: string; reasons: Words[] }
  /** relatedTo: a legitimate host of the same company that Keyward does not act on. */
  | { verdict: 'unrelated'; relatedTo?: ExchangeId };

// ---------------------------------------------------------------------------------------------
// Brands

const FUZZY_MIN_LENGTH = 5;

/**
 * Each exchange's brand: the tokens its folder gives (`brand`), or else its official hosts'
 * registrable labels, fuzzy when one of them has 5 or more letters.
 */
export function brandsFromExchanges(exchanges: readonly BrandSource[]): Brand[] {
  return exchanges.map((exchange) => {
    const override = exchange.brand;
    const tokens = override
      ? [...override.tokens]
      : unique(exchange.hosts.map((host) => registrableDomain(host).split('.')[0] ?? host));
    return {
      exchangeId: exchange.id,
      name: exchange.name,
      officialHosts: [...exchange.hosts],
      brandTokens: tokens,
      fuzzy: override ? override.fuzzy : tokens.some(isFuzzyToken),
      relatedDomains: [...(exchange.relatedDomains ?? [])],
    };
  });
}

function isFuzzyToken(token: string): boolean {
  return /^[a-z0-9]+$/.test(token) && token.length >= FUZZY_MIN_LENGTH;
}

// ---------------------------------------------------------------------------------------------
// Registrable domains
//
// An approximation of the Public Suffix List: "the last two labels", except for the multi-label
// country suffixes below that phishers use. Shipping or downloading the full list (a quarter of a
// megabyte, changing weekly) is not worth it here, because the registrable domain is used for two
// things only:
//  1. widening an official host to its registrable domain's subdomains (accounts.binance.com).
//     Official hosts are a fixed list in the exchange modules, and a test checks that none of
//     their registrable domains is itself a suffix, which is the one mistake that would matter;
//  2. telling which labels of another host are the name and which the suffix. An attacker's
//     host on a suffix this list lacks is merely split one label off, and the brand checks look
//     at every label left of the suffix anyway, so no lookalike escapes through it.

const MULTI_LABEL_SUFFIXES: ReadonlySet<string> = new Set([
  'co.uk', 'org.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'ac.uk',
  'com.au', 'net.au', 'org.au',
  'com.br', 'net.br', 'org.br',
  'com.tr', 'net.tr', 'org.tr',
  'co.in', 'net.in', 'org.in', 'firm.in',
  'com.cn', 'net.cn', 'org.cn',
  'co.jp', 'ne.jp', 'or.jp',
  'com.hk', 'net.hk', 'org.hk',
  'com.sg', 'net.sg',
  'co.kr', 'or.kr',
  'com.ru', 'net.ru', 'org.ru',
  'com.ua', 'net.ua', 'org.ua',
  'co.za', 'co.nz', 'co.il', 'co.id', 'co.th', 'co.ke',
  'com.mx', 'com.ar', 'com.co', 'com.pe', 'com.ve',
  'com.tw', 'com.my', 'com.ph', 'com.vn', 'com.pk', 'com.bd',
  'com.ng', 'com.eg', 'com.sa', 'com.kz',
]);

/** How many trailing labels form the public suffix (1, or 2 for the listed suffixes). */
function suffixLength(labels: readonly string[]): number {
  if (labels.length >= 3 && MULTI_LABEL_SUFFIXES.has(labels.slice(-2).join('.'))) return 2;
  return 1;
}

/** "accounts.binance.com" → "binance.com"; "x.binance.co.uk" → "binance.co.uk". */
export function registrableDomain(hostname: string): string {
  const labels = normaliseHost(hostname).split('.');
  return labels.slice(-(suffixLength(labels) + 1)).join('.');
}

/** True when the text is a public suffix as far as this module knows ("com", "co.uk"). */
export function isPublicSuffix(text: string): boolean {
  return !text.includes('.') || MULTI_LABEL_SUFFIXES.has(text);
}

function normaliseHost(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

// ---------------------------------------------------------------------------------------------
// The check

/**
 * The verdict for a host as location.hostname gives it (lower case, IDN labels in punycode).
 * Official: an official host or a subdomain of an official registrable domain. Lookalike, for the
 * brand matched most closely, when a label left of the public suffix
 *  - holds a brand token as a whole token, split on '.' and '-' (secure-binance.net);
 *  - spells a brand token in look-alike ASCII (b1nance, rnexc, kucoln);
 *  - for fuzzy brands, is one edit (5-6 letters) or two (7+) from a brand token (binnance);
 *  - does any of these once punycode is decoded and look-alike Unicode mapped (bіnance with a
 *    Cyrillic і), which adds the reasons "look-alike characters" and, if so, mixed scripts.
 * The reasons are Words (noteLookalike… messages), so this module picks no language.
 */
export function checkHost(hostname: string, brands: readonly Brand[]): HostVerdict {
  const host = normaliseHost(hostname);
  if (host === '' || /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[')) {
    return { verdict: 'unrelated' };
  }
  for (const brand of brands) {
    if (isOfficial(host, brand)) return { verdict: 'official', exchangeId: brand.exchangeId };
  }
  // Legitimate hosts of the same companies that are not the exchange Keyward supports: reported
  // as unrelated (no capture, no fill, no warning), with the company they belong to.
  const related = brands.find((brand) =>
    brand.relatedDomains.some((domain) => host === domain || host.endsWith(`.${domain}`)),
  );
  if (related !== undefined) return { verdict: 'unrelated', relatedTo: related.exchangeId };

  const labels = host.split('.');
  // Only the labels left of the public suffix name the site: "golden-gate.com" must not read as
  // the token sequence gate,com.
  const nameLabels = labels.slice(0, Math.max(labels.length - suffixLength(labels), 0));

  // Two readings of the host: the ASCII labels as they are (a punycode label left blank, which
  // also keeps it from joining its neighbours into a token sequence), and every label with
  // punycode decoded and look-alike characters mapped to the ASCII letters they imitate.
  const plain = bestMatch(
    nameLabels.map((label) => (label.startsWith('xn--') || !isAscii(label) ? '' : label)),
    brands,
  );
  let mapped: Match | null = null;
  const unicodeReasons: Words[] = [words('noteLookalikePunycode')];
  if (nameLabels.some((label) => label.startsWith('xn--') || !isAscii(label))) {
    const readings = nameLabels.map(readLabel);
    mapped = bestMatch(
      readings.map((reading) => reading.mapped),
      brands,
    );
    // Once for labels that mix the same scripts.
    for (const scripts of unique(readings.map((reading) => reading.scripts))) {
      if (scripts !== '') unicodeReasons.push(words('noteLookalikeMixedScripts', { scripts }));
    }
  }

  // The decoded reading counts only where it finds more than the plain one: a punycode label
  // next to "binance-login" is not what makes that host a lookalike.
  const decodedWins = mapped !== null && (plain === null || mapped.strength < plain.strength);
  const best = decodedWins ? mapped : plain;
  if (best === null) return { verdict: 'unrelated' };
  const reasons = decodedWins ? [...best.reasons, ...unicodeReasons] : best.reasons;
  return {
    verdict: 'lookalike',
    exchangeId: best.brand.exchangeId,
    realHost: best.brand.officialHosts[0] ?? registrableDomains(best.brand)[0] ?? '',
    reasons,
  };
}

function isOfficial(host: string, brand: Brand): boolean {
  if (brand.officialHosts.includes(host)) return true;
  return registrableDomains(brand).some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function registrableDomains(brand: Brand): string[] {
  // A registrable domain that is itself a suffix would make a whole TLD official: such a host
  // stays official as written (isOfficial) but widens to nothing. The tests check that the
  // exchange modules never cause it.
  return unique(brand.officialHosts.map(registrableDomain).filter((domain) => !isPublicSuffix(domain)));
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Brand matching over a list of name labels

interface Match {
  brand: Brand;
  /** 0: the brand token itself; 1: the token in look-alike characters; 2, 3: edit distance 1, 2. */
  strength: number;
  reasons: Words[];
}

// Ordinary words within the fuzzy distance of a brand, common in host names (finance.yahoo.com,
// Polish "finanse", German "kranken" as in Krankenkasse). A phisher gains nothing by these: they
// do not read as the brand.
const NOT_LOOKALIKES: ReadonlySet<string> = new Set(['finance', 'finances', 'finanse', 'balance', 'bitset', 'kranken']);

function bestMatch(labels: readonly string[], brands: readonly Brand[]): Match | null {
  // Empty tokens stay: they break token sequences (a blank punycode label, "a--b").
  const tokens = labels.flatMap((label) => label.split('-'));
  // A label with its hyphens removed catches "bin-ance"; the shown text keeps the hyphens.
  const candidates = [
    ...tokens.filter((token) => token.length > 0).map((token) => ({ text: token, shown: token })),
    ...labels.filter((label) => label.includes('-')).map((label) => ({ text: label.replace(/-/g, ''), shown: label })),
  ];
  let best: Match | null = null;
  for (const brand of brands) {
    const match = matchBrand(brand, tokens, candidates);
    if (match !== null && (best === null || match.strength < best.strength)) best = match;
  }
  return best;
}

function matchBrand(
  brand: Brand,
  tokens: readonly string[],
  candidates: readonly { text: string; shown: string }[],
): Match | null {
  let best: Match | null = null;
  const consider = (strength: number, reason: Words): void => {
    if (best === null || strength < best.strength) best = { brand, strength, reasons: [reason] };
  };
  const domains = registrableDomains(brand);
  // Separated by commas, with no English "or" that the other languages would have to carry.
  const outside = (domains.length > 0 ? domains : brand.officialHosts).join(', ');
  for (const brandToken of brand.brandTokens) {
    const parts = brandToken.split(/[.-]/);
    if (containsSequence(tokens, parts)) {
      consider(0, words('noteLookalikeContains', { domains: outside, token: brandToken }));
      continue;
    }
    if (parts.length !== 1) continue;
    const brandSkeleton = skeleton(brandToken);
    const fuzzy = brand.fuzzy && isFuzzyToken(brandToken);
    const budget = brandToken.length >= 7 ? 2 : 1;
    for (const { text, shown } of candidates) {
      // Look-alike characters (b1nance, rnexc): checked for every brand, however short, since
      // they spell the brand exactly once mapped.
      if (skeleton(text) === brandSkeleton) {
        consider(1, words('noteLookalikeLooksLike', { brand: brandToken, label: shown }));
        continue;
      }
      if (!fuzzy || NOT_LOOKALIKES.has(text) || text.length < FUZZY_MIN_LENGTH) continue;
      if (Math.abs(text.length - brandToken.length) > budget) continue;
      const distance = Math.min(editDistance(text, brandToken), editDistance(skeleton(text), brandSkeleton));
      // Two edits that also shorten the name (bianca from binance) leave too little of the brand
      // to read as it; two edits that keep or grow it (binnannce, binanceus) still do.
      const allowed = distance === 1 || (distance === 2 && text.length >= brandToken.length);
      if (distance <= budget && allowed) {
        consider(1 + distance, words(distance === 1 ? 'noteLookalikeOneLetter' : 'noteLookalikeTwoLetters', { brand: brandToken, label: shown }));
      }
    }
  }
  return best;
}

function containsSequence(tokens: readonly string[], parts: readonly string[]): boolean {
  for (let start = 0; start + parts.length <= tokens.length; start += 1) {
    if (parts.every((part, offset) => tokens[start + offset] === part)) return true;
  }
  return false;
}

/**
 * ASCII look-alikes mapped to one form, applied to both sides of a comparison: digits that pass
 * for letters, "rn" for "m", "vv" for "w", and "l" and "i" (and "1") as one letter.
 */
function skeleton(text: string): string {
  return text
    .replace(/[0135]/g, (digit) => ({ '0': 'o', '1': 'l', '3': 'e', '5': 's' })[digit] ?? digit)
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/l/g, 'i');
}

/** Damerau-Levenshtein distance, optimal-string-alignment form (adjacent swaps cost 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
}

// ---------------------------------------------------------------------------------------------
// Unicode labels

interface LabelReading {
  /** The label with punycode decoded and look-alike characters mapped to ASCII. */
  mapped: string;
  /**
   * The scripts of its letters when more than one of Latin, Cyrillic, Greek, full-width, listed
   * with commas, not an English "and" (the message says "letters of different alphabets"); else ''.
   */
  scripts: string;
}

function readLabel(label: string): LabelReading {
  let unicode = label;
  if (label.startsWith('xn--')) {
    const decoded = decodePunycode(label.slice(4));
    if (decoded === null) return { mapped: label, scripts: '' };
    unicode = decoded.toLowerCase();
  }
  const scripts = unique([...unicode].map(scriptOf).filter((script): script is string => script !== null));
  return { mapped: mapConfusables(unicode), scripts: scripts.length > 1 ? scripts.join(', ') : '' };
}

// Characters that render like an ASCII letter in common fonts. A small table of the ones seen in
// exchange phishing, not Unicode's full confusables list.
const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ѕ: 's', ј: 'j', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ь: 'b', ү: 'y',
  // Greek
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  // Latin letters outside ASCII that have no decomposition
  ı: 'i', ɑ: 'a', ɡ: 'g', ȷ: 'j', ł: 'l', ø: 'o', đ: 'd', ħ: 'h',
};

function mapConfusables(text: string): string {
  // Decomposing first turns accented letters (ï, ñ, ḃ) into a base letter and marks to drop.
  const stripped = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (const char of stripped) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) {
      // Full-width ASCII (ａ, ０): a fixed offset from the ASCII character.
      out += String.fromCodePoint(code - 0xfee0).toLowerCase();
    } else {
      out += CONFUSABLES[char] ?? char;
    }
  }
  return out;
}

function scriptOf(char: string): string | null {
  const code = char.codePointAt(0) ?? 0;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x2af) || (code >= 0x1e00 && code <= 0x1eff)) {
    return 'Latin';
  }
  if (code >= 0x400 && code <= 0x52f) return 'Cyrillic';
  if ((code >= 0x370 && code <= 0x3ff) || (code >= 0x1f00 && code <= 0x1fff)) return 'Greek';
  if (code >= 0xff21 && code <= 0xff5a) return 'full-width';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Punycode (RFC 3492), decoding only: hosts arrive as location.hostname gives them, in ASCII.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26; // 0-9 → 26-35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z → 0-25
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z → 0-25
  return BASE;
}

/** Decodes the part of a label after "xn--"; null if it is not valid punycode. */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  // Basic (ASCII) code points come first, up to the last delimiter.
  const delimiter = input.lastIndexOf('-');
  const basicEnd = Math.max(delimiter, 0);
  for (let index = 0; index < basicEnd; index += 1) {
    const code = input.charCodeAt(index);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = delimiter > 0 ? delimiter + 1 : 0; index < input.length; ) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitValue(input.charCodeAt(index));
      index += 1;
      if (digit >= BASE || digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > MAX_INT - n) return null;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

// ---------------------------------------------------------------------------------------------

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
