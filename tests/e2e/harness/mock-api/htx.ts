// HTX, GET /v1/account/accounts (src/exchanges/htx/NOTES.md, "Self-query").
import { fresh, hmacBase64, json, type MockApi } from './common';

const error = (code: string, msg: string) => json(200, { status: 'error', 'err-code': code, 'err-msg': msg, data: null });

/** HTX's signed request is valid for 5 minutes (uncertain: NOTES.md). */
const WINDOW_MS = 5 * 60_000;

/** RFC 3986 encoding, as HTX signs its parameters; written here apart from src/core/signing.ts. */
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function params(query: string): Map<string, string> {
  return new Map([...new URLSearchParams(query)]);
}

export const htx: MockApi = {
  host: 'api.huobi.pro',
  method: 'GET',
  path: '/v1/account/accounts',
  passphrase: false,
  keyOf: (request) => params(request.query).get('AccessKeyId'),
  verify(request, account) {
    const given = params(request.query);
    const signature = given.get('Signature');
    const timestamp = given.get('Timestamp');
    if (signature === undefined || timestamp === undefined || given.get('SignatureMethod') !== 'HmacSHA256' || given.get('SignatureVersion') !== '2') {
      return error('api-signature-not-valid', 'Signature not valid: Incorrect signature parameters');
    }
    // UTC to the second, without zone: 2017-05-11T15:19:30.
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(timestamp) || !fresh(Date.parse(`${timestamp}Z`), request.now, WINDOW_MS)) {
      return error('api-signature-not-valid', 'Signature not valid: Timestamp expired');
    }
    // Sorted by the encoded names' ASCII order, then joined as name=value.
    const sorted = [...given]
      .filter(([name]) => name !== 'Signature')
      .map(([name, value]) => [encode(name), encode(value)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    const expected = hmacBase64('sha256', account.secret, `${request.method}\n${request.host}\n${request.path}\n${sorted}`);
    return signature === expected ? undefined : error('api-signature-not-valid', 'Signature not valid: Verification failure [校验失败]');
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
      case 'passphrase':
        return error('api-signature-not-valid', 'Signature not valid: Incorrect Access key [Access key错误]');
      case 'ip':
        return error('api-signature-not-valid', 'Signature not valid: Your IP is not in the whitelist of this key');
      case 'rate':
        return { ...error('base-request-exceed-frequency-limit', 'Frequency of requests has exceeded the limit, please try again later'), status: 429, headers: { 'retry-after': '30' } };
      case 'error':
        return json(503, { status: 'error', 'err-code': 'gateway-internal-error', 'err-msg': 'Failed to load data. Try again later.', data: null });
    }
  },
  answer() {
    return json(200, { status: 'ok', data: [{ id: 100009, type: 'spot', subtype: '', state: 'working' }] });
  },
};
