import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = 1764000000123;
const CREDENTIALS = { apiKey: 'd3aede45-c3b6-4b4b-a6c5-4aea77000e21', secret: 'CA4DB91963A2B3E372AC4593493F32B0', passphrase: 'my passphrase' };

/** The docs' example answer, trimmed to the fields read and a few beside them (NOTES.md, "Self-query"). */
const ANSWER = {
  code: '0',
  msg: '',
  data: [{ acctLv: '2', autoLoan: false, ip: '123.123.123.123,123.123.123.124', label: 'v5 test', mainUid: '44705892343619584', perm: 'read_only,withdraw,trade', uid: '44705892343619584' }],
};

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });

describe('OKX self-query', () => {
  it('signs GET /api/v5/account/config as the docs say', () => {
    const timestamp = '2025-11-24T16:00:00.123Z';
    // Base64 HMAC-SHA256, keyed with the secret, of timestamp + "GET" + request path (no body).
    const sign = createHmac('sha256', CREDENTIALS.secret).update(`${timestamp}GET/api/v5/account/config`).digest('base64');
    expect(selfQuery.build(CREDENTIALS, NOW)).toEqual({
      method: 'GET',
      url: 'https://www.okx.com/api/v5/account/config',
      headers: { 'OK-ACCESS-KEY': CREDENTIALS.apiKey, 'OK-ACCESS-SIGN': sign, 'OK-ACCESS-TIMESTAMP': timestamp, 'OK-ACCESS-PASSPHRASE': 'my passphrase' },
    });
  });

  it('reads perm, ip and label', () => {
    expect(read(200, ANSWER)).toEqual({
      kind: 'ok',
      report: {
        permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: ['read_only', 'withdraw', 'trade'] },
        ipWhitelist: ['123.123.123.123', '123.123.123.124'],
        label: 'v5 test',
      },
    });
  });

  it('reads an empty ip as no restriction, and a read-only key as one', () => {
    const readOnly = { ...ANSWER, data: [{ ...ANSWER.data[0], perm: 'read_only', ip: '', label: '' }] };
    expect(read(200, readOnly)).toEqual({
      kind: 'ok',
      report: { permissions: { read: true, trade: false, withdraw: false, transfer: false, labels: ['read_only'] }, ipWhitelist: [] },
    });
  });

  it.each([
    [401, '50110', { kind: 'ip-refused' }],
    [401, '50111', { kind: 'invalid-key' }],
    [401, '50113', { kind: 'invalid-key' }],
    [401, '50105', { kind: 'wrong-passphrase' }],
    [401, '50102', { kind: 'clock-skew' }],
    [401, '50112', { kind: 'clock-skew' }],
    [401, '59999', { kind: 'unreadable-answer' }],
    [200, '50011', { kind: 'rate-limited' }],
  ])('reads HTTP %i with code %s as %j', (status, code, outcome) => {
    expect(read(status, { code, msg: 'whatever OKX says', data: [] })).toEqual(outcome);
  });

  it('reads 429, 5xx and what is not its envelope', () => {
    expect(read(429, { code: '50011', msg: 'Rate limit reached.', data: [] }, { 'retry-after': '2' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 2 });
    expect(read(502, null)).toEqual({ kind: 'exchange-error', status: 502 });
    expect(read(200, { code: '0', msg: '', data: [] })).toEqual({ kind: 'unreadable-answer' });
    expect(read(200, 'config')).toEqual({ kind: 'unreadable-answer' });
  });
});
