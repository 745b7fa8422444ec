// Where fixture pages live. Each site keeps its pages in its own folder
// (src/exchanges/<id>/fixtures/<host>/<path>, src/platforms/<id>/fixtures/...), so adding a site
// touches no shared table; pages that belong to no site (a third party framing a platform) stay
// under tests/fixtures/. Whoever serves or loads a page (e2e server, demo, bench, unit readers
// tests) asks this module, so the URL stays https://<real host>/<path> wherever the file lives.
// Node only: no browser or test-runner import, so scripts can use it as they are.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

// Not new URL(…, import.meta.url): unit tests load this under happy-dom, whose URL is the page's.
const REPOSITORY = resolve(import.meta.dirname, '../../..');

/** Pages of no particular site, by host and path like the site folders'. */
export const SHARED_FIXTURES = join(REPOSITORY, 'tests', 'fixtures');

const SITE_KINDS = ['exchanges', 'platforms'] as const;

/** Every site's fixtures/ folder, then the shared one. */
export function fixtureRoots(): string[] {
  const roots: string[] = [];
  for (const kind of SITE_KINDS) {
    const kindDir = join(REPOSITORY, 'src', kind);
    for (const entry of readdirSync(kindDir, { withFileTypes: true })) {
      const fixtures = join(kindDir, entry.name, 'fixtures');
      if (entry.isDirectory() && existsSync(fixtures)) roots.push(fixtures);
    }
  }
  return [...roots, SHARED_FIXTURES];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The file served at https://<host><urlPath> (urlPath as the request has it, percent-encoded,
 * "/" meaning index.html): <root>/<host>/<path> in any fixture root, then <root>/<path> (pages
 * served under any host, like the generic bind form). Null when there is none or the path
 * would leave its root.
 */
export function fixtureFile(host: string, urlPath: string, roots: readonly string[] = fixtureRoots()): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative.endsWith('/')) relative += 'index.html';
  const hostIsName = /^[a-z0-9.-]+$/i.test(host);
  const byHost = hostIsName ? roots.map((root) => [root, join(root, host, relative)] as const) : [];
  const anyHost = roots.map((root) => [root, join(root, relative)] as const);
  for (const [root, candidate] of [...byHost, ...anyHost]) {
    const full = resolve(candidate);
    // join() already normalises "..", so anything still outside its root is a traversal attempt.
    if (!full.startsWith(resolve(root) + sep)) continue;
    if (isFile(full)) return full;
  }
  return null;
}

/**
 * The file of a fixture named as the site definitions name them, "<host>/<path>"
 * ("www.htx.com/en-us/apikey/index.html"). Throws when there is none: a test names pages that exist.
 */
export function fixtureFileOf(fixture: string): string {
  const slash = fixture.indexOf('/');
  const host = slash < 0 ? '' : fixture.slice(0, slash);
  const file = fixtureFile(host, slash < 0 ? `/${fixture}` : fixture.slice(slash));
  if (file === null) throw new Error(`No fixture page ${fixture}`);
  return file;
}
