/**
 * `npm run package` (after `npm run build`): the two store packages, artifacts/keyward-chrome-<v>.zip
 * and artifacts/keyward-firefox-<v>.zip, written by web-ext build from dist/<browser>, <v> being
 * package.json's version. Then each is checked, and both are deleted again if one fails:
 *
 * - it holds exactly the files of its build, byte for byte: nothing left out, nothing added (no
 *   source, no source map, no test fixture, no notes);
 * - no file is, or points at, a source map;
 * - its manifest's version is package.json's (manifest.json carries its own copy);
 * - the Firefox zip passes web-ext lint (the checks addons.mozilla.org runs) with no error and no
 *   warning.
 *
 * tests/e2e/package.test.ts runs the same steps into a temporary folder and loads the unpacked
 * Chrome zip in Chromium.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { TargetBrowser } from './manifest';
import { readZip } from './zip';

const run = promisify(execFile);

export const PACKAGED_BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

/** The repository this script belongs to, wherever it is run from. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function zipFileName(browser: TargetBrowser, version: string): string {
  return `keyward-${browser}-${version}.zip`;
}

export async function packageVersion(root: string): Promise<string> {
  const version: unknown = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || version === '') throw new Error('package.json has no version');
  return version;
}

function webExtBin(root: string): string {
  return join(root, 'node_modules', '.bin', 'web-ext');
}

/**
 * Writes both zips with web-ext build; returns their paths. The file name is given whole (not
 * web-ext's {version}, which is the manifest's) so that a manifest out of step with package.json
 * is caught by the check rather than hidden in the name.
 */
export async function buildPackages(root: string, artifactsDir: string): Promise<Record<TargetBrowser, string>> {
  const version = await packageVersion(root);
  const zips: Partial<Record<TargetBrowser, string>> = {};
  for (const browser of PACKAGED_BROWSERS) {
    const name = zipFileName(browser, version);
    const source = join(root, 'dist', browser);
    await run(webExtBin(root), ['build', '--source-dir', source, '--artifacts-dir', artifactsDir, '--filename', name, '--overwrite-dest'], {
      cwd: root,
    });
    zips[browser] = join(artifactsDir, name);
  }
  const { chrome, firefox } = zips;
  if (chrome === undefined || firefox === undefined) throw new Error('a package was not written');
  return { chrome, firefox };
}

/** Every file under a folder, by its path relative to it with forward slashes, as in a zip. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), await readFile(path));
  }
  return files;
}

/** Paths that have no business in a store package, whatever the build put in dist/. */
const NOT_SHIPPED: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\.map$/, what: 'a source map' },
  { pattern: /\.(?:ts|tsx|mts|cts)$/, what: 'TypeScript source' },
  { pattern: /(?:^|\/)fixtures\//, what: 'a test fixture' },
  { pattern: /(?:^|\/)(?:tests?|__tests__)\//, what: 'a test' },
  { pattern: /\.test\.[a-z]+$/, what: 'a test' },
  { pattern: /\.md$/, what: 'notes' },
  { pattern: /(?:^|\/)node_modules\//, what: 'node_modules' },
  { pattern: /(?:^|\/)\./, what: 'a hidden file' },
];

const SOURCE_MAP_COMMENT = /[#@]\s*sourceMappingURL=/;

/**
 * What is wrong with one package, as sentences; none for a good one. `zip` is the package's
 * entries, `dist` the build it was made from, `version` package.json's.
 */
export function packageProblems(zip: ReadonlyMap<string, Buffer>, dist: ReadonlyMap<string, Buffer>, version: string): string[] {
  const problems: string[] = [];
  for (const [path, bytes] of zip) {
    const built = dist.get(path);
    if (built === undefined) problems.push(`${path} is not in the build`);
    else if (!built.equals(bytes)) problems.push(`${path} differs from the build's`);
    for (const { pattern, what } of NOT_SHIPPED) if (pattern.test(path)) problems.push(`${path} is ${what}`);
    if (/\.(?:js|mjs|css)$/.test(path) && SOURCE_MAP_COMMENT.test(bytes.toString('utf8'))) problems.push(`${path} points at a source map`);
  }
  for (const path of dist.keys()) if (!zip.has(path)) problems.push(`${path} is in the build but not in the package`);
  const manifest = zip.get('manifest.json');
  if (manifest === undefined) {
    problems.push('no manifest.json');
  } else {
    let declared: unknown;
    try {
      declared = (JSON.parse(manifest.toString('utf8')) as { version?: unknown }).version;
    } catch {
      declared = undefined;
    }
    if (declared !== version) problems.push(`manifest.json says version ${String(declared)}, package.json ${version}`);
  }
  return problems;
}

export interface LintResult {
  errors: number;
  warnings: number;
  notices: number;
  /** "CODE: message (file)" of each error, warning and notice. */
  messages: string[];
  /** The add-on id and version the linter read: proof it read this package. */
  id: string | undefined;
  version: string | undefined;
}

interface LinterMessage {
  code?: string;
  message?: string;
  file?: string;
}

interface LinterReport {
  summary?: { errors?: number; warnings?: number; notices?: number };
  errors?: LinterMessage[];
  warnings?: LinterMessage[];
  notices?: LinterMessage[];
  metadata?: { id?: string; version?: string };
}

/**
 * web-ext lint on the zip itself: web-ext hands the path to addons-linter, which opens a zip or
 * xpi as readily as a folder, so what is linted is the very file a store receives. The linter
 * exits non-zero when it finds an error; its JSON report is read either way.
 */
export async function lintPackage(root: string, zipPath: string): Promise<LintResult> {
  let stdout: string;
  try {
    ({ stdout } = await run(webExtBin(root), ['lint', '--source-dir', zipPath, '--output', 'json'], { cwd: root, maxBuffer: 64 << 20 }));
  } catch (error) {
    const out = (error as { stdout?: unknown }).stdout;
    if (typeof out !== 'string' || out.trim() === '') throw error;
    stdout = out;
  }
  const report = JSON.parse(stdout) as LinterReport;
  const all = [...(report.errors ?? []), ...(report.warnings ?? []), ...(report.notices ?? [])];
  return {
    errors: report.summary?.errors ?? Number.NaN,
    warnings: report.summary?.warnings ?? Number.NaN,
    notices: report.summary?.notices ?? Number.NaN,
    messages: all.map((m) => `${m.code ?? '?'}: ${m.message ?? ''}${m.file ? ` (${m.file})` : ''}`),
    id: report.metadata?.id,
    version: report.metadata?.version,
  };
}

/** Every check above on both packages; what is wrong, as sentences. */
export async function checkPackages(root: string, zips: Record<TargetBrowser, string>): Promise<string[]> {
  const version = await packageVersion(root);
  const problems: string[] = [];
  for (const browser of PACKAGED_BROWSERS) {
    const found = packageProblems(await readZip(zips[browser]), await readTree(join(root, 'dist', browser)), version);
    problems.push(...found.map((problem) => `${browser}: ${problem}`));
  }
  const lint = await lintPackage(root, zips.firefox);
  if (lint.errors !== 0 || lint.warnings !== 0) {
    problems.push(`firefox: web-ext lint found ${lint.errors} errors and ${lint.warnings} warnings`, ...lint.messages.map((m) => `firefox: ${m}`));
  }
  return problems;
}

async function main(): Promise<void> {
  const zips = await buildPackages(REPO_ROOT, join(REPO_ROOT, 'artifacts'));
  const problems = await checkPackages(REPO_ROOT, zips);
  if (problems.length > 0) {
    // A package that failed its checks must not be mistaken for a releasable one.
    await Promise.all(Object.values(zips).map((zip) => rm(zip, { force: true })));
    process.stderr.write(`Packages refused and deleted:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  for (const zip of Object.values(zips)) process.stdout.write(`${relative(REPO_ROOT, zip)}\n`);
  process.stdout.write('Both packages hold exactly the build, carry package.json\'s version; the Firefox one passes web-ext lint.\n');
}

// Run as `tsx scripts/package.ts`; imported by the test, it only exports.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
