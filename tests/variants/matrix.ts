/**
 * The capture matrix: every exchange x language x shape case run through the real watcher, folded
 * into exchange x shape cells (a cell is as good as its worst language or account variant).
 * `npm run bench` prints it (BENCH_ONLY=matrix); matrix.test.ts asserts each case.
 */
import type { ExchangeId } from '../../src/core/records';
import { judge } from './judge';
import { PAGES } from './pages';
import { type CaseSpec, type Outcome, caseName, runCase } from './run-case';
import { SHAPES } from './shapes';

/** Every case: each page description in each shape; odd shapes on the sub-account page where one exists. */
export function allCases(): CaseSpec[] {
  return PAGES.flatMap((page) => SHAPES.map((shape, i) => ({ page, shape, sub: page.subPath !== null && i % 2 === 1 })));
}

export interface MatrixCell {
  outcome: Outcome;
  reasons: string[];
}

export interface CaptureMatrix {
  /** exchange -> shape -> outcome: the matrix at a glance. */
  grid: Partial<Record<ExchangeId, Record<string, Outcome>>>;
  /** exchange -> shape -> cell, with every wrong fact of every variant behind it */
  cells: Partial<Record<ExchangeId, Record<string, MatrixCell>>>;
  totals: {
    cells: number;
    pass: number;
    offer: number;
    miss: number;
    captureOrOfferPct: number;
    automaticPct: number;
    /** Cells whose capture passed but where some other fact (permissions, IPs, warnings, list, edit) was wrong. */
    passWithWrongFacts: number;
    cases: number;
  };
}

const RANK: Record<Outcome, number> = { pass: 0, offer: 1, miss: 2 };
const pct = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : 0);

export async function runMatrix(filter: (spec: CaseSpec) => boolean = () => true): Promise<CaptureMatrix> {
  const cells: CaptureMatrix['cells'] = {};
  const cases = allCases().filter(filter);
  for (const spec of cases) {
    // A reader mid-rewrite may throw: that case is a miss with the error as its reason, not the end of the run.
    const verdict = await runCase(spec).then(judge, (error: unknown) => ({ outcome: 'miss' as const, problems: [`watcher threw: ${String(error)}`] }));
    const row = (cells[spec.page.exchange] ??= {});
    const cell = (row[spec.shape.id] ??= { outcome: 'pass', reasons: [] });
    if (RANK[verdict.outcome] > RANK[cell.outcome]) cell.outcome = verdict.outcome;
    const variant = caseName(spec).split('/').slice(1).join('/');
    cell.reasons.push(...verdict.problems.map((p) => `${variant}: ${p}`));
  }
  const all = Object.values(cells).flatMap((row) => Object.values(row ?? {}));
  const count = (o: Outcome) => all.filter((c) => c.outcome === o).length;
  const grid: CaptureMatrix['grid'] = {};
  for (const [exchange, row] of Object.entries(cells) as [ExchangeId, Record<string, MatrixCell>][]) {
    grid[exchange] = Object.fromEntries(Object.entries(row).map(([shape, cell]) => [shape, cell.outcome]));
  }
  return {
    grid,
    cells,
    totals: {
      cells: all.length,
      pass: count('pass'),
      offer: count('offer'),
      miss: count('miss'),
      captureOrOfferPct: pct(count('pass') + count('offer'), all.length),
      automaticPct: pct(count('pass'), all.length),
      passWithWrongFacts: all.filter((c) => c.outcome === 'pass' && c.reasons.length > 0).length,
      cases: cases.length,
    },
  };
}
