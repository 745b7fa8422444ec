import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signGate } from '../../core/signing';
import { httpRefusal, isRecord, text, texts } from '../self-query-kit';

/**
 * Gate: GET /api/v4/account/detail, the account with the key's IP whitelist (NOTES.md). Gate
 * documents no endpoint that tells a key its own permissions, so the report has none.
 */

const HOST = 'api.gateio.ws';
const PREFIX = '/api/v4';
const PATH = `${PREFIX}/account/detail`;

/** Gate's documented error labels for authentication (NOTES.md). */
function refusal(label: string | undefined): CheckOutcome {
  switch (label) {
    case 'IP_FORBIDDEN': // The request's IP is not in the key's whitelist.
      return { kind: 'ip-refused' };
    case 'INVALID_KEY':
    case 'INVALID_SIGNATURE': // The secret is not this key's.
    case 'INVALID_CREDENTIALS':
      return { kind: 'invalid-key' };
    case 'REQUEST_EXPIRED': // Timestamp more than 60 s from the server's time.
      return { kind: 'clock-skew' };
    case 'FORBIDDEN': // The key lacks the permission.
      return { kind: 'no-permission' };
    case 'TOO_MANY_REQUESTS':
      return { kind: 'rate-limited' };
    default:
      return { kind: 'unreadable-answer' };
  }
}

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
    if (answer.status !== 200) return refusal(text(body, 'label'));
    const ips = texts(body.ip_whitelist);
    if (ips === undefined) return { kind: 'unreadable-answer' };
    return { kind: 'ok', report: { ipWhitelist: ips } };
  },
};
