import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Code that imports a message catalogue (the English fallback of t(), the background's copies
 * for the language choice and the pages' notes, the pages' chunks for a chosen language) needs
 * each message's text and placeholders, never the translators' descriptions and examples, which
 * are half of each catalogue's bytes. The copies in _locales/, which the browser reads, keep them.
 */
export function leanCatalogues(): Plugin {
  return {
    name: 'keyward-lean-catalogues',
    enforce: 'pre',
    // `messages.json?raw`: the lean catalogue as one string, which the importer parses when it
    // needs it (the background: the other languages' catalogues are read only for a choice in
    // Settings or a page in another language, so a worker's start does not parse them).
    load(id) {
      const raw = /^(.*[\\/]_locales[\\/][A-Za-z_]+[\\/]messages\.json)\?raw$/.exec(id);
      if (raw?.[1] === undefined) return null;
      const json = JSON.stringify(leanCatalogue(JSON.parse(readFileSync(raw[1], 'utf8')) as unknown));
      return { code: `export default ${JSON.stringify(json)};`, map: null, moduleType: 'js' };
    },
    transform(code, id) {
      if (!/[\\/]_locales[\\/][A-Za-z_]+[\\/]messages\.json$/.test(id)) return null;
      // The pages' and scripts' builds inherit this plugin as well: a catalogue already made lean passes.
      if (!code.trimStart().startsWith('{')) return null;
      // As JSON.parse of one string, not an object literal of hundreds of messages: the engine
      // reads a string far faster than code.
      const json = JSON.stringify(leanCatalogue(JSON.parse(code) as unknown));
      return { code: `export default JSON.parse(${JSON.stringify(json)});`, map: null, moduleType: 'js' };
    },
  };
}

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Each message with its text and its placeholders' content only. */
export function leanCatalogue(catalogue: unknown): Record<string, Entry> {
  if (typeof catalogue !== 'object' || catalogue === null) throw new Error('keyward-lean-catalogues: a catalogue is not an object');
  const lean: Record<string, Entry> = {};
  for (const [name, value] of Object.entries(catalogue as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)) {
    const entry: Entry = { message: value.message };
    if (value.placeholders !== undefined) {
      entry.placeholders = Object.fromEntries(Object.entries(value.placeholders).map(([key, placeholder]) => [key, { content: placeholder.content }]));
    }
    lean[name] = entry;
  }
  return lean;
}
