import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { noInnerHtml } from './scripts/vite-no-inner-html';

// One source, two builds: KEYWARD_BROWSER picks which browser's manifest keys survive
// ({{chrome}}. / {{firefox}}. prefixes in manifest.json) and where the build lands.
const browser = process.env.KEYWARD_BROWSER === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    minify: true,
    sourcemap: false,
  },
  plugins: [
    webExtension({
      browser,
      manifest: 'manifest.json',
      // The plugin otherwise downloads a JSON schema to validate against; CI has no network.
      skipManifestValidation: true,
      disableAutoLaunch: true,
      printSummary: false,
      // Chrome's service worker has no clipboard: its offscreen page does that work.
      htmlViteConfig: { plugins: [noInnerHtml()] },
      additionalInputs: browser === 'chrome' ? ['src/offscreen/offscreen.html'] : [],
    }),
  ],
});
