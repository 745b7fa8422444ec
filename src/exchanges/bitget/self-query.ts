import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signPrehashBase64 } from '../../core/signing';
import { commaList, isRecord, readEnvelope, type Refusals, text, texts } from '../self-query-kit';

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

function report(data: unknown): CheckOutcome {
  if (!isRecord(data)) return { kind: 'unreadable-answer' };
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
const REFUSALS: Refusals = {
  40018: { kind: 'ip-refused' }, // Invalid IP.
  40006: { kind: 'invalid-key' }, // Invalid ACCESS_KEY.
  40037: { kind: 'invalid-key' }, // Apikey does not exist.
  40009: { kind: 'invalid-key' }, // Sign signature error: the secret is not this key's.
  40010: { kind: 'invalid-key' },
  // "apikey/password is incorrect": a known key with another passphrase (40006 and 40037 name an unknown key).
  40012: { kind: 'wrong-passphrase' },
  40004: { kind: 'clock-skew' }, // Request timestamp expired.
  40008: { kind: 'clock-skew' },
  40005: { kind: 'clock-skew' }, // Invalid ACCESS_TIMESTAMP.
  40014: { kind: 'no-permission' }, // Incorrect permissions.
  429: { kind: 'rate-limited' }, // Too many requests.
};

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
    return readEnvelope(answer, { code: 'code', success: '00000', data: 'data' }, REFUSALS, report);
  },
};
