import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signPrehashBase64 } from '../../core/signing';
import { commaList, isRecord, readEnvelope, type Refusals, text } from '../self-query-kit';

/** OKX: GET /api/v5/account/config, the account's settings with the key's own perm, ip and label (NOTES.md). */

const HOST = 'www.okx.com';
const PATH = '/api/v5/account/config';

function report(data: unknown): CheckOutcome {
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
const REFUSALS: Refusals = {
  50110: { kind: 'ip-refused' }, // Your IP is not in the key's linked IP addresses.
  50111: { kind: 'invalid-key' }, // Invalid OK-ACCESS-KEY.
  50113: { kind: 'invalid-key' }, // Invalid sign: the secret is not this key's.
  50101: { kind: 'invalid-key' }, // The key does not match the environment (a demo-trading key).
  50100: { kind: 'invalid-key' }, // API frozen.
  50105: { kind: 'wrong-passphrase' }, // OK-ACCESS-PASSPHRASE incorrect.
  50102: { kind: 'clock-skew' }, // Timestamp request expired.
  50112: { kind: 'clock-skew' }, // Invalid OK-ACCESS-TIMESTAMP.
  50011: { kind: 'rate-limited' }, // Rate limit reached.
};

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
    return readEnvelope(answer, { code: 'code', success: '0', data: 'data' }, REFUSALS, report);
  },
};
