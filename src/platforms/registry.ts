import type { ExchangeId } from '../core/records';
import { altrady } from './altrady';
import { bitsgap } from './bitsgap';
import { coinrule } from './coinrule';
import { cryptohopper } from './cryptohopper';
import { generic } from './generic';
import { hummingbot } from './hummingbot';
import { octobot } from './octobot';
import { threecommas } from './threecommas';
import type { PlatformDefinition } from './types';
import { wundertrading } from './wundertrading';

export { mapExchangeName } from './names';
export { isBindPage } from './routes';
export { isDocumentationAddress } from './words';
import { isDocumentationAddress } from './words';

/** Every supported trading platform, in the order the popup lists them. */
export const PLATFORMS: readonly PlatformDefinition[] = Object.freeze([
  threecommas,
  bitsgap,
  cryptohopper,
  wundertrading,
  coinrule,
  altrady,
  octobot,
  hummingbot,
]);

/**
 * What a site the user adds in the popup can be: a self-hosted platform, or any other site with a
 * bind form (the generic detector's vocabulary).
 */
export const USER_SITE_PLATFORMS: readonly PlatformDefinition[] = Object.freeze([
  ...PLATFORMS.filter((p) => p.selfHosted),
  generic,
]);

function hostKey(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

export function platformById(id: string): PlatformDefinition | null {
  return PLATFORMS.find((p) => p.id === id) ?? (id === generic.id ? generic : null);
}

/**
 * The platform whose module lists exactly this host (pass `location.hostname`: no port, no
 * scheme). Subdomains and lookalikes do not match. Self-hosted platforms have no hosts of their
 * own: `userHosts` maps the hosts the user added in the popup to a self-hosted platform's id; it
 * never lets a user host claim a hosted platform.
 */
export function platformByHost(host: string, userHosts: Readonly<Record<string, string>> = {}): PlatformDefinition | null {
  const key = hostKey(host);
  if (!key) return null;
  const listed = PLATFORMS.find((p) => p.hosts.includes(key));
  if (listed) return listed;
  for (const [userHost, id] of Object.entries(userHosts)) {
    if (hostKey(userHost) !== key) continue;
    const platform = platformById(id);
    if (platform?.selfHosted) return platform;
  }
  return null;
}


/**
 * The addresses the platform asks users to whitelist for this exchange, or null if it publishes
 * none. Placeholders (documentation ranges, where a module's real list is not verified) are
 * never presented as the platform's addresses: the picker uses what the bind form itself shows.
 */
export function publishedIpsFor(platform: PlatformDefinition, exchange: ExchangeId): string[] | null {
  const ips = platform.publishedIps;
  if (!ips) return null;
  const list = [...(ips.all ?? []), ...(ips.byExchange?.[exchange] ?? [])].filter((ip) => !isDocumentationAddress(ip));
  return list.length > 0 ? Array.from(new Set(list)) : null;
}
