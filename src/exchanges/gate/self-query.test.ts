import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = 1764000000999;
const CREDENTIALS = { apiKey: '0123456789abcdef0123456789abcdef', secret: 'cd'.repeat(32), passphrase: '' };

/** The docs' example answer (NOTES.md, "Self-query"). */
const ANSWER = { user_id: 1667201533, ip_whitelist: ['127.0.0.1'], currency_pairs: ['USDT_BTC'], key: { mode: 1 }, tier: 2 };

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });

describe('Gate self-query', () => {
  it('signs GET /api/v4/account/detail as the docs say', () => {
    // Hex HMAC-SHA512, keyed with the secret, of method, path, query (empty), hex SHA-512 of the
    // (empty) body and the timestamp in seconds, one per line.
    const bodyHash = createHash('sha512').update('').digest('hex');
    const sign = createHmac('sha512', CREDENTIALS.secret).update(`GET\n/api/v4/account/detail\n\n${bodyHash}\n1764000000`).digest('hex');
    expect(selfQuery.build(CREDENTIALS, NOW)).toEqual({
      method: 'GET',
      url: 'https://api.gateio.ws/api/v4/account/detail',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', KEY: CREDENTIALS.apiKey, Timestamp: '1764000000', SIGN: sign },
    });
  });

  it('reads the IP whitelist, and no permissions (Gate does not say them)', () => {
    expect(read(200, ANSWER)).toEqual({ kind: 'ok', report: { ipWhitelist: ['127.0.0.1'] } });
    expect(read(200, { ...ANSWER, ip_whitelist: [] })).toEqual({ kind: 'ok', report: { ipWhitelist: [] } });
  });

  it.each([
    [403, 'IP_FORBIDDEN', { kind: 'ip-refused' }],
    [401, 'INVALID_KEY', { kind: 'invalid-key' }],
    [401, 'INVALID_SIGNATURE', { kind: 'invalid-key' }],
    [401, 'REQUEST_EXPIRED', { kind: 'clock-skew' }],
    [403, 'FORBIDDEN', { kind: 'no-permission' }],
    [400, 'TOO_MANY_REQUESTS', { kind: 'rate-limited' }],
    [400, 'INVALID_PARAM_VALUE', { kind: 'unreadable-answer' }],
  ])('reads HTTP %i with label %s as %j', (status, label, outcome) => {
    expect(read(status, { label, message: 'whatever Gate says' })).toEqual(outcome);
  });

  it('reads 429, 5xx and an answer without a whitelist', () => {
    expect(read(429, { label: 'TOO_MANY_REQUESTS' }, { 'retry-after': '7' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 7 });
    expect(read(500, { label: 'SERVER_ERROR' })).toEqual({ kind: 'exchange-error', status: 500 });
    expect(read(200, { user_id: 1 })).toEqual({ kind: 'unreadable-answer' });
  });
});
