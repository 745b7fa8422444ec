import type { CheckOutcome, QueryAnswer } from '../core/self-query';

/**
 * What every exchange's self-query reader shares: picking fields out of an answer that may be
 * anything (it comes from the network), and the refusals that HTTP itself names. Each exchange's
 * own codes are read in its folder (src/exchanges/<id>/self-query.ts).
 */

export type Json = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(record: Json, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
}

/** A code an exchange sends as a number or as a string of digits ("50110", -2015, 10003). */
export function code(record: Json, name: string): string | undefined {
  const value = record[name];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value : undefined;
}

export function flag(record: Json, name: string): boolean | undefined {
  const value = record[name];
  return typeof value === 'boolean' ? value : undefined;
}

export function texts(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.every((item): item is string => typeof item === 'string') ? value : undefined;
}

/** "1.2.3.4, 5.6.7.8" or "" as a list; the exchanges that send one string separate by commas. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Seconds from a Retry-After header; its date form is not worth a clock comparison here. */
export function retryAfter(answer: QueryAnswer): CheckOutcome {
  const header = answer.headers['retry-after'];
  const seconds = header !== undefined && /^\d{1,6}$/.test(header.trim()) ? Number(header.trim()) : undefined;
  return seconds === undefined ? { kind: 'rate-limited' } : { kind: 'rate-limited', retryAfterSeconds: seconds };
}

/**
 * The refusals HTTP names whatever the exchange: too many requests, and the exchange's own
 * failure. Read first, since an exchange's body on a 5xx is often not its usual envelope.
 */
export function httpRefusal(answer: QueryAnswer): CheckOutcome | undefined {
  if (answer.status === 429) return retryAfter(answer);
  if (answer.status >= 500) return { kind: 'exchange-error', status: answer.status };
  return undefined;
}

/** ms since the epoch from an ISO date, or undefined for anything else. */
export function isoTime(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : undefined;
}

/** An exchange's documented refusal codes and what each means to the user; any other is unreadable. */
export type Refusals = Readonly<Record<string, CheckOutcome>>;

export function refusalOf(refusals: Refusals, errorCode: string | undefined): CheckOutcome {
  const known = errorCode !== undefined && Object.hasOwn(refusals, errorCode) ? refusals[errorCode] : undefined;
  return known ?? { kind: 'unreadable-answer' };
}

/**
 * The usual envelope: {<codeField>: code, <dataField>: …}, success being HTTP 200 with one
 * code, every refusal another code (OKX, KuCoin, Bitget, Bybit).
 */
export function readEnvelope(
  answer: QueryAnswer,
  envelope: { code: string; success: string; data: string },
  refusals: Refusals,
  report: (data: unknown) => CheckOutcome,
): CheckOutcome {
  const http = httpRefusal(answer);
  if (http) return http;
  if (!isRecord(answer.body)) return { kind: 'unreadable-answer' };
  const errorCode = code(answer.body, envelope.code);
  if (answer.status === 200 && errorCode === envelope.success) return report(answer.body[envelope.data]);
  return refusalOf(refusals, errorCode);
}
