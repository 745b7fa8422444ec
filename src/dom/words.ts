/**
 * Matching the words a person reads against a vocabulary, tolerantly. Pure: no DOM.
 *
 * Sites say the same thing in many ways: "Secret Key", "Secret key:", "Secret Key（密钥）",
 * "* Secret Key (required)", "Copy Secret Key", "Secret Key — shown only once", "Enable
 * Withdrawals", "Can withdraw / transfer". A vocabulary therefore lists phrases, and a phrase
 * matches when it occurs as whole words inside one short part of a label, never as one anchored
 * whole string. Candidates are ranked by how much of the label the phrase covers, so "API Key
 * Name" is the key's name and not the API key.
 */

import { simplified } from './traditional';

/** Phrases in each language the site uses, e.g. ['secret key', 'api secret', '密钥']. */
export type Words = readonly string[];

/** A label longer than this is a sentence, not a label. */
const MAX_PART_LENGTH = 48;
const MAX_PART_WORDS = 7;

/** Marks that decorate a label without changing what it names. */
const DECORATION = /\((?:required|optional|recommended|选填|必填|可选|необязательно|обязательно)\)|[*＊✱]/giu;

/**
 * Words that start or end a label without naming anything: a verb on a copy button, "Enable" on
 * a switch, "Your" before a noun. Removed before measuring how much of a label a phrase covers.
 */
const FILLER = new Set([
  'copy', 'enable', 'enabled', 'can', 'allow', 'allows', 'allowed', 'permit', 'permits', 'your', 'the', 'a', 'an', 'new',
  'show', 'view', 'click', 'to', 'here', 'permission', 'permissions', 'access', 'only', 'is', 'this',
  '复制', '开启', '启用', '允许', '点击', '您的', '你的',
  'копировать', 'скопировать', 'разрешить', 'включить', 'ваш', 'ваша',
]);

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

/** NFKC (full-width to ASCII), Traditional Chinese as Simplified, lower case, one space, no decoration. */
export function normaliseWords(text: string | null | undefined): string {
  return simplified((text ?? '').normalize('NFKC'))
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(DECORATION, ' ')
    // "复制Key", "API密钥": a space where the script changes, so each side is a word.
    .replace(/([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af])(?=[a-z0-9\u0400-\u04ff])|([a-z0-9\u0400-\u04ff])(?=[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af])/gu, '$1$2 ')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/**
 * The parts of a label that may each name one thing: the whole label, then each piece between
 * brackets, slashes, bars, dashes and colons ("Secret Key (密钥)" gives "secret key" and "密钥";
 * "Futures / Swap Trade" gives "futures" and "swap trade"), and a label that mixes Latin and
 * CJK text without brackets split by script.
 */
export function labelParts(label: string): string[] {
  const whole = normaliseWords(label);
  const parts = new Set<string>();
  const add = (part: string) => {
    const trimmed = part.replace(/^[\s:;,.·•|/\\\-–—>›]+|[\s:;,.·•|/\\\-–—<‹]+$/gu, '').trim();
    if (trimmed) parts.add(trimmed);
  };
  add(whole);
  for (const piece of whole.split(/[()[\]{}<>|/\\:;,·•]|\s[-–—]\s|[–—]/u)) {
    add(piece);
    // "secret key 密钥": both scripts in one piece. Not "api 密钥", where the Latin word is part
    // of the Chinese name ("API key").
    const latinWords = piece.replace(/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu, ' ').trim().split(/\s+/).filter(Boolean);
    if (CJK.test(piece) && latinWords.length >= 2) {
      for (const run of piece.match(/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\s]+|[^\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu) ?? []) {
        add(run);
      }
    }
  }
  return [...parts];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A phrase as a pattern: words at word boundaries, any spacing, hyphen or underscore between
 * them ("api key", "api-key", "apikey"), and the usual endings after the last word ("withdraw"
 * matches "withdrawals", "вывод" matches "вывода"). CJK phrases match as substrings: those
 * scripts put no spaces between words.
 */
function compile(phrase: string): RegExp {
  const normal = normaliseWords(phrase);
  if (CJK.test(normal)) return new RegExp(normal.split(' ').map(escape).join('\\s*'), 'u');
  // Russian words change their ending with the case ("разрешённые", "разрешённых IP"): a long
  // word matches by its stem, any word by itself plus a short ending.
  const word = (w: string) =>
    /[\u0400-\u04ff]/u.test(w) ? `${escape(w.length > 5 ? w.slice(0, -2) : w)}\\p{L}{0,4}` : escape(w);
  const words = normal.split(' ');
  const body = words.map(word).join('[\\s_-]*');
  const ending = /[\u0400-\u04ff]$/u.test(normal) ? '' : '(?:s|es|ed|d|ing|al|als|able)?';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${ending}(?![\\p{L}\\p{N}])`, 'u');
}

const compiled = new Map<string, RegExp>();

function patternOf(phrase: string): RegExp {
  let pattern = compiled.get(phrase);
  if (!pattern) {
    pattern = compile(phrase);
    compiled.set(phrase, pattern);
  }
  return pattern;
}

/** A part without its filler words, for measuring coverage. */
function core(part: string): string {
  const words = part.split(' ');
  let start = 0;
  let end = words.length;
  while (start < end && FILLER.has(words[start] ?? '')) start++;
  while (end > start && FILLER.has(words[end - 1] ?? '')) end--;
  return words.slice(start, end).join(' ') || part;
}

/** Short enough to be a label; a vocabulary's own long phrase allows a few words more. */
function isShort(part: string, phrase: string): boolean {
  const words = phrase.split(' ').length;
  return part.length <= Math.max(MAX_PART_LENGTH, phrase.length + 16) && part.split(' ').length <= Math.max(MAX_PART_WORDS, words + 3);
}

/**
 * How well a label names what `words` lists: 0 when no phrase occurs in a short part of it, else
 * the share of the best part that the phrase covers (1: the part is exactly the phrase).
 */
export function wordScore(label: string, words: Words): number {
  return wordMatch(label, words).score;
}

/** The best coverage, and the length of the phrase that gave it (a tie goes to the longer). */
export function wordMatch(label: string, words: Words): { score: number; length: number } {
  let best = 0;
  let length = 0;
  for (const part of labelParts(label)) {
    const measured = core(part);
    for (const phrase of words) {
      if (!isShort(part, phrase)) continue;
      const match = patternOf(phrase).exec(measured) ?? patternOf(phrase).exec(part);
      if (!match) continue;
      const matched = match[0].replace(/\s+/g, '').length;
      let score = Math.min(1, matched / Math.max(1, measured.replace(/\s+/g, '').length));
      // A phrase that starts a short label is what the label is about: "View account details",
      // "Withdraw to whitelisted addresses".
      // Three words at most: a longer run is a sentence ("Trading platforms never need it").
      if (match.index === 0 && measured.split(' ').length <= 3 && score < 0.5) score = 0.5;
      if (score > best || (score === best && matched > length)) {
        best = score;
        length = matched;
      }
    }
  }
  return { score: best, length };
}

export function hasWords(label: string, words: Words): boolean {
  return wordScore(label, words) > 0;
}

/**
 * The concept a label names best, among several vocabularies: the higher coverage, then the
 * longer phrase ("Access Key (API 密钥)" is the key, not "密钥"), then the earlier concept, so
 * callers list the one that must win a full tie first.
 */
export function bestConcept<K extends string>(label: string, concepts: readonly (readonly [K, Words])[]): { concept: K; score: number } | null {
  let best: { concept: K; score: number; length: number } | null = null;
  for (const [concept, words] of concepts) {
    const { score, length } = wordMatch(label, words);
    if (score > 0 && (!best || score > best.score || (score === best.score && length > best.length))) best = { concept, score, length };
  }
  return best ? { concept: best.concept, score: best.score } : null;
}
