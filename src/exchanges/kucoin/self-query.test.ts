import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = 1764000000000;
const CREDENTIALS = { apiKey: '6705f5c311545b000157d3eb', secret: 'f03a5284-5c39-4aaa-9b20-dea10bdcf8e3', passphrase: 'my passphrase' };

/** The docs' example answer (NOTES.md, "Self-query"). */
const ANSWER = {
  code: '200000',
  data: {
    remark: 'account1',
    apiKey: '6705f5c311545b000157d3eb',
    apiVersion: 3,
    permission: 'General,Futures,Spot,Earn,InnerTransfer,Transfer,Margin',
    ipWhitelist: '203.**.154,103.**.34',
    createdAt: 1728443843000,
    uid: 165111215,
    isMaster: true,
  },
};

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });
const hmac = (text: string) => createHmac('sha256', CREDENTIALS.secret).update(text).digest('base64');

describe('KuCoin self-query', () => {
  it('signs GET /api/v1/user/api-key as the docs say, the passphrase signed too', async () => {
    const request = await selfQuery.build(CREDENTIALS, NOW);
    // Base64 HMAC-SHA256, keyed with the secret, of timestamp + "GET" + endpoint; version 2 keys
    // send the passphrase as base64 HMAC-SHA256 of the passphrase, keyed with the secret.
    expect(request).toEqual({
      method: 'GET',
      url: 'https://api.kucoin.com/api/v1/user/api-key',
      headers: {
        'KC-API-KEY': CREDENTIALS.apiKey,
        'KC-API-SIGN': hmac(`${NOW}GET/api/v1/user/api-key`),
        'KC-API-TIMESTAMP': String(NOW),
        'KC-API-PASSPHRASE': hmac('my passphrase'),
        'KC-API-KEY-VERSION': '2',
      },
    });
    expect(Object.values(request.headers)).not.toContain('my passphrase');
  });

  it('reads permission and the remark, and leaves a masked IP whitelist unsaid', () => {
    expect(read(200, ANSWER)).toEqual({
      kind: 'ok',
      report: {
        permissions: {
          read: true,
          trade: true,
          futures: true,
          withdraw: false,
          transfer: true,
          labels: ['General', 'Futures', 'Spot', 'Earn', 'InnerTransfer', 'Transfer', 'Margin'],
        },
        label: 'account1',
      },
    });
  });

  it('reads an unmasked whitelist as it is', () => {
    expect(read(200, { code: '200000', data: { ...ANSWER.data, ipWhitelist: '203.0.113.7,198.51.100.0' } })).toMatchObject({
      kind: 'ok',
      report: { ipWhitelist: ['203.0.113.7', '198.51.100.0'] },
    });
  });

  it('reads a General-only key without a whitelist', () => {
    const { ipWhitelist: _none, ...data } = ANSWER.data;
    expect(read(200, { code: '200000', data: { ...data, permission: 'General,Withdrawal' } })).toMatchObject({
      kind: 'ok',
      report: { permissions: { read: true, trade: false, futures: false, withdraw: true, transfer: false }, ipWhitelist: [] },
    });
  });

  it.each([
    [401, '400006', { kind: 'ip-refused' }],
    [401, '400003', { kind: 'invalid-key' }],
    [401, '400005', { kind: 'invalid-key' }],
    [401, '400004', { kind: 'wrong-passphrase' }],
    [401, '400002', { kind: 'clock-skew' }],
    [403, '400007', { kind: 'no-permission' }],
    [200, '429000', { kind: 'rate-limited' }],
    [400, '400100', { kind: 'unreadable-answer' }],
  ])('reads HTTP %i with code %s as %j', (status, code, outcome) => {
    expect(read(status, { code, msg: 'whatever KuCoin says' })).toEqual(outcome);
  });

  it('reads 429, 5xx and an answer without data', () => {
    expect(read(429, { code: '429000', msg: 'Too Many Requests' }, { 'retry-after': '10' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 10 });
    expect(read(500, { code: '500000' })).toEqual({ kind: 'exchange-error', status: 500 });
    expect(read(200, { code: '200000', data: null })).toEqual({ kind: 'unreadable-answer' });
  });
});
