import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCHANGES } from '../../src/exchanges/registry';
import { PLATFORMS, USER_SITE_PLATFORMS } from '../../src/platforms/registry';
import { EXCHANGE_FIXTURES } from './exchanges/fixture-lists';

/**
 * Every site in the registries has everything a site needs, in its own folder (as Refined GitHub
 * checks each feature): the definition, NOTES.md (where each fact comes from), fixture pages, a
 * readers test, and an end-to-end flow. So a new exchange is its folder plus its registry line,
 * and this test lists what the folder still lacks.
 */

const REPOSITORY = resolve(import.meta.dirname, '../..');
const E2E = join(REPOSITORY, 'tests', 'e2e');

type Kind = 'exchanges' | 'platforms';

interface Site {
  kind: Kind;
  id: string;
  name: string;
  fixtures: readonly string[];
}

/** Which file tests a site's readers against its fixtures. */
const READERS_TEST: Record<Kind, string> = { exchanges: 'readers.test.ts', platforms: 'bind.test.ts' };

/** Folders under src/<kind>/ that hold code every site shares, not a site. */
const SHARED_FOLDERS: Record<Kind, readonly string[]> = { exchanges: ['readers'], platforms: ['readers'] };

function read(path: string): string {
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : '';
}

/** The text of every end-to-end test and its helpers, where the case tables live. */
function e2eSources(): string {
  return readdirSync(E2E, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => read(join(E2E, file)))
    .join('\n');
}

function quoted(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case table entry naming the site: `id: '<id>'`. */
function hasEndToEndFlow(site: Site, sources: string): boolean {
  return new RegExp(`id:\\s*'${quoted(site.id)}'`).test(sources);
}

/** What the site's folder lacks, in words; empty when it is complete. */
function missingPieces(site: Site, sources: string): string[] {
  const folder = join(REPOSITORY, 'src', site.kind, site.id);
  const missing: string[] = [];
  if (!read(join(folder, 'index.ts')).includes(`export const ${site.id}`)) {
    missing.push(`src/${site.kind}/${site.id}/index.ts exporting \`${site.id}\``);
  }
  if (read(join(folder, 'NOTES.md')).trim() === '') missing.push(`src/${site.kind}/${site.id}/NOTES.md`);
  if (site.fixtures.length === 0) missing.push('fixture pages (the definition lists none)');
  for (const fixture of site.fixtures) {
    if (read(join(folder, 'fixtures', fixture)) === '') missing.push(`src/${site.kind}/${site.id}/fixtures/${fixture}`);
  }
  if (read(join(folder, READERS_TEST[site.kind])) === '') missing.push(`src/${site.kind}/${site.id}/${READERS_TEST[site.kind]}`);
  if (!hasEndToEndFlow(site, sources)) missing.push(`an end-to-end case naming it (id: '${site.id}') under tests/e2e/`);
  return missing;
}

const SITES: Site[] = [
  ...EXCHANGES.map((e) => ({ kind: 'exchanges' as const, id: e.id, name: e.name, fixtures: EXCHANGE_FIXTURES[e.id] })),
  ...[...PLATFORMS, ...USER_SITE_PLATFORMS.filter((p) => !PLATFORMS.includes(p))].map((p) => ({
    kind: 'platforms' as const,
    id: p.id,
    name: p.name,
    fixtures: p.fixtures,
  })),
];

describe('site folders', () => {
  const sources = e2eSources();

  it.each(SITES.map((site) => [`${site.kind}/${site.id}`, site] as const))('%s has everything a site needs', (_name, site) => {
    expect(missingPieces(site, sources)).toEqual([]);
  });

  it('registers every site folder, so none is silently left out of the build', () => {
    for (const kind of ['exchanges', 'platforms'] as const) {
      const folders = readdirSync(join(REPOSITORY, 'src', kind), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !SHARED_FOLDERS[kind].includes(entry.name))
        .map((entry) => entry.name)
        .sort();
      const registered = SITES.filter((site) => site.kind === kind)
        .map((site) => site.id)
        .sort();
      expect(folders, `src/${kind}/`).toEqual(registered);
    }
  });

  it('keeps core free of site folders: core takes site data as parameters', () => {
    const core = join(REPOSITORY, 'src', 'core');
    for (const file of readdirSync(core).filter((name) => name.endsWith('.ts'))) {
      const imports = [...read(join(core, file)).matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
      expect(imports.filter((path) => /\/(exchanges|platforms)(\/|$)/.test(path)), `src/core/${file}`).toEqual([]);
    }
  });

  it('names what a folder lacks (the check itself can fail)', () => {
    const absent: Site = { kind: 'exchanges', id: 'nosuchexchange', name: 'No Such', fixtures: ['www.nosuch.example/api/index.html'] };
    expect(missingPieces(absent, sources)).toEqual([
      'src/exchanges/nosuchexchange/index.ts exporting `nosuchexchange`',
      'src/exchanges/nosuchexchange/NOTES.md',
      'src/exchanges/nosuchexchange/fixtures/www.nosuch.example/api/index.html',
      'src/exchanges/nosuchexchange/readers.test.ts',
      "an end-to-end case naming it (id: 'nosuchexchange') under tests/e2e/",
    ]);
    expect(missingPieces({ ...absent, fixtures: [] }, sources)).toContain('fixture pages (the definition lists none)');
    // A case names the site by id: a name elsewhere in a table does not count.
    expect(hasEndToEndFlow({ kind: 'platforms', id: 'bitsgap', name: 'Bitsgap', fixtures: [] }, "{ id: 'bitsgap', platform: 'Bitsgap' }")).toBe(true);
    expect(hasEndToEndFlow({ kind: 'platforms', id: 'bitsgap', name: 'Bitsgap', fixtures: [] }, "{ platform: 'Bitsgap' }")).toBe(false);
  });
});
