// The build's language target, read from the manifest's minimum browser versions, so the bundles
// use exactly the syntax every browser the manifest admits can run, and raising a minimum in
// manifest.json is the only edit needed. Tested in tests/unit/build/targets.test.ts.
import type { TargetBrowser } from './manifest';

/** The lowest major version the manifest template admits for this browser. */
export function minimumVersion(template: Record<string, unknown>, browser: TargetBrowser): number {
  const declared =
    browser === 'firefox'
      ? (template['{{firefox}}.browser_specific_settings'] as { gecko?: { strict_min_version?: unknown } } | undefined)?.gecko?.strict_min_version
      : template['{{chrome}}.minimum_chrome_version'];
  const major = typeof declared === 'string' ? Number.parseInt(declared, 10) : Number.NaN;
  if (!Number.isInteger(major) || major <= 0) {
    throw new Error(`manifest.json declares no minimum ${browser} version; the build target is taken from it`);
  }
  return major;
}

/** vite's build.target for this browser, e.g. "firefox142". */
export function buildTarget(template: Record<string, unknown>, browser: TargetBrowser): string {
  return `${browser}${minimumVersion(template, browser)}`;
}
