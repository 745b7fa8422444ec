// Keyward's words in the user's language: t() and plural() over the browser's i18n.getMessage,
// which reads public/_locales/<language>/messages.json. README.md here says how keys and plural
// forms are laid out.
import english from '../../public/_locales/en/messages.json';
import { catalogueGetMessage } from './format';
import type { Catalogue, MessageKey, PlaceholderName, PlainKey, PluralBase, Substitutions, Words } from './keys';

export type { MessageKey, PlainKey, PluralBase, Words } from './keys';
export { words } from './keys';

/** i18n.getMessage's shape: positional substitutions ($1…$9). */
export type GetMessage = (name: string, substitutions: readonly string[]) => string;

interface I18nApi {
  getMessage(name: string, substitutions?: string[]): string | undefined;
}

/** The browser's API where there is one (every extension context; the polyfill's `browser` too). */
function browserGetMessage(): GetMessage | null {
  const scope = globalThis as unknown as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const api = scope.browser?.i18n ?? scope.chrome?.i18n;
  if (api === undefined) return null;
  return (name, substitutions) => api.getMessage(name, [...substitutions]) ?? '';
}

/** Where no browser API exists (unit tests, tools): the English catalogue, filled as browsers fill it. */
const englishGetMessage = catalogueGetMessage(english as Catalogue);

let chosen: GetMessage | null = null;

/** Reads messages from this source instead (a test's other catalogue); null goes back to the default. */
export function useMessageSource(source: GetMessage | null): void {
  chosen = source;
}

function getMessage(): GetMessage {
  return chosen ?? browserGetMessage() ?? englishGetMessage;
}

/**
 * The language of the catalogue the browser actually reads, as a BCP 47 tag ("zh-CN"): its own
 * messagesLocale message. Not i18n.getUILanguage(): a Japanese browser reads the English catalogue
 * (the default locale), whose plural forms and dates must be English ones.
 */
export function catalogueLanguage(): string {
  return getMessage()('messagesLocale', []).replace('_', '-') || 'en';
}

type Args<K extends MessageKey> = [PlaceholderName<K>] extends [never] ? [] : [substitutions: Substitutions<K>];

/**
 * Substitutions go by position, and every catalogue numbers a message's placeholders in the
 * alphabetical order of their names ($1 the first), which the catalogue test checks: so the
 * names, sorted, give the positions.
 */
function lookup(key: string, substitutions: Record<string, string | number>, language: () => string): string {
  const positional = Object.keys(substitutions)
    .sort()
    .map((name) => {
      const value = substitutions[name];
      return typeof value === 'number' ? new Intl.NumberFormat(language()).format(value) : (value ?? '');
    });
  return getMessage()(key, positional);
}

/** A message in the catalogue's language; a message missing from it shows its key, never nothing. */
export function t<K extends PlainKey>(key: K, ...args: Args<K>): string {
  const [substitutions = {}] = args as [Record<string, string | number>?];
  return lookup(key, substitutions, catalogueLanguage) || key;
}

type PluralOther<B extends PluralBase> = Extract<`${B}_other`, MessageKey>;
type PluralArgs<B extends PluralBase> = [Exclude<PlaceholderName<PluralOther<B>>, 'count'>] extends [never]
  ? []
  : [substitutions: Omit<Substitutions<PluralOther<B>>, 'count'>];

/**
 * The form of `base` for `count` in the catalogue's language (`base_one`, `base_few`, …, chosen
 * by Intl.PluralRules), with $COUNT$ filled by the count as that language writes numbers. A
 * form the catalogue lacks falls back to `base_other`.
 */
export function plural<B extends PluralBase>(base: B, count: number, ...args: PluralArgs<B>): string {
  const language = catalogueLanguage();
  const [others = {}] = args as [Record<string, string | number>?];
  const substitutions = { ...others, count };
  const category = new Intl.PluralRules(language).select(count);
  const at = () => language;
  return lookup(`${base}_${category}`, substitutions, at) || lookup(`${base}_other`, substitutions, at) || base;
}

/** Words (a key and its substitutions, from code that does not choose the language) said in the catalogue's language. */
export function tWords(said: Words): string {
  return lookup(said.key, (said.subs ?? {}) as Record<string, string | number>, catalogueLanguage) || said.key;
}
