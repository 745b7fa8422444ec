import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { encodeRfc3986, htxPayload, htxTimestamp, signHtx } from '../../core/signing';
import { httpRefusal, isRecord, text } from '../self-query-kit';

/**
 * HTX: GET /v1/account/accounts, a read-only query every key may make. HTX's own view of a key
 * (GET /v2/user/api-key) needs the parent account's uid, which Keyward does not store, and a
 * second request to learn it; so the check says whether the key works from here (known, not
 * deleted, this address allowed, clock right) and reports nothing of its permissions (NOTES.md).
 */

const HOST = 'api.huobi.pro';
const PATH = '/v1/account/accounts';

/** HTX's error answer: {"status":"error","err-code":…,"err-msg":…}; the message narrows some codes (NOTES.md). */
function refusal(errorCode: string | undefined, message: string): CheckOutcome {
  switch (errorCode) {
    case 'api-signature-not-valid':
    case 'api-signature-check-failed':
      // "Signature not valid: Incorrect Access key [Access key错误]", or a wrong secret, or a stale timestamp.
      if (/\bip\b/i.test(message) && /white/i.test(message)) return { kind: 'ip-refused' };
      if (/timestamp|expired/i.test(message)) return { kind: 'clock-skew' };
      return { kind: 'invalid-key' };
    case 'base-request-exceed-frequency-limit':
      return { kind: 'rate-limited' };
    case 'gateway-internal-error':
    case 'system-maintenance':
      return { kind: 'exchange-error', status: 200 };
    default:
      return { kind: 'unreadable-answer' };
  }
}

export const selfQuery: SelfQuery = {
  endpoint: `GET ${PATH}`,
  origins: [`https://${HOST}/*`],
  build({ apiKey, secret }, now) {
    const params = {
      AccessKeyId: apiKey,
      SignatureMethod: 'HmacSHA256',
      SignatureVersion: '2',
      Timestamp: htxTimestamp(now),
    };
    const signature = signHtx(secret, htxPayload('GET', HOST, PATH, params));
    const query = Object.entries({ ...params, Signature: signature })
      .map(([name, value]) => `${name}=${encodeRfc3986(value)}`)
      .join('&');
    return { method: 'GET', url: `https://${HOST}${PATH}?${query}`, headers: {} };
  },
  read(answer: QueryAnswer) {
    const http = httpRefusal(answer);
    if (http) return http;
    const body = answer.body;
    if (!isRecord(body)) return { kind: 'unreadable-answer' };
    if (answer.status === 200 && text(body, 'status') === 'ok' && Array.isArray(body.data)) return { kind: 'ok', report: {} };
    return refusal(text(body, 'err-code'), text(body, 'err-msg') ?? '');
  },
};
