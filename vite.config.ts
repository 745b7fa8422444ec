import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { noInnerHtml } from './scripts/vite-no-inner-html';
import { leanCatalogues } from './scripts/vite-lean-catalogues';
import { withSecurityKeys } from './scripts/manifest';
import { generatedEntries, inlinedPlatformNames, planEntries, withContentScripts, writeEntries } from './scripts/entries';
import { buildTarget } from './scripts/targets';
import { EXCHANGES } from './src/exchanges/registry';
import { PLATFORMS, USER_SITE_PLATFORMS } from './src/platforms/registry';

// One source, two builds: KEYWARD_BROWSER picks which browser's manifest keys survive
// ({{chrome}}. / {{firefox}}. prefixes in manifest.json) and where the build lands.
const browser = process.env.KEYWARD_BROWSER === 'firefox' ? 'firefox' : 'chrome';
const root = import.meta.dirname;
const template = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;

// What runs where (scripts/entries.ts): one script per exchange and platform, the lookalike guard.
const entries = planEntries(EXCHANGES, PLATFORMS, USER_SITE_PLATFORMS);
writeEntries(entries, root);

export default defineConfig({
  // Set here, not left to tsconfig discovery: each execution context has its own tsconfig.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: buildTarget(template, browser),
    minify: true,
    sourcemap: false,
    // Vite's modulepreload polyfill is the only fetch() in the pages; both target browsers preload
    // modules natively, and without it the pages' CSP can refuse every connection.
    modulePreload: { polyfill: false },
  },
  plugins: [
    leanCatalogues(),
    webExtension({
      browser,
      manifest: () => withSecurityKeys(withContentScripts(template, entries), browser),
      // The plugin otherwise downloads a JSON schema to validate against; CI has no network.
      skipManifestValidation: true,
      disableAutoLaunch: true,
      printSummary: false,
      // Chrome's service worker has no clipboard: its offscreen page does that work.
      // The plugin builds each entry on its own: those builds speak only when something is wrong too.
      htmlViteConfig: { plugins: [noInnerHtml(), inlinedPlatformNames(EXCHANGES, root)], logLevel: 'warn' },
      scriptViteConfig: { plugins: [generatedEntries(entries, root), inlinedPlatformNames(EXCHANGES, root)], logLevel: 'warn' },
      additionalInputs: [
        ...(browser === 'chrome' ? ['src/offscreen/offscreen.html'] : []),
        'src/picker/picker.html',
        // The same picker in Keyward's own window: not web-accessible, so no page can frame it.
        'src/picker/window.html',
        'src/content/site-probe.ts',
        ...entries.injectedEntries,
      ],
    }),
  ],
});
