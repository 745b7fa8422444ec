import type { ExchangeId } from '../core/records';
import { altrady } from './altrady';
import { bitsgap } from './bitsgap';
import { coinrule } from './coinrule';
import { cryptohopper } from './cryptohopper';
import { hummingbot } from './hummingbot';
import { octobot } from './octobot';
import { threecommas } from './threecommas';
import type { PlatformDefinition } from './types';
import { wundertrading } from './wundertrading';

export { mapExchangeName } from './names';
export { isDocumentationAddress } from './words';

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

function hostKey(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

export function platformById(id: string): PlatformDefinition | null {
  return PLATFORMS.find((p) => p.id === id) ?? null;
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

/** Is `pathAndHash` (location.pathname + location.hash) one of the platform's bind routes? */
export function isBindPage(platform: PlatformDefinition, pathAndHash: string): boolean {
  return platform.bindPages.length === 0 || platform.bindPages.some((route) => route.test(pathAndHash));
}

/** The addresses the platform asks users to whitelist for this exchange, or null if it publishes none. */
export function publishedIpsFor(platform: PlatformDefinition, exchange: ExchangeId): string[] | null {
  const ips = platform.publishedIps;
  if (!ips) return null;
  const list = [...(ips.all ?? []), ...(ips.byExchange?.[exchange] ?? [])];
  return list.length > 0 ? Array.from(new Set(list)) : null;
}
