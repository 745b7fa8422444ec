import type { QueryAnswer, SelfQuery } from '../../core/self-query';
import { signGate } from '../../core/signing';
import { httpRefusal, isRecord, type Refusals, refusalOf, text, texts } from '../self-query-kit';

/**
 * Gate: GET /api/v4/account/detail, the account with the key's IP whitelist (NOTES.md). Gate
 * documents no endpoint that tells a key its own permissions, so the report has none.
 */

const HOST = 'api.gateio.ws';
const PREFIX = '/api/v4';
const PATH = `${PREFIX}/account/detail`;

/** Gate's documented error labels for authentication (NOTES.md). */
const REFUSALS: Refusals = {
  IP_FORBIDDEN: { kind: 'ip-refused' }, // The request's IP is not in the key's whitelist.
  INVALID_KEY: { kind: 'invalid-key' },
  INVALID_SIGNATURE: { kind: 'invalid-key' }, // The secret is not this key's.
  INVALID_CREDENTIALS: { kind: 'invalid-key' },
  REQUEST_EXPIRED: { kind: 'clock-skew' }, // Timestamp more than 60 s from the server's time.
  FORBIDDEN: { kind: 'no-permission' }, // The key lacks the permission.
  TOO_MANY_REQUESTS: { kind: 'rate-limited' },
};

export const selfQuery: SelfQuery = {
  endpoint: `GET ${PATH}`,
  origins: [`https://${HOST}/*`],
  build({ apiKey, secret }, now) {
    // Seconds, not milliseconds.
    const timestamp = String(Math.floor(now / 1000));
    return {
      method: 'GET',
      url: `https://${HOST}${PATH}`,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        KEY: apiKey,
        Timestamp: timestamp,
        // No query and no body: the signed text has an empty line and the hash of "".
        SIGN: signGate(secret, 'GET', PATH, '', '', timestamp),
      },
    };
  },
  read(answer: QueryAnswer) {
    const http = httpRefusal(answer);
    if (http) return http;
    const body = answer.body;
    if (!isRecord(body)) return { kind: 'unreadable-answer' };
    if (answer.status !== 200) return refusalOf(REFUSALS, text(body, 'label'));
    const ips = texts(body.ip_whitelist);
    if (ips === undefined) return { kind: 'unreadable-answer' };
    return { kind: 'ok', report: { ipWhitelist: ips } };
  },
};
