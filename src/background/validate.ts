import { type MessageType, REQUESTS } from '../protocol/to-background';
import type { Schema } from '../core/schema';
import type { Validator, Validators } from './broker';

/**
 * The broker's payload check for each message type, taken from the type's schema in
 * protocol/payloads.ts: the sender may be a compromised content script, so nothing reaches a
 * handler that does not have the exact shape, within every bound, that the type declares.
 */
export { CAPTURE_LIMITS } from '../protocol/payloads';

function validator<T>(schema: Schema<T>): Validator<T> {
  return Object.assign((payload: unknown): payload is T => schema.is(payload), { parse: schema.parse });
}

// fromEntries loses the pairing of each type with its own schema, which the map keeps one for one.
export const validators = Object.fromEntries(
  (Object.keys(REQUESTS) as MessageType[]).map((type) => [type, validator<unknown>(REQUESTS[type].payload)]),
) as Validators;
