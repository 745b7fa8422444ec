/**
 * Sites the user adds in the popup so that Keyward fills there: a self-hosted platform (OctoBot,
 * Hummingbot on the user's own machine or server) or another site with a bind form. A site is an
 * origin: https, a host, and a port when it is not 443. Pure: used by the popup to check what
 * the user typed and by the background, which decides.
 */
import { type Infer, number, object, string } from './schema';

export const USER_SITE = object(
  {
    /** e.g. https://octobot.example.net:5001 (no path, no trailing slash). */
    origin: string(),
    /** A self-hosted platform's id, or "generic". */
    platform: string(),
    addedAt: number(),
  },
  { unknownKeys: 'ignore' },
);

export type UserSite = Infer<typeof USER_SITE>;

export type SiteAddress = { ok: true; origin: string; host: string } | { ok: false; error: string };

/** Hosts that can never be a user site: exchanges and hosted platforms have their own rules. */
export interface ReservedHosts {
  exchangeHosts: ReadonlySet<string>;
  platformHosts: ReadonlySet<string>;
}

/**
 * What the user typed ("octobot.lan:5001", "https://10.0.0.5:8501/credentials") as an origin.
 * Only https: a key sent over plain http can be read by anyone on the path, and Keyward never
 * fills over http (put the bot behind a TLS reverse proxy; README says how).
 */
export function parseSiteAddress(text: string, reserved?: ReservedHosts): SiteAddress {
  const typed = text.trim();
  if (!typed) return { ok: false, error: 'Enter the address of the site, for example https://octobot.example.net:5001.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'That is not a web address.' };
  }
  if (url.protocol === 'http:') {
    return { ok: false, error: 'Keyward fills only over https. Serve the site over https (a TLS reverse proxy will do), then add the https address.' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: 'Only https addresses can be added.' };
  if (url.username || url.password) return { ok: false, error: 'Leave the user name and password out of the address.' };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || (!host.includes('.') && host !== 'localhost' && !host.startsWith('['))) {
    return { ok: false, error: 'Enter a full host name, for example octobot.example.net.' };
  }
  if (/[*]/.test(host)) return { ok: false, error: 'Enter one site, without wildcards.' };
  if (reserved?.exchangeHosts.has(host)) return { ok: false, error: 'That is an exchange’s address: Keyward never fills keys into an exchange.' };
  if (reserved?.platformHosts.has(host)) return { ok: false, error: 'Keyward already knows that platform and fills there without being added.' };
  return { ok: true, origin: url.origin, host: url.host };
}

/** The match pattern for a site's pages (permissions and registered content scripts). */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** The URL's origin when it is an https page, else null. */
export function httpsOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
