import type { KeyPermissions } from '../../../src/core/records';
import type { DeadlineFacts } from '../../../src/exchanges/expiry-rules';
import { deadlinesOf } from '../../../src/exchanges/expiry-rules';
import type { ExchangeId } from '../../../src/core/records';

export const DAY = 86_400_000;
export const CREATED = Date.UTC(2026, 0, 1);

/** Permissions with only the named ones on (read is always on). */
export function perms(...on: ('trade' | 'withdraw' | 'futures' | 'transfer')[]): KeyPermissions {
  return {
    read: true,
    trade: on.includes('trade'),
    withdraw: on.includes('withdraw'),
    transfer: on.includes('transfer'),
    ...(on.includes('futures') ? { futures: true } : {}),
    labels: [],
  };
}

/** A sample key of `exchange` created at CREATED: no IP whitelist unless `ips` says otherwise. */
export function sampleKey(exchange: ExchangeId, permissions: KeyPermissions | null, ips: string[] | null = []): DeadlineFacts {
  return { exchange, createdAt: CREATED, permissions, ipWhitelist: ips };
}

/** What a rule set says of a key, `days` after its creation: [effect, days left, certain]. */
export function deadlinesAfter(key: DeadlineFacts, days: number): [string, number, boolean][] {
  return deadlinesOf(key, CREATED + days * DAY).map((d) => [d.effect, d.daysLeft, d.certain]);
}
