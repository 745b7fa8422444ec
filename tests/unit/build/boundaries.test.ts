import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeName, forbiddenChain, type ImportGraph, readImportGraph } from './import-graph';

/**
 * Import boundaries between execution contexts, read from the sources: what a module may import
 * decides what a compromised or confused context can reach. Each rule is proven to fail on a
 * violation below, on a graph made for it.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));

const under =
  (...dirs: string[]) =>
  (module: string) =>
    dirs.some((dir) => module.startsWith(dir));
const packages =
  (...names: string[]) =>
  (module: string) =>
    names.some((name) => module === `package:${name}` || module.startsWith(`package:${name}/`));
const either =
  (...tests: ((module: string) => boolean)[]) =>
  (module: string) =>
    tests.some((test) => test(module));
const isTestCode = (file: string) => /\.test\.tsx?$/.test(file) || file.endsWith('/test-helpers.ts');

interface Rule {
  name: string;
  /** Where the rule starts: every such file, and everything it imports, in turn. */
  from: (file: string) => boolean;
  forbidden: (module: string) => boolean;
  /** A violation the rule must catch: a file it starts from, and a module it forbids. */
  example: { from: string; to: string };
}

const RULES: Rule[] = [
  {
    name: 'content scripts never reach the vault or the background',
    from: under('src/content/'),
    forbidden: under('src/vault/', 'src/background/'),
    example: { from: 'src/content/watcher.ts', to: 'src/vault/vault.ts' },
  },
  {
    // Content scripts load on every exchange page: the expiry rules are the background's and the popup's.
    name: 'content scripts carry no expiry rules',
    from: under('src/content/'),
    forbidden: (module) => module === 'src/exchanges/expiry-rules.ts' || /^src\/exchanges\/[^/]+\/expiry\.ts$/.test(module),
    example: { from: 'src/content/exchange.ts', to: 'src/exchanges/htx/expiry.ts' },
  },
  {
    name: 'core reaches no DOM-dependent or browser module, and no site module',
    from: under('src/core/'),
    forbidden: either(
      under('src/dom/', 'src/content/', 'src/popup/', 'src/picker/', 'src/offscreen/', 'src/background/', 'src/vault/', 'src/exchanges/', 'src/platforms/'),
      packages('preact', 'webextension-polyfill', 'idb'),
    ),
    example: { from: 'src/core/risk.ts', to: 'src/dom/elements.ts' },
  },
  {
    // The self-queries carry request signing and the exchanges' API hosts: content scripts must not grow by them.
    name: 'content scripts never reach the self-queries or request signing',
    from: under('src/content/'),
    forbidden: (module) =>
      module === 'src/exchanges/self-queries.ts' ||
      module === 'src/exchanges/self-query-kit.ts' ||
      module === 'src/core/signing.ts' ||
      /^src\/exchanges\/[^/]+\/(self-query|jwt)\.ts$/.test(module),
    example: { from: 'src/content/watcher.ts', to: 'src/exchanges/self-queries.ts' },
  },
  {
    name: 'the popup and the picker never reach the vault',
    from: under('src/popup/', 'src/picker/'),
    forbidden: under('src/vault/'),
    example: { from: 'src/picker/Picker.tsx', to: 'src/vault/store.ts' },
  },
  {
    name: 'shipped code and the build never import tests',
    from: (file) => file.startsWith('src/') || file === 'vite.config.ts',
    forbidden: under('tests/'),
    example: { from: 'src/background/index.ts', to: 'tests/unit/background/memory-area.ts' },
  },
];

/**
 * Imports that break a rule today and are being removed (core's imports of exchanges/types, issue
 * 10 item 2). Printed on every run; a listed import that no longer exists fails, so the list only
 * shrinks. Empty it, do not add to it.
 */
const KNOWN_EXCEPTIONS: readonly string[] = [];

function violations(graph: ImportGraph, rules: readonly Rule[], exceptions: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    for (const file of graph.keys()) {
      if (!rule.from(file) || isTestCode(file)) continue;
      const chain = forbiddenChain(graph, file, rule.forbidden, exceptions);
      if (chain) found.push(`${rule.name}: ${chain.join(' -> ')}`);
    }
  }
  return found;
}

describe('import boundaries', () => {
  let graph: ImportGraph;
  beforeAll(() => {
    graph = readImportGraph(root, ['src', 'scripts', 'vite.config.ts']);
    if (KNOWN_EXCEPTIONS.length > 0) console.info(`Known import-boundary exceptions, to be removed:\n  ${KNOWN_EXCEPTIONS.join('\n  ')}`);
  });

  it('hold in the sources', () => {
    expect(violations(graph, RULES, new Set(KNOWN_EXCEPTIONS))).toEqual([]);
  });

  it('list only exceptions that still exist', () => {
    const edges = new Set([...graph].flatMap(([from, imports]) => imports.map((to) => edgeName({ from, to }))));
    expect(KNOWN_EXCEPTIONS.filter((exception) => !edges.has(exception))).toEqual([]);
  });

  it('read every relative import to a file', () => {
    const unresolved = [...graph].flatMap(([from, imports]) => imports.filter((to) => to.startsWith('unresolved:')).map((to) => `${from}: ${to}`));
    expect(unresolved).toEqual([]);
  });

  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s: a violation fails, directly or through another module', (_name, rule) => {
    const { from, to } = rule.example;
    const direct: ImportGraph = new Map([[from, [to]]]);
    expect(violations(direct, [rule], new Set())).toEqual([`${rule.name}: ${from} -> ${to}`]);
    const throughAnother: ImportGraph = new Map([
      [from, ['lib/between.ts']],
      ['lib/between.ts', [to]],
    ]);
    expect(violations(throughAnother, [rule], new Set())).toEqual([`${rule.name}: ${from} -> lib/between.ts -> ${to}`]);
    expect(violations(direct, [rule], new Set([`${from} -> ${to}`]))).toEqual([]);
  });
});
