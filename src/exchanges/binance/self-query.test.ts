import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = 1764000000000;
const KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';

/** The docs' example answer (NOTES.md, "Self-query"). */
const ANSWER = {
  ipRestrict: false,
  createTime: 1623840271000,
  enableReading: true,
  enableWithdrawals: false,
  enableInternalTransfer: true,
  enableMargin: false,
  enableFutures: false,
  permitsUniversalTransfer: true,
  enableVanillaOptions: false,
  enableFixApiTrade: false,
  enableFixReadOnly: true,
  enableSpotAndMarginTrading: false,
  enablePortfolioMarginTrading: true,
  tradingAuthorityExpirationTime: 1628985600000,
};

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });

describe('Binance self-query', () => {
  it('signs GET /sapi/v1/account/apiRestrictions as the docs say', async () => {
    const request = await selfQuery.build({ apiKey: KEY, secret: SECRET, passphrase: '' }, NOW);
    // Hex HMAC-SHA256, keyed with the secret, of the query string before "&signature=".
    const query = `recvWindow=5000&timestamp=${NOW}`;
    const signature = createHmac('sha256', SECRET).update(query).digest('hex');
    expect(request).toEqual({
      method: 'GET',
      url: `https://api.binance.com/sapi/v1/account/apiRestrictions?${query}&signature=${signature}`,
      headers: { 'X-MBX-APIKEY': KEY },
    });
    expect(request.url).not.toContain(SECRET);
  });

  it('refuses to sign for a key whose secret is a private key (RSA, Ed25519)', () => {
    expect(() => selfQuery.build({ apiKey: KEY, secret: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----', passphrase: '' }, NOW)).toThrow();
  });

  it('reads the flags, the absence of an IP restriction and the end of trading rights', () => {
    expect(read(200, ANSWER)).toEqual({
      kind: 'ok',
      report: {
        permissions: {
          read: true,
          trade: false,
          futures: true,
          withdraw: false,
          transfer: true,
          labels: ['enableReading', 'enablePortfolioMarginTrading', 'enableInternalTransfer', 'permitsUniversalTransfer'],
        },
        ipWhitelist: [],
        validUntil: 1628985600000,
      },
    });
  });

  it('leaves the IP list unsaid when a restriction is in force (Binance does not list it)', () => {
    const outcome = read(200, { ...ANSWER, ipRestrict: true, enableWithdrawals: true, tradingAuthorityExpirationTime: 0 });
    expect(outcome.kind === 'ok' && outcome.report).toEqual({
      permissions: expect.objectContaining({ withdraw: true }),
    });
  });

  it.each([
    [401, { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' }, { kind: 'invalid-key-or-ip' }],
    [401, { code: -2014, msg: 'API-key format invalid.' }, { kind: 'invalid-key' }],
    [400, { code: -1022, msg: 'Signature for this request is not valid.' }, { kind: 'invalid-key' }],
    [400, { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' }, { kind: 'clock-skew' }],
    [503, { code: -1001, msg: 'Internal error' }, { kind: 'exchange-error', status: 503 }],
    [400, { code: -1102, msg: 'Mandatory parameter' }, { kind: 'unreadable-answer' }],
    [200, { enableReading: true }, { kind: 'unreadable-answer' }],
    [200, null, { kind: 'unreadable-answer' }],
  ])('reads HTTP %i %j as %j', (status, body, outcome) => {
    expect(read(status, body)).toEqual(outcome);
  });

  it('reads 429 and 418 as a rate limit with the wait Binance asks for', () => {
    expect(read(429, { code: -1003, msg: 'Too much request weight used' }, { 'retry-after': '42' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 42 });
    expect(read(418, { code: -1003, msg: 'IP banned' }, { 'retry-after': '120' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 120 });
  });
});
