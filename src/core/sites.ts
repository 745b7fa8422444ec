/**
 * Sites the user adds in the popup so that Keyward fills there: a self-hosted platform (OctoBot,
 * Hummingbot on the user's own machine or server) or another site with a bind form. A site is an
 * origin: https, a host, and a port when it is not 443. Pure: used by the popup to check what
 * the user typed and by the background, which decides. Refusals are Words, which each says in
 * its user's language.
 */
import { type Infer, number, object, string } from './schema';
import { type Words, words } from '../i18n/keys';

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

export type SiteAddress = { ok: true; origin: string; host: string } | { ok: false; error: Words };

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
  if (!typed) return { ok: false, error: words('siteEmpty') };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: words('siteNotAddress') };
  }
  if (url.protocol === 'http:') {
    return { ok: false, error: words('siteHttp') };
  }
  if (url.protocol !== 'https:') return { ok: false, error: words('siteNotHttps') };
  if (url.username || url.password) return { ok: false, error: words('siteCredentials') };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || (!host.includes('.') && host !== 'localhost' && !host.startsWith('['))) {
    return { ok: false, error: words('siteFullHost') };
  }
  if (/[*]/.test(host)) return { ok: false, error: words('siteWildcard') };
  if (reserved?.exchangeHosts.has(host)) return { ok: false, error: words('siteExchange') };
  if (reserved?.platformHosts.has(host)) return { ok: false, error: words('siteKnownPlatform') };
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
