/**
 * From the background into a page's content script: fill values by tabs.sendMessage, and what the
 * site probe leaves for the background to read through scripting.executeScript. The content script
 * checks who sent a message and its shape before acting on it, as the background does.
 */
import { credentialsSchema } from '../core/records';
import { type Infer, literal, nullable, object, oneOf, string } from '../core/schema';
import { PICKER_SURFACES } from './views';

/** Background -> the content script of the frame that opened the picker, after the user chose. */
export const FILL_VALUES = object({
  keyward: literal(1),
  type: literal('fill.values'),
  token: string({ max: 64 }),
  /** Where the user chose: a framed picker must still be seen whole; a window needs no such check. */
  surface: oneOf(PICKER_SURFACES),
  values: credentialsSchema(),
});

export type FillValuesMessage = Infer<typeof FILL_VALUES>;

export type FillValuesReply = { ok: true } | { ok: false; reason: string };

/** What a content script knows of a runtime message's sender. */
export interface ContentSender {
  id?: string;
  tab?: unknown;
}

/**
 * Only the background sends to content scripts: our own extension id, and no tab (a message
 * from another content script, or from an extension page in a tab, would carry one).
 */
export function fromBackground(sender: ContentSender, extensionId: string): boolean {
  return sender.id === extensionId && !sender.tab;
}

/** The isolated-world global where the site probe leaves its answer (pages cannot see it). */
export const SITE_PROBE_GLOBAL = '__keywardSiteProbe';

/** The site probe's answer: the page it ran on, and which user-site reader found a bind form. */
export const SITE_PROBE_RESULT = object({ url: string(), found: nullable(string({ max: 64 })) }, { unknownKeys: 'ignore' });

export type SiteProbeResult = Infer<typeof SITE_PROBE_RESULT>;
