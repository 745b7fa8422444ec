import { type MessageType, REQUESTS } from '../protocol/to-background';
import type { Validators } from './broker';

/**
 * The broker's payload check for each message type, taken from the type's schema in
 * protocol/payloads.ts: the sender may be a compromised content script, so nothing reaches a
 * handler that does not have the exact shape, within every bound, that the type declares.
 */
export { CAPTURE_LIMITS } from '../protocol/payloads';

// fromEntries loses the pairing of each type with its own schema, which the map keeps one for one.
export const validators = Object.fromEntries(
  (Object.keys(REQUESTS) as MessageType[]).map((type) => [type, REQUESTS[type].payload.is]),
) as Validators;
