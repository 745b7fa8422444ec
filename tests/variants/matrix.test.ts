// @vitest-environment happy-dom
/**
 * Metamorphic capture tests (issue 8): one description of each exchange's API page, rendered in
 * many markup shapes; the real watcher must read every one the same way. English pages here, the
 * Chinese and Russian ones in matrix-localized.test.ts (two files so the two halves run in parallel).
 */
import { describe, expect, it } from 'vitest';
import { judge } from './judge';
import { allCases } from './matrix';
import { caseName, runCase } from './run-case';
import { useFakeClock } from './fake-clock';

useFakeClock();

describe('capture matrix: every exchange x shape, English pages', () => {
  for (const spec of allCases().filter((s) => s.page.lang === 'en')) {
    it(caseName(spec), async () => {
      const verdict = judge(await runCase(spec));
      // One list of every wrong fact reads better than the first failed expect.
      expect(verdict.problems).toEqual([]);
      expect(verdict.outcome).toBe('pass');
    });
  }
});
