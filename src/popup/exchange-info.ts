import { exchangeById, isExchangeId } from '../exchanges/registry';
import type { ExchangeDefinition } from '../exchanges/types';

/** The exchange's definition, or undefined for an id the registry does not know. */
export function exchangeDefinition(id: string): ExchangeDefinition | undefined {
  return isExchangeId(id) ? exchangeById(id) : undefined;
}

/** The exchange's display name; the id in capitals if the registry does not know it. */
export function exchangeName(id: string): string {
  return exchangeDefinition(id)?.name ?? id.toUpperCase();
}

/**
 * Whether the exchange grants futures / derivatives trading as a permission of its own (HTX's
 * "Futures / Swap Trade"), apart from Trade. Only there does a manual add ask about it: elsewhere
 * Trade covers futures, or the exchange has none, and the answer stays unknown.
 */
export function hasFuturesPermission(definition: ExchangeDefinition | undefined): boolean {
  return definition?.page?.vocabulary.permissions.some((word) => word.flag === 'futures') ?? false;
}
