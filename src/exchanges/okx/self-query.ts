import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signPrehashBase64 } from '../../core/signing';
import { code, commaList, httpRefusal, isRecord, text, type Json } from '../self-query-kit';

/** OKX: GET /api/v5/account/config, the account's settings with the key's own perm, ip and label (NOTES.md). */

const HOST = 'www.okx.com';
const PATH = '/api/v5/account/config';

function report(body: Json): CheckOutcome {
  const data = body.data;
  const entry: unknown = Array.isArray(data) ? data[0] : undefined;
  if (!isRecord(entry)) return { kind: 'unreadable-answer' };
  const perm = text(entry, 'perm');
  if (perm === undefined) return { kind: 'unreadable-answer' };
  const labels = commaList(perm);
  const ip = text(entry, 'ip');
  const label = text(entry, 'label');
  return {
    kind: 'ok',
    report: {
      permissions: {
        // Every OKX key reads; "read_only" is the word for a key that only reads.
        read: true,
        trade: labels.includes('trade'),
        withdraw: labels.includes('withdraw'),
        transfer: false,
        labels,
      },
      ...(ip === undefined ? {} : { ipWhitelist: commaList(ip) }),
      ...(label === undefined || label === '' ? {} : { label }),
    },
  };
}

/** OKX's documented codes for authentication (NOTES.md); they come with HTTP 401 or 429. */
function refusal(errorCode: string | undefined): CheckOutcome {
  switch (errorCode) {
    case '50110': // Your IP is not in the key's linked IP addresses.
      return { kind: 'ip-refused' };
    case '50111': // Invalid OK-ACCESS-KEY.
    case '50113': // Invalid sign: the secret is not this key's.
    case '50101': // The key does not match the environment (a demo-trading key).
    case '50100': // API frozen.
      return { kind: 'invalid-key' };
    case '50105': // OK-ACCESS-PASSPHRASE incorrect.
      return { kind: 'wrong-passphrase' };
    case '50102': // Timestamp request expired.
    case '50112': // Invalid OK-ACCESS-TIMESTAMP.
      return { kind: 'clock-skew' };
    case '50011': // Rate limit reached.
      return { kind: 'rate-limited' };
    default:
      return { kind: 'unreadable-answer' };
  }
}

export const selfQuery: SelfQuery = {
  endpoint: `GET ${PATH}`,
  origins: [`https://${HOST}/*`],
  build({ apiKey, secret, passphrase }, now) {
    // ISO 8601 in UTC with milliseconds: 2020-12-08T09:08:57.715Z.
    const timestamp = new Date(now).toISOString();
    return {
      method: 'GET',
      url: `https://${HOST}${PATH}`,
      headers: {
        'OK-ACCESS-KEY': apiKey,
        'OK-ACCESS-SIGN': signPrehashBase64(secret, timestamp, 'GET', PATH),
        'OK-ACCESS-TIMESTAMP': timestamp,
        'OK-ACCESS-PASSPHRASE': passphrase,
      },
    };
  },
  read(answer: QueryAnswer) {
    const body = answer.body;
    // OKX sends 429 with code 50011; anything else at 429 is still a rate limit.
    const http = httpRefusal(answer);
    if (http) return http;
    if (!isRecord(body)) return { kind: 'unreadable-answer' };
    const errorCode = code(body, 'code');
    if (answer.status === 200 && errorCode === '0') return report(body);
    return refusal(errorCode);
  },
};
