import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signPrehashBase64 } from '../../core/signing';
import { code, commaList, httpRefusal, isRecord, text, texts, type Json } from '../self-query-kit';

/** Bitget: GET /api/v2/spot/account/info, the account with the key's own authorities and IPs (NOTES.md). */

const HOST = 'api.bitget.com';
const PATH = '/api/v2/spot/account/info';

/**
 * Bitget's authority codes: an area, then "or" (read-only) or "ow" (read-write); "wwow" is
 * withdraw (../shared/exchanges.md). The v2 docs' example shows the plain words "readonly" and
 * "trade" instead: both forms are read. Which area each code names is not documented, so any
 * read-write area counts as trade and futures is left unsaid.
 */
function flagsOf(authorities: readonly string[]) {
  return {
    read: true,
    trade: authorities.some((a) => a === 'trade' || (a.endsWith('ow') && a !== 'wwow')),
    withdraw: authorities.includes('wwow') || authorities.includes('withdraw'),
    transfer: authorities.includes('transfer'),
  };
}

function report(data: Json): CheckOutcome {
  const authorities = texts(data.authorities);
  const ips = text(data, 'ips');
  if (authorities === undefined) return { kind: 'unreadable-answer' };
  return {
    kind: 'ok',
    report: {
      permissions: { ...flagsOf(authorities), labels: [...authorities] },
      ...(ips === undefined ? {} : { ipWhitelist: commaList(ips) }),
    },
  };
}

/** Bitget's documented codes for authentication (NOTES.md). */
function refusal(errorCode: string | undefined): CheckOutcome {
  switch (errorCode) {
    case '40018': // Invalid IP.
      return { kind: 'ip-refused' };
    case '40006': // Invalid ACCESS_KEY.
    case '40037': // Apikey does not exist.
    case '40009': // Sign signature error: the secret is not this key's.
    case '40010':
      return { kind: 'invalid-key' };
    case '40012': // "apikey/password is incorrect": a known key with another passphrase (40006 and 40037 name an unknown key).
      return { kind: 'wrong-passphrase' };
    case '40004': // Request timestamp expired.
    case '40008':
    case '40005': // Invalid ACCESS_TIMESTAMP.
      return { kind: 'clock-skew' };
    case '40014': // Incorrect permissions.
      return { kind: 'no-permission' };
    case '429': // Too many requests.
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
        'ACCESS-KEY': apiKey,
        // No query string, so no "?" in what is signed.
        'ACCESS-SIGN': signPrehashBase64(secret, timestamp, 'GET', PATH),
        'ACCESS-TIMESTAMP': timestamp,
        'ACCESS-PASSPHRASE': passphrase,
        'Content-Type': 'application/json',
        locale: 'en-US',
      },
    };
  },
  read(answer: QueryAnswer) {
    const http = httpRefusal(answer);
    if (http) return http;
    if (!isRecord(answer.body)) return { kind: 'unreadable-answer' };
    const errorCode = code(answer.body, 'code');
    const data = answer.body.data;
    if (answer.status === 200 && errorCode === '00000') return isRecord(data) ? report(data) : { kind: 'unreadable-answer' };
    return refusal(errorCode);
  },
};
