// What every mock exchange API shares: the scenarios, the request as the mock sees it, and the
// signing primitives recomputed with node:crypto, so that a mistake in src/core/signing.ts shows
// as a refusal here instead of being repeated by the mock.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * What a mock key does, chosen by its API key string (mockCredentials):
 * - full: read, trade (spot and derivatives) and transfer, no withdraw, no IP restriction;
 * - withdraw: the same with withdraw on, and an IP whitelist (exchanges require one for withdraw);
 * - ip: refused because this address is not whitelisted;
 * - invalid: refused as an unknown (deleted) key;
 * - passphrase: refused for a wrong passphrase (OKX, KuCoin, Bitget only);
 * - rate: HTTP 429 with Retry-After: 30;
 * - error: HTTP 503;
 * - slow: the full answer after 20 s, or nothing when the client goes away first.
 */
export const SCENARIOS = ['full', 'withdraw', 'ip', 'invalid', 'passphrase', 'rate', 'error', 'slow'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Seconds a rate-limited answer asks the client to wait. */
export const RETRY_AFTER_SECONDS = 30;
/** How long a slow answer takes. */
export const SLOW_MS = 20_000;

export interface MockRequest {
  method: string;
  /** Host name, lower case, without port. */
  host: string;
  path: string;
  /** The raw query string, without "?"; "" when there is none. */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The mock's clock, ms. */
  now: number;
}

export interface MockReply {
  status: number;
  headers?: Record<string, string>;
  /** JSON, or a string sent as plain text. */
  body: unknown;
}

/** The key a scenario stands for, as the mock has it registered. */
export interface MockAccount {
  scenario: Scenario;
  apiKey: string;
  secret: string;
  /** The passphrase the exchange holds; for 'passphrase', not the one handed out. */
  passphrase: string;
}

export type Refusal = 'invalid' | 'ip' | 'passphrase' | 'rate' | 'error';

/** One exchange's self-query endpoint, as its documentation describes it. */
export interface MockApi {
  host: string;
  method: 'GET' | 'POST';
  path: string;
  passphrase: boolean;
  /** The API key the request names, before anything is verified. */
  keyOf(request: MockRequest): string | undefined;
  /** The exchange's documented refusal of a malformed, stale or badly signed request; undefined when it verifies. */
  verify(request: MockRequest, account: MockAccount): MockReply | undefined;
  refuse(refusal: Refusal): MockReply;
  answer(scenario: 'full' | 'withdraw'): MockReply;
}

export function header(request: MockRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

export const hmacHex = (algorithm: 'sha256' | 'sha512', key: string | Buffer, text: string | Buffer) =>
  createHmac(algorithm, key).update(text).digest('hex');
export const hmacBase64 = (algorithm: 'sha256' | 'sha512', key: string | Buffer, text: string | Buffer) =>
  createHmac(algorithm, key).update(text).digest('base64');
export const sha = (algorithm: 'sha256' | 'sha512', text: string) => createHash(algorithm).update(text);

/** Within `windowMs` of the mock's clock, either way. */
export function fresh(at: number, now: number, windowMs: number): boolean {
  return Number.isFinite(at) && Math.abs(now - at) <= windowMs;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): MockReply => ({ status, body, headers });

export const rateLimited = (body: unknown): MockReply => json(429, body, { 'retry-after': String(RETRY_AFTER_SECONDS) });
