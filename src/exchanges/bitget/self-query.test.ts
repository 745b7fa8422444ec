import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = 1764000000000;
const CREDENTIALS = { apiKey: 'bg_0123456789abcdef0123456789abcdef', secret: 'ab'.repeat(32), passphrase: 'my passphrase' };

/** The docs' example answer (NOTES.md, "Self-query"). */
const ANSWER = {
  code: '00000',
  msg: 'success',
  requestTime: 1695808949356,
  data: { userId: '**', inviterId: '**', ips: '127.0.0.1', authorities: ['trade', 'readonly'], parentId: 1, traderType: 'trader', channelCode: 'XXX', channel: 'YYY', regisTime: '1246566789865' },
};

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });

describe('Bitget self-query', () => {
  it('signs GET /api/v2/spot/account/info as the docs say', () => {
    // Base64 HMAC-SHA256, keyed with the secret, of timestamp + "GET" + path (no query, so no "?").
    const sign = createHmac('sha256', CREDENTIALS.secret).update(`${NOW}GET/api/v2/spot/account/info`).digest('base64');
    expect(selfQuery.build(CREDENTIALS, NOW)).toEqual({
      method: 'GET',
      url: 'https://api.bitget.com/api/v2/spot/account/info',
      headers: {
        'ACCESS-KEY': CREDENTIALS.apiKey,
        'ACCESS-SIGN': sign,
        'ACCESS-TIMESTAMP': String(NOW),
        'ACCESS-PASSPHRASE': 'my passphrase',
        'Content-Type': 'application/json',
        locale: 'en-US',
      },
    });
  });

  it('reads the authorities and the IPs of the docs example', () => {
    expect(read(200, ANSWER)).toEqual({
      kind: 'ok',
      report: {
        permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['trade', 'readonly'] },
        ipWhitelist: ['127.0.0.1'],
      },
    });
  });

  it('reads the short authority codes: read-write areas trade, "wwow" withdraws, read-only ones do neither', () => {
    const codes = (authorities: string[]) => read(200, { ...ANSWER, data: { ...ANSWER.data, ips: '', authorities } });
    expect(codes(['stor', 'coor'])).toMatchObject({ kind: 'ok', report: { permissions: { trade: false, withdraw: false }, ipWhitelist: [] } });
    expect(codes(['stor', 'stow', 'wwow'])).toMatchObject({ kind: 'ok', report: { permissions: { trade: true, withdraw: true } } });
    expect(codes(['wwow'])).toMatchObject({ kind: 'ok', report: { permissions: { trade: false, withdraw: true } } });
  });

  it.each([
    [400, '40018', { kind: 'ip-refused' }],
    [400, '40006', { kind: 'invalid-key' }],
    [400, '40037', { kind: 'invalid-key' }],
    [400, '40009', { kind: 'invalid-key' }],
    [400, '40012', { kind: 'wrong-passphrase' }],
    [400, '40008', { kind: 'clock-skew' }],
    [400, '40014', { kind: 'no-permission' }],
    [400, '43001', { kind: 'unreadable-answer' }],
  ])('reads HTTP %i with code %s as %j', (status, code, outcome) => {
    expect(read(status, { code, msg: 'whatever Bitget says', requestTime: NOW, data: null })).toEqual(outcome);
  });

  it('reads 429, 5xx and an answer without authorities', () => {
    expect(read(429, { code: '429', msg: 'Too Many Requests' }, { 'retry-after': '1' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 1 });
    expect(read(503, null)).toEqual({ kind: 'exchange-error', status: 503 });
    expect(read(200, { ...ANSWER, data: { ...ANSWER.data, authorities: 'trade' } })).toEqual({ kind: 'unreadable-answer' });
  });
});
