// The import graph of the sources, read the way the bundler resolves it: relative imports to
// files (`x.ts`, `x.tsx`, `x/index.ts`), everything else a package. Type-only imports count: a
// boundary is about what a module may know of, not only about what ends up in a bundle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Repository-relative file (`src/core/ip.ts`) or `package:<name>` -> what it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const SOURCE = /\.tsx?$/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(root: string, from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return `package:${specifier}`;
  // Vite's query suffixes (`messages.json?raw`) name the same file, read another way.
  const base = resolve(dirname(join(root, from)), specifier.replace(/\?[a-z]+$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return `unresolved:${specifier}`;
}

/** Every source file in `paths` (repository-relative folders or files) with its resolved imports. */
export function readImportGraph(root: string, paths: readonly string[]): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const path of paths) {
    const full = join(root, path);
    for (const file of statSync(full).isDirectory() ? sourceFiles(full) : [full]) {
      const from = relative(root, file);
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      graph.set(
        from,
        importedFiles.map((imported) => resolveImport(root, from, imported.fileName)),
      );
    }
  }
  return graph;
}

export interface Edge {
  from: string;
  to: string;
}

export const edgeName = (edge: Edge) => `${edge.from} -> ${edge.to}`;

/**
 * The first import chain from `start` to a module `forbidden` matches, skipping the edges in
 * `allowed` (the known exceptions), or null. A chain, so a failure says how the module got there.
 */
export function forbiddenChain(
  graph: ImportGraph,
  start: string,
  forbidden: (module: string) => boolean,
  allowed: ReadonlySet<string> = new Set(),
): string[] | null {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let module = queue.shift(); module !== undefined; module = queue.shift()) {
    for (const next of graph.get(module) ?? []) {
      if (cameFrom.has(next) || allowed.has(edgeName({ from: module, to: next }))) continue;
      cameFrom.set(next, module);
      if (forbidden(next)) {
        const chain = [next];
        for (let at = cameFrom.get(next); at != null; at = cameFrom.get(at)) chain.unshift(at);
        return chain;
      }
      queue.push(next);
    }
  }
  return null;
}
