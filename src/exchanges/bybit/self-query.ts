import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signBybit } from '../../core/signing';
import { isoTime, isRecord, type Json, readEnvelope, type Refusals, text, texts } from '../self-query-kit';

/** Bybit: GET /v5/user/query-api, "Get API Key Information" for the key that signs it (NOTES.md). */

const HOST = 'api.bybit.com';
const PATH = '/v5/user/query-api';
const RECV_WINDOW = '5000';

/** The permission groups and the labels in them that grant each flag. */
function granted(permissions: Json): { labels: string[]; has: (group: string, ...names: string[]) => boolean } {
  const labels: string[] = [];
  const byGroup = new Map<string, string[]>();
  for (const [group, value] of Object.entries(permissions)) {
    const names = texts(value) ?? [];
    byGroup.set(group, names);
    for (const name of names) labels.push(`${group}:${name}`);
  }
  const has = (group: string, ...names: string[]) => {
    const inGroup = byGroup.get(group) ?? [];
    return names.length === 0 ? inGroup.length > 0 : names.some((name) => inGroup.includes(name));
  };
  return { labels, has };
}

function report(result: unknown): CheckOutcome {
  if (!isRecord(result)) return { kind: 'unreadable-answer' };
  const readOnly = result.readOnly;
  const permissions = result.permissions;
  const ips = texts(result.ips);
  if ((readOnly !== 0 && readOnly !== 1) || !isRecord(permissions) || ips === undefined) return { kind: 'unreadable-answer' };
  const { labels, has } = granted(permissions);
  const writes = readOnly === 0;
  // expiredAt is only set for keys that end: bound to no IP, or after a password change.
  const validUntil = isoTime(text(result, 'expiredAt'));
  const note = text(result, 'note');
  return {
    kind: 'ok',
    report: {
      permissions: {
        read: true,
        trade: writes && has('Spot', 'SpotTrade'),
        futures: writes && (has('ContractTrade') || has('Derivatives') || has('Options')),
        withdraw: writes && has('Wallet', 'Withdraw'),
        transfer: writes && has('Wallet', 'AccountTransfer', 'SubMemberTransfer', 'SubMemberTransferList'),
        labels: [readOnly === 1 ? 'Read-only' : 'Read-Write', ...labels],
      },
      // "*" is Bybit's word for a key bound to no IP.
      ipWhitelist: ips.filter((ip) => ip !== '*'),
      ...(validUntil === undefined ? {} : { validUntil }),
      ...(note === undefined || note === '' ? {} : { label: note }),
    },
  };
}

/** Bybit's documented retCodes (NOTES.md); most come with HTTP 200. */
const REFUSALS: Refusals = {
  10010: { kind: 'ip-refused' }, // Unmatched IP: the request's IP is not bound to the key.
  10003: { kind: 'invalid-key' }, // API key is invalid (or of another environment).
  10004: { kind: 'invalid-key' }, // Error sign: the secret is not this key's.
  33004: { kind: 'invalid-key' }, // Your api key has expired.
  10002: { kind: 'clock-skew' }, // The request time exceeds the time window.
  10006: { kind: 'rate-limited' }, // Too many visits (per UID).
  10018: { kind: 'rate-limited' }, // Exceeded the IP rate limit.
  10005: { kind: 'no-permission' }, // Permission denied for current apikey.
  10016: { kind: 'exchange-error', status: 200 }, // Server error.
};

export const selfQuery: SelfQuery = {
  endpoint: `GET ${PATH}`,
  origins: [`https://${HOST}/*`],
  build({ apiKey, secret }, now) {
    const timestamp = String(Math.floor(now));
    return {
      method: 'GET',
      url: `https://${HOST}${PATH}`,
      headers: {
        'X-BAPI-API-KEY': apiKey,
        'X-BAPI-TIMESTAMP': timestamp,
        'X-BAPI-RECV-WINDOW': RECV_WINDOW,
        // No query string: the signed text ends with the receive window.
        'X-BAPI-SIGN': signBybit(secret, timestamp, apiKey, RECV_WINDOW, ''),
      },
    };
  },
  read(answer: QueryAnswer) {
    // Bybit answers an address over its limit with HTTP 403 and no envelope.
    if (answer.status === 403 && !isRecord(answer.body)) return { kind: 'rate-limited' };
    return readEnvelope(answer, { code: 'retCode', success: '0', data: 'result' }, REFUSALS, report);
  },
};
