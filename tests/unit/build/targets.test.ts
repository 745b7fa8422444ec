import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTarget, minimumVersion } from '../../../scripts/targets';

const template = JSON.parse(readFileSync(fileURLToPath(new URL('../../../manifest.json', import.meta.url)), 'utf8')) as Record<string, unknown>;

describe('the build target', () => {
  it('is the manifest’s minimum browser for each build', () => {
    expect(buildTarget(template, 'firefox')).toBe('firefox142');
    expect(buildTarget(template, 'chrome')).toBe('chrome120');
  });

  it('follows the manifest when a minimum rises', () => {
    const raised = { ...template, '{{firefox}}.browser_specific_settings': { gecko: { strict_min_version: '150.0' } }, '{{chrome}}.minimum_chrome_version': '130' };
    expect(buildTarget(raised, 'firefox')).toBe('firefox150');
    expect(buildTarget(raised, 'chrome')).toBe('chrome130');
  });

  it('refuses a manifest without a minimum, rather than guessing a target', () => {
    expect(() => minimumVersion({}, 'firefox')).toThrow(/no minimum firefox version/);
    expect(() => minimumVersion({ '{{chrome}}.minimum_chrome_version': 'latest' }, 'chrome')).toThrow(/no minimum chrome version/);
  });
});
