// @vitest-environment happy-dom
/**
 * The capture matrix on the Chinese and Russian pages (HTX, XT, KuCoin, OKX, Gate, MEXC; bitexbit,
 * Bybit); the English pages are in matrix.test.ts, a second file so the halves run in parallel.
 */
import { describe, expect, it } from 'vitest';
import { judge } from './judge';
import { allCases } from './matrix';
import { caseName, runCase } from './run-case';
import { useFakeClock } from './fake-clock';

useFakeClock();

describe('capture matrix: every exchange x shape, Chinese and Russian pages', () => {
  for (const spec of allCases().filter((s) => s.page.lang !== 'en')) {
    it(caseName(spec), async () => {
      const verdict = judge(await runCase(spec));
      // One list of every wrong fact reads better than the first failed expect.
      expect(verdict.problems).toEqual([]);
      expect(verdict.outcome).toBe('pass');
    });
  }
});
