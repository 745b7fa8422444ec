import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = Date.parse('2025-11-24T16:00:00.456Z');
const CREDENTIALS = { apiKey: 'e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx', secret: 'b0xxxxxx-c6xxxxxx-94xxxxxx-dxxxx', passphrase: '' };

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });
const error = (code: string, msg: string) => ({ status: 'error', 'err-code': code, 'err-msg': msg, data: null });

describe('HTX self-query', () => {
  it('signs GET /v1/account/accounts as the docs say (signature version 2)', () => {
    // Base64 HMAC-SHA256, keyed with the secret, of "GET\n" + host + "\n" + path + "\n" + the
    // parameters sorted by name, values percent-encoded (":" as %3A).
    const sorted = `AccessKeyId=${CREDENTIALS.apiKey}&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2025-11-24T16%3A00%3A00`;
    const signature = createHmac('sha256', CREDENTIALS.secret).update(`GET\napi.huobi.pro\n/v1/account/accounts\n${sorted}`).digest('base64');
    expect(selfQuery.build(CREDENTIALS, NOW)).toEqual({
      method: 'GET',
      url: `https://api.huobi.pro/v1/account/accounts?${sorted}&Signature=${encodeURIComponent(signature)}`,
      headers: {},
    });
  });

  it('reads a working key as a report that says nothing more (no permissions, no IPs)', () => {
    expect(read(200, { status: 'ok', data: [{ id: 100009, type: 'spot', subtype: '', state: 'working' }] })).toEqual({ kind: 'ok', report: {} });
  });

  it.each([
    [error('api-signature-not-valid', 'Signature not valid: Incorrect Access key [Access key错误]'), { kind: 'invalid-key' }],
    [error('api-signature-not-valid', 'Signature not valid: Verification failure [校验失败]'), { kind: 'invalid-key' }],
    [error('api-signature-not-valid', 'Signature not valid: Timestamp expired'), { kind: 'clock-skew' }],
    [error('api-signature-not-valid', 'Signature not valid: Your IP is not in the whitelist'), { kind: 'ip-refused' }],
    [error('base-request-exceed-frequency-limit', 'Frequency of requests has exceeded the limit'), { kind: 'rate-limited' }],
    [error('system-maintenance', 'System is in maintenance!'), { kind: 'exchange-error', status: 200 }],
    [error('invalid-parameter', 'invalid symbol'), { kind: 'unreadable-answer' }],
    [{ status: 'ok', data: null }, { kind: 'unreadable-answer' }],
  ])('reads %j as %j', (body, outcome) => {
    expect(read(200, body)).toEqual(outcome);
  });

  it('reads 429 and 5xx', () => {
    expect(read(429, null, { 'retry-after': '30' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 30 });
    expect(read(504, null)).toEqual({ kind: 'exchange-error', status: 504 });
  });
});
