import type { ExchangeId } from '../core/records';
import { EXCHANGES } from './registry';
import type { ExchangeDefinition } from './types';

/** Each exchange folder's `platformNames`, as one table from a platform's spelling to the exchange's id. */
export function platformNamesOf(exchanges: readonly Pick<ExchangeDefinition, 'id' | 'platformNames'>[]): Record<string, ExchangeId> {
  return Object.fromEntries(exchanges.flatMap((exchange) => exchange.platformNames.map((name) => [name, exchange.id] as const)));
}

/**
 * Exchange names as trading platforms write them. Derived from the registry here; in the built
 * extension this module is replaced by the same table as data (scripts/entries.ts,
 * inlinedPlatformNames), so a platform page's script carries a few hundred bytes of names, not
 * every exchange's page words.
 */
export const PLATFORM_NAMES: Readonly<Record<string, ExchangeId>> = Object.freeze(platformNamesOf(EXCHANGES));
