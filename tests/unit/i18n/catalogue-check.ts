// What makes a set of messages.json catalogues right for browsers and for src/i18n, as a list of
// problems (empty when right), so the test can show each rule failing on a broken copy.
import { PLURAL_CATEGORIES, type Catalogue } from '../../../src/i18n/keys';

/** Browsers accept message and placeholder names of these characters only; "@@" names are theirs. */
const NAME = /^[A-Za-z0-9_@]+$/;
const PLURAL_FORM = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);

/** The plural forms a language needs, from Intl itself ("zh-CN" → other). */
export function pluralFormsOf(locale: string): string[] {
  return [...new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories].sort();
}

function baseOf(key: string): { base: string; form: string | null } {
  const match = PLURAL_FORM.exec(key);
  return match?.[1] !== undefined && match[2] !== undefined ? { base: match[1], form: match[2] } : { base: key, form: null };
}

/** Placeholder names declared, lower case; and those the message uses. */
function placeholderUse(entry: Catalogue[string]): { declared: string[]; used: string[] } {
  return {
    declared: Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()),
    used: [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => (match[1] ?? '').toLowerCase()),
  };
}

/** Problems of one catalogue on its own. */
function entryProblems(locale: string, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [key, entry] of Object.entries(catalogue)) {
    const where = `${locale}/${key}`;
    if (!NAME.test(key) || key.startsWith('@@')) problems.push(`${where}: not a valid message name`);
    const folded = key.toLowerCase();
    // Browsers look names up case-insensitively: two that differ only in case are one.
    if (seen.has(folded)) problems.push(`${where}: same name as ${seen.get(folded)} but for case`);
    seen.set(folded, key);
    if (typeof entry.message !== 'string' || entry.message.trim() === '') {
      problems.push(`${where}: empty message`);
      continue;
    }
    if (entry.message !== entry.message.trim()) problems.push(`${where}: message starts or ends with white space`);
    const { declared, used } = placeholderUse(entry);
    for (const name of declared) if (!used.includes(name)) problems.push(`${where}: placeholder ${name} declared but not used`);
    for (const name of used) if (!declared.includes(name)) problems.push(`${where}: $${name.toUpperCase()}$ used but not declared`);
    // Positions follow the names' alphabetical order ($1 the first), which t() relies on.
    const sorted = [...declared].sort();
    for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
      if (!NAME.test(name)) problems.push(`${where}: placeholder ${name} is not a valid name`);
      const expected = `$${sorted.indexOf(name.toLowerCase()) + 1}`;
      if (placeholder.content !== expected) problems.push(`${where}: placeholder ${name} should be ${expected}, is ${placeholder.content}`);
    }
    const stray = entry.message.replace(/\$[A-Za-z0-9_@]+\$|\$\$/g, '');
    if (stray.includes('$')) problems.push(`${where}: a lone $ (write $$ for a dollar sign)`);
  }
  return problems;
}

/**
 * Problems across catalogues, English the reference: every message in every language, with the
 * same placeholders; plural messages with exactly the forms each language needs; messagesLocale
 * naming the catalogue's own folder.
 */
export function catalogueProblems(catalogues: Readonly<Record<string, Catalogue>>): string[] {
  const english = catalogues.en;
  if (english === undefined) return ['no en catalogue'];
  const problems = Object.entries(catalogues).flatMap(([locale, catalogue]) => entryProblems(locale, catalogue));
  const englishBases = new Map<string, string>();
  for (const key of Object.keys(english)) englishBases.set(baseOf(key).base, key);
  for (const [locale, catalogue] of Object.entries(catalogues)) {
    const needed = pluralFormsOf(locale);
    if (catalogue.messagesLocale?.message !== locale) problems.push(`${locale}/messagesLocale: should be "${locale}"`);
    const forms = new Map<string, string[]>();
    for (const key of Object.keys(catalogue)) {
      const { base, form } = baseOf(key);
      if (!englishBases.has(base)) problems.push(`${locale}/${key}: not in the English catalogue`);
      forms.set(base, [...(forms.get(base) ?? []), ...(form === null ? [] : [form])]);
    }
    for (const [base, englishKey] of englishBases) {
      const plural = baseOf(englishKey).form !== null;
      const have = forms.get(base);
      if (have === undefined) {
        problems.push(`${locale}/${plural ? `${base}_*` : base}: missing`);
        continue;
      }
      if (plural && have.sort().join() !== needed.join()) {
        problems.push(`${locale}/${base}: plural forms ${have.join(', ') || 'none'}, the language needs ${needed.join(', ')}`);
      }
      if (!plural && have.length > 0) problems.push(`${locale}/${base}: plural forms of a message English has without them`);
      // Every form of a message takes the same substitutions as English's.
      const englishEntry = english[plural ? `${base}_other` : base];
      const expected = englishEntry ? placeholderUse(englishEntry).declared.sort().join() : '';
      for (const key of plural ? have.map((form) => `${base}_${form}`) : [base]) {
        const entry = catalogue[key];
        if (entry && placeholderUse(entry).declared.sort().join() !== expected) {
          problems.push(`${locale}/${key}: placeholders differ from English's (${expected || 'none'})`);
        }
      }
    }
  }
  return problems;
}
