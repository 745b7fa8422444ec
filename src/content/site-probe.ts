import { readBindForm, readEditableBindForms } from '../platforms/readers/bind-form';
import { USER_SITE_PLATFORMS } from '../platforms/registry';
import { SITE_PROBE_GLOBAL, type SiteProbeResult } from '../protocol/to-content';

/**
 * Run once in the active tab when the user opens the popup (activeTab): does this page show a bind
 * form Keyward could fill if the user added the site? Reads only; the answer (no field values,
 * only which reader matched) is left on the isolated world's global for the background to read.
 * Self-hosted platforms are tried before the generic reader, so an OctoBot page is offered as OctoBot.
 */
function probe(): string | null {
  for (const platform of USER_SITE_PLATFORMS) {
    if (readEditableBindForms(document, platform.vocabulary, platform).length > 0) return platform.id;
  }
  // OctoBot's words ("API Key", "API Secret") are everyone's: only its click-to-edit cards say OctoBot.
  for (const platform of USER_SITE_PLATFORMS.filter((p) => p.id !== 'octobot')) {
    if (readBindForm(document, platform.vocabulary, platform)) return platform.id;
  }
  return null;
}

const result: SiteProbeResult = { url: location.href, found: location.protocol === 'https:' && window.top === window ? probe() : null };
(globalThis as unknown as Record<string, unknown>)[SITE_PROBE_GLOBAL] = result;
