import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signQueryHex } from '../../core/signing';
import { code, flag, httpRefusal, isRecord, type Json, type Refusals, refusalOf } from '../self-query-kit';

/** Binance: GET /sapi/v1/account/apiRestrictions, the key's own flags (NOTES.md, "Self-query"). */

const HOST = 'api.binance.com';
const PATH = '/sapi/v1/account/apiRestrictions';
/** Binance's default; the request is refused when it reaches Binance later than this. */
const RECV_WINDOW = '5000';

/** Each flag the answer may carry, the exchange's own name for it, and what it grants. */
const FLAGS = [
  ['enableReading', 'read'],
  ['enableSpotAndMarginTrading', 'trade'],
  ['enableMargin', 'trade'],
  ['enableFutures', 'futures'],
  ['enablePortfolioMarginTrading', 'futures'],
  ['enableVanillaOptions', 'futures'],
  ['enableWithdrawals', 'withdraw'],
  ['enableInternalTransfer', 'transfer'],
  ['permitsUniversalTransfer', 'transfer'],
] as const;

type Grant = (typeof FLAGS)[number][1];

function report(body: Json): CheckOutcome {
  const reading = flag(body, 'enableReading');
  const ipRestrict = flag(body, 'ipRestrict');
  if (reading === undefined || ipRestrict === undefined) return { kind: 'unreadable-answer' };
  const granted = FLAGS.filter(([name]) => flag(body, name) === true);
  const has = (grant: Grant) => granted.some(([, g]) => g === grant);
  const expiry = body.tradingAuthorityExpirationTime;
  return {
    kind: 'ok',
    report: {
      permissions: {
        read: has('read'),
        trade: has('trade'),
        futures: has('futures'),
        withdraw: has('withdraw'),
        transfer: has('transfer'),
        labels: granted.map(([name]) => name),
      },
      // Binance says whether an IP restriction is in force, never which addresses it allows.
      ...(ipRestrict ? {} : { ipWhitelist: [] }),
      // 0 (or absent) when spot trading has no end date.
      ...(typeof expiry === 'number' && expiry > 0 ? { validUntil: expiry } : {}),
    },
  };
}

/** Binance's documented error codes for a signed request (NOTES.md). */
const REFUSALS: Refusals = {
  // "Invalid API-key, IP, or permissions for action": Binance will not say which.
  [-2015]: { kind: 'invalid-key-or-ip' },
  [-2014]: { kind: 'invalid-key' }, // API-key format invalid.
  [-2008]: { kind: 'invalid-key' }, // Invalid Api-Key ID.
  [-1022]: { kind: 'invalid-key' }, // Signature not valid: the secret is not this key's.
  [-1021]: { kind: 'clock-skew' }, // Timestamp outside recvWindow, or ahead of the server.
  [-1003]: { kind: 'rate-limited' }, // Too much request weight.
};

export const selfQuery: SelfQuery = {
  endpoint: `GET ${PATH}`,
  origins: [`https://${HOST}/*`],
  build({ apiKey, secret }, now) {
    // RSA and Ed25519 keys sign with a private key, not HMAC: a wrong signature would only read as an invalid key.
    if (secret.includes('-----BEGIN')) throw new Error('Binance keys with a private key (RSA, Ed25519) are not checked yet');
    const query = `recvWindow=${RECV_WINDOW}&timestamp=${Math.floor(now)}`;
    return {
      method: 'GET',
      url: `https://${HOST}${PATH}?${query}&signature=${signQueryHex(secret, query)}`,
      headers: { 'X-MBX-APIKEY': apiKey },
    };
  },
  read(answer: QueryAnswer) {
    // 418: the address is banned after ignoring 429s; both carry Retry-After.
    if (answer.status === 418) return httpRefusal({ ...answer, status: 429 }) ?? { kind: 'rate-limited' };
    const http = httpRefusal(answer);
    if (http) return http;
    if (!isRecord(answer.body)) return { kind: 'unreadable-answer' };
    if (answer.status === 200) return report(answer.body);
    return refusalOf(REFUSALS, code(answer.body, 'code'));
  },
};
