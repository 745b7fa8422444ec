import type { Credentials, KeyPermissions } from './records';

/**
 * Key health (issue 11): asking an exchange what a stored key can really do. Each exchange that
 * documents a read-only "this key's own view of itself" endpoint (../shared/exchanges.md, "A key's
 * view of itself") describes it with a SelfQuery in its folder (src/exchanges/<id>/self-query.ts);
 * the background signs, sends and times it. Nothing here trades or moves funds, and nothing here
 * sends anything: these are pure functions of the credentials, the clock and the answer.
 */

/** One HTTPS request, fully formed: the background sends exactly this, with no cookies. */
export interface SignedRequest {
  method: 'GET' | 'POST';
  /** Absolute https URL on one of the query's `origins`. */
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
}

/** What the exchange said about the key. A field left out: this endpoint does not say. */
export interface KeyReport {
  permissions?: KeyPermissions;
  /** [] means the key has no IP restriction. */
  ipWhitelist?: string[];
  /** When the exchange itself says the key (or its trading right) ends, ms since the epoch. */
  validUntil?: number;
  /** The exchange's own word for the key's state, when it gives one ("normal", "frozen"). */
  status?: string;
  /** The key's name on the exchange, when it gives one. */
  label?: string;
}

/**
 * How a check ended. Each is worded differently to the user; none carries text from the exchange
 * that could hold a secret (an exchange may echo the request), only our own words and numbers.
 */
export type CheckOutcome =
  | { kind: 'ok'; report: KeyReport }
  /** The exchange refused this browser's address: the key's IP whitelist is in force (good news). */
  | { kind: 'ip-refused' }
  /** The exchange does not know this key (deleted, mistyped) or refuses it as invalid. */
  | { kind: 'invalid-key' }
  /** The exchange cannot tell a deleted key from a refused address (Binance's -2015). */
  | { kind: 'invalid-key-or-ip' }
  | { kind: 'wrong-passphrase' }
  /** The request's timestamp fell outside the exchange's window: this computer's clock is off. */
  | { kind: 'clock-skew' }
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  /** The key lacks the read permission this endpoint needs (the key works, but cannot say more). */
  | { kind: 'no-permission' }
  /** The exchange failed (5xx) or answered something this module cannot read. */
  | { kind: 'exchange-error'; status: number }
  | { kind: 'unreadable-answer' };

/** The answer as the background hands it to `read`: status, headers (lower-case names), JSON body or null. */
export interface QueryAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: unknown;
}

export interface SelfQuery {
  /** The documented endpoint, for the UI and notes (e.g. "GET /v2/user/api-key"). */
  endpoint: string;
  /** Match patterns of the API hosts: asked for as optional host permissions at the first check. */
  origins: readonly string[];
  /**
   * Builds the one signed request for this key; `now` is the clock in ms since the epoch.
   * Asynchronous only where WebCrypto signs (Coinbase's JWT); may throw on a secret it cannot use.
   */
  build(credentials: Credentials, now: number): SignedRequest | Promise<SignedRequest>;
  /** Reads the answer; never throws: an answer it cannot read is `unreadable-answer`. */
  read(answer: QueryAnswer): CheckOutcome;
}

/**
 * For an exchange without a documented self-query. Only the fact: the popup says it in the
 * user's language (checkTextUnsupported), and why each exchange has none is in its NOTES.md.
 */
export interface NoSelfQuery {
  unavailable: true;
}

export function isSelfQuery(query: SelfQuery | NoSelfQuery): query is SelfQuery {
  return 'build' in query;
}
