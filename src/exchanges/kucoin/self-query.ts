import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { kucoinPassphrase, signPrehashBase64 } from '../../core/signing';
import { code, commaList, httpRefusal, isRecord, text, type Json } from '../self-query-kit';

/** KuCoin: GET /api/v1/user/api-key, "Get API Key Info" for the key that signs it (NOTES.md). */

const HOST = 'api.kucoin.com';
const PATH = '/api/v1/user/api-key';

function report(data: Json): CheckOutcome {
  const permission = text(data, 'permission');
  if (permission === undefined) return { kind: 'unreadable-answer' };
  const labels = commaList(permission);
  const has = (...names: string[]) => names.some((name) => labels.includes(name));
  const ips = text(data, 'ipWhitelist');
  const remark = text(data, 'remark');
  return {
    kind: 'ok',
    report: {
      permissions: {
        // "General" is the read permission every key has.
        read: true,
        trade: has('Spot', 'Margin'),
        futures: has('Futures'),
        withdraw: has('Withdrawal'),
        transfer: has('InnerTransfer', 'Transfer'),
        labels,
      },
      // KuCoin masks part of each address ("203.**.154"); an absent or empty list means none is bound.
      ipWhitelist: ips === undefined ? [] : commaList(ips),
      ...(remark === undefined || remark === '' ? {} : { label: remark }),
    },
  };
}

/** KuCoin's documented codes for authentication (NOTES.md); they come with HTTP 401 or 403. */
function refusal(errorCode: string | undefined): CheckOutcome {
  switch (errorCode) {
    case '400006': // The request IP is not in the key's whitelist.
      return { kind: 'ip-refused' };
    case '400003': // KC-API-KEY not exists.
    case '400005': // Invalid KC-API-SIGN: the secret is not this key's.
      return { kind: 'invalid-key' };
    case '400004': // Invalid KC-API-PASSPHRASE.
      return { kind: 'wrong-passphrase' };
    case '400002': // KC-API-TIMESTAMP invalid: more than 5 s from the server's time.
      return { kind: 'clock-skew' };
    case '400007': // Access denied: the key lacks the permission.
      return { kind: 'no-permission' };
    case '429000': // Too many requests.
      return { kind: 'rate-limited' };
    default:
      return { kind: 'unreadable-answer' };
  }
}

export const selfQuery: SelfQuery = {
  endpoint: `GET ${PATH}`,
  origins: [`https://${HOST}/*`],
  build({ apiKey, secret, passphrase }, now) {
    const timestamp = String(Math.floor(now));
    return {
      method: 'GET',
      url: `https://${HOST}${PATH}`,
      headers: {
        'KC-API-KEY': apiKey,
        'KC-API-SIGN': signPrehashBase64(secret, timestamp, 'GET', PATH),
        'KC-API-TIMESTAMP': timestamp,
        // Version 2 keys (every key made since 2021) send the passphrase signed, never as typed.
        'KC-API-PASSPHRASE': kucoinPassphrase(secret, passphrase),
        'KC-API-KEY-VERSION': '2',
      },
    };
  },
  read(answer: QueryAnswer) {
    const http = httpRefusal(answer);
    if (http) return http;
    if (!isRecord(answer.body)) return { kind: 'unreadable-answer' };
    const errorCode = code(answer.body, 'code');
    const data = answer.body.data;
    if (answer.status === 200 && errorCode === '200000') return isRecord(data) ? report(data) : { kind: 'unreadable-answer' };
    return refusal(errorCode);
  },
};
