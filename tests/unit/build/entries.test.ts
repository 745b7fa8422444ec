import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ENTRY_DIR,
  GENERATED_DIR,
  PLATFORM_NAMES_MODULE,
  type ContentScript,
  generatedEntries,
  inlinedPlatformNames,
  planEntries,
  platformNamesSource,
  withContentScripts,
} from '../../../scripts/entries';
import { PLATFORM_NAMES } from '../../../src/exchanges/platform-names';
import { platformScriptFile } from '../../../src/background/sites';
import { EXCHANGES } from '../../../src/exchanges/registry';
import { PLATFORMS, USER_SITE_PLATFORMS } from '../../../src/platforms/registry';

/**
 * What runs where is security policy: each exchange's capture script only on its official hosts
 * over https and in the top frame, the watcher (readers, capture) only when the background injects
 * it, platform scripts on their hosts, the lookalike guard everywhere else.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const plan = planEntries(EXCHANGES, PLATFORMS, USER_SITE_PLATFORMS);
const GUARD = `${ENTRY_DIR}/lookalike-guard.ts`;

const httpsOn = (hosts: readonly string[]) => hosts.map((host) => `https://${host}/*`);
const scriptFor = (entry: string): ContentScript | undefined => plan.contentScripts.find((script) => script.js.includes(entry));
const sourceOf = (entry: string): string => plan.entries.find((e) => e.entry === entry)?.source ?? '';
const builtName = (entry: string) => entry.replace(/\.ts$/, '.js');

describe('exchange scripts', () => {
  it.each(EXCHANGES.map((e) => [e.id, e] as const))('%s: the light script runs on its official hosts only, over https, in the top frame', (id, exchange) => {
    expect(scriptFor(`${ENTRY_DIR}/${id}.ts`)).toEqual({ matches: httpsOn(exchange.hosts), js: [`${ENTRY_DIR}/${id}.ts`], run_at: 'document_idle', all_frames: false });
  });

  it('the light scripts carry data, not the exchange modules with their readers', () => {
    for (const exchange of EXCHANGES) {
      const source = sourceOf(`${ENTRY_DIR}/${exchange.id}.ts`);
      expect(source).toContain('runExchangeContent(');
      expect(source).not.toMatch(/src\/exchanges\//);
    }
  });

  it('the watchers are injected by the background only, never declared in the manifest', () => {
    for (const exchange of EXCHANGES) {
      const watcher = `${ENTRY_DIR}/${exchange.id}-watcher.ts`;
      expect(scriptFor(watcher)).toBeUndefined();
      expect(plan.injectedEntries).toContain(watcher);
    }
    // The background injects them by their built name.
    const background = readFileSync(join(root, 'src/background/index.ts'), 'utf8');
    expect(background).toContain(`files: [\`${ENTRY_DIR}/\${exchange}-watcher.js\`]`);
  });
});

describe('platform scripts', () => {
  it.each(PLATFORMS.filter((p) => p.hosts.length > 0).map((p) => [p.id, p] as const))('%s: runs on its hosts, over https, in every frame (bind forms sit in frames)', (id, platform) => {
    expect(scriptFor(`${ENTRY_DIR}/platform-${id}.ts`)).toEqual({
      matches: httpsOn(platform.hosts),
      js: [`${ENTRY_DIR}/platform-${id}.ts`],
      run_at: 'document_idle',
      all_frames: true,
    });
  });

  it('self-hosted and generic platforms are only built: the background registers them per site the user adds', () => {
    const userSite = USER_SITE_PLATFORMS.filter((p) => p.hosts.length === 0);
    expect(userSite.length).toBeGreaterThan(0);
    for (const platform of userSite) {
      const entry = `${ENTRY_DIR}/platform-${platform.id}.ts`;
      expect(scriptFor(entry)).toBeUndefined();
      expect(plan.injectedEntries).toContain(entry);
      expect(builtName(entry)).toBe(platformScriptFile(platform.id));
    }
  });
});

describe('the lookalike guard', () => {
  const guard = scriptFor(GUARD);

  it('runs on every other http and https page, in the top frame', () => {
    const declaredElsewhere = plan.contentScripts.filter((script) => script !== guard).flatMap((script) => script.matches);
    expect(guard?.matches).toEqual(['https://*/*', 'http://*/*']);
    expect(guard?.all_frames).toBe(false);
    expect([...(guard?.exclude_matches ?? [])].sort()).toEqual([...declaredElsewhere].sort());
  });

  it('carries every exchange’s brand', () => {
    for (const exchange of EXCHANGES) expect(sourceOf(GUARD)).toContain(`"exchangeId":"${exchange.id}"`);
  });
});

describe('the leak guard', () => {
  const installs = (entry: string) => sourceOf(entry).includes('installLeakGuard();');

  it('rides in the lookalike guard and every platform script: no page gets a script of its own for it', () => {
    expect(installs(GUARD)).toBe(true);
    const platformEntries = plan.entries.filter((entry) => entry.file.startsWith('platform-'));
    expect(platformEntries.length).toBeGreaterThan(0);
    for (const entry of platformEntries) expect(installs(entry.entry), entry.file).toBe(true);
  });

  it('stays out of the exchanges’ light scripts, which must stay under 5 KB on trading pages', () => {
    for (const exchange of EXCHANGES) expect(installs(`${ENTRY_DIR}/${exchange.id}.ts`), exchange.id).toBe(false);
  });
});

describe('the manifest', () => {
  const manifest = withContentScripts({ name: 'Keyward' }, plan);

  it('grants host access to the exchanges’ official hosts only (where the watcher is injected)', () => {
    expect(manifest.host_permissions).toEqual(EXCHANGES.flatMap((e) => httpsOn(e.hosts)));
  });

  it('declares no wildcard host and no http outside the lookalike guard', () => {
    for (const script of plan.contentScripts.filter((s) => !s.js.includes(GUARD))) {
      for (const match of script.matches) expect(match).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    }
  });

  it('keeps the template’s other keys', () => {
    expect(manifest.name).toBe('Keyward');
    expect(manifest.content_scripts).toBe(plan.contentScripts);
  });
});

describe('generated sources', () => {
  const imports = plan.entries.flatMap((entry) => [...entry.source.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? ''));

  it('import site modules by directory-or-file path, so `x.ts` and `x/index.ts` both work', () => {
    const siteImports = imports.filter((path) => /\/src\/(exchanges|platforms)\//.test(path));
    expect(siteImports.length).toBe(EXCHANGES.length + new Set([...PLATFORMS, ...USER_SITE_PLATFORMS]).size);
    for (const path of siteImports) expect(path).toMatch(/\/src\/(exchanges|platforms)\/[a-z0-9]+$/);
  });

  it('import modules that exist, seen from the generated folder', () => {
    for (const path of new Set(imports)) {
      const target = resolve(root, GENERATED_DIR, path);
      expect(existsSync(`${target}.ts`) || existsSync(join(target, 'index.ts')), path).toBe(true);
    }
  });

  it('are written outside src/, and the build finds each under its ENTRY_DIR name', () => {
    expect(GENERATED_DIR.startsWith('src/')).toBe(false);
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain(`${dirname(GENERATED_DIR)}/`);
    const plugin = generatedEntries(plan, root);
    const resolveId = plugin.resolveId as (id: string) => string | null;
    expect(resolveId(join(root, `${ENTRY_DIR}/htx.ts`))).toBe(join(root, GENERATED_DIR, 'htx.ts'));
    expect(resolveId(join(root, 'src/content/exchange.ts'))).toBeNull();
  });
});

describe('platform names, shipped as data', () => {
  it('the data the build ships is the table the source derives from the registry', async () => {
    const url = `data:text/javascript,${encodeURIComponent(platformNamesSource(EXCHANGES))}`;
    const shipped = (await import(/* @vite-ignore */ url)) as { PLATFORM_NAMES: unknown };
    expect(shipped.PLATFORM_NAMES).toEqual(PLATFORM_NAMES);
    expect(Object.keys(PLATFORM_NAMES).length).toBeGreaterThan(EXCHANGES.length);
  });

  it('replaces that one module and no other', () => {
    const plugin = inlinedPlatformNames(EXCHANGES, root);
    const load = plugin.load as (id: string) => string | null;
    expect(load(join(root, PLATFORM_NAMES_MODULE))).toBe(platformNamesSource(EXCHANGES));
    expect(load(`${join(root, PLATFORM_NAMES_MODULE)}?v=1`)).toBe(platformNamesSource(EXCHANGES));
    expect(load(join(root, 'src/exchanges/registry.ts'))).toBeNull();
    expect(load(join(root, 'src/platforms/names.ts'))).toBeNull();
  });
});
