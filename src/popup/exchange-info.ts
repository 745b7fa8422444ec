import { isExchangeId } from '../core/records';
import { exchangeById } from '../exchanges/registry';
import type { ExchangeDefinition } from '../exchanges/types';

/** The exchange's definition, or undefined for an id the registry does not know. */
export function exchangeDefinition(id: string): ExchangeDefinition | undefined {
  return isExchangeId(id) ? exchangeById(id) : undefined;
}

/** The exchange's display name; the id in capitals if the registry does not know it. */
export function exchangeName(id: string): string {
  return exchangeDefinition(id)?.name ?? id.toUpperCase();
}
