import type { Catalogue, CatalogueEntry } from './keys';

/**
 * A message filled the way browsers' i18n.getMessage fills it, for where that API is absent (unit
 * tests, tools): each $name$ (any case) becomes its placeholder's content, then each $1…$9 in the
 * result the matching substitution and $$ a dollar sign, in one pass, so a substituted value is
 * never read again. An unknown message is "", as in both browsers.
 */
export function formatEntry(entry: CatalogueEntry | undefined, substitutions: readonly string[]): string {
  if (entry === undefined) return '';
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return expanded.replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}

/** i18n.getMessage over one catalogue; message names are case-insensitive, as in browsers. */
export function catalogueGetMessage(catalogue: Catalogue): (name: string, substitutions: readonly string[]) => string {
  const byName = new Map(Object.entries(catalogue).map(([name, entry]) => [name.toLowerCase(), entry]));
  return (name, substitutions) => formatEntry(byName.get(name.toLowerCase()), substitutions);
}
