import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signBybit } from '../../core/signing';
import { code, httpRefusal, isoTime, isRecord, text, texts, type Json } from '../self-query-kit';

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

function report(result: Json): CheckOutcome {
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
function refusal(retCode: string | undefined): CheckOutcome {
  switch (retCode) {
    case '10010': // Unmatched IP: the request's IP is not bound to the key.
      return { kind: 'ip-refused' };
    case '10003': // API key is invalid (or of another environment).
    case '10004': // Error sign: the secret is not this key's.
    case '33004': // Your api key has expired.
      return { kind: 'invalid-key' };
    case '10002': // The request time exceeds the time window.
      return { kind: 'clock-skew' };
    case '10006': // Too many visits (per UID).
    case '10018': // Exceeded the IP rate limit.
      return { kind: 'rate-limited' };
    case '10005': // Permission denied for current apikey.
      return { kind: 'no-permission' };
    case '10016': // Server error.
      return { kind: 'exchange-error', status: 200 };
    default:
      return { kind: 'unreadable-answer' };
  }
}

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
    const http = httpRefusal(answer);
    if (http) return http;
    // Bybit answers an address over its limit with HTTP 403 and no envelope.
    if (answer.status === 403 && !isRecord(answer.body)) return { kind: 'rate-limited' };
    if (!isRecord(answer.body)) return { kind: 'unreadable-answer' };
    const retCode = code(answer.body, 'retCode');
    const result = answer.body.result;
    if (retCode === '0') return isRecord(result) ? report(result) : { kind: 'unreadable-answer' };
    return refusal(retCode);
  },
};
