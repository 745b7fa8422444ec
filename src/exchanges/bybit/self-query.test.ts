import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = 1764000000000;
const CREDENTIALS = { apiKey: 'XXXXXXXXXXXXXXXXXX', secret: 'YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY', passphrase: '' };

/** The docs' example answer, trimmed (NOTES.md, "Self-query"). */
const RESULT = {
  id: '13770661',
  note: 'XXXXXX',
  apiKey: 'XXXXXX',
  readOnly: 0,
  secret: '',
  permissions: {
    ContractTrade: [],
    Spot: ['SpotTrade'],
    Wallet: ['AccountTransfer', 'SubMemberTransfer'],
    Options: [],
    Derivatives: [],
    Exchange: [],
    Earn: [],
    BlockTrade: [],
    NFT: [],
  },
  ips: ['*'],
  type: 1,
  deadlineDay: 66,
  expiredAt: '2023-12-22T07:20:25Z',
  createdAt: '2022-10-16T02:24:40Z',
  isMaster: true,
  parentUid: '0',
};

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });
const ret = (retCode: number, result: unknown = {}) => ({ retCode, retMsg: retCode === 0 ? '' : 'whatever Bybit says', result, retExtInfo: {}, time: NOW });

describe('Bybit self-query', () => {
  it('signs GET /v5/user/query-api as the docs say', () => {
    // Hex HMAC-SHA256, keyed with the secret, of timestamp + API key + recv window (+ the empty query).
    const sign = createHmac('sha256', CREDENTIALS.secret).update(`${NOW}${CREDENTIALS.apiKey}5000`).digest('hex');
    expect(selfQuery.build(CREDENTIALS, NOW)).toEqual({
      method: 'GET',
      url: 'https://api.bybit.com/v5/user/query-api',
      headers: { 'X-BAPI-API-KEY': CREDENTIALS.apiKey, 'X-BAPI-TIMESTAMP': String(NOW), 'X-BAPI-RECV-WINDOW': '5000', 'X-BAPI-SIGN': sign },
    });
  });

  it('reads the permission groups, "*" as no IP binding, the expiry and the note', () => {
    expect(read(200, ret(0, RESULT))).toEqual({
      kind: 'ok',
      report: {
        permissions: {
          read: true,
          trade: true,
          futures: false,
          withdraw: false,
          transfer: true,
          labels: ['Read-Write', 'Spot:SpotTrade', 'Wallet:AccountTransfer', 'Wallet:SubMemberTransfer'],
        },
        ipWhitelist: [],
        validUntil: Date.parse('2023-12-22T07:20:25Z'),
        label: 'XXXXXX',
      },
    });
  });

  it('reads a read-only key as granting nothing but read, whatever its groups list', () => {
    const outcome = read(200, ret(0, { ...RESULT, readOnly: 1, ips: ['1.2.3.4'], expiredAt: '', permissions: { ...RESULT.permissions, Wallet: ['Withdraw'] } }));
    expect(outcome).toMatchObject({
      kind: 'ok',
      report: { permissions: { read: true, trade: false, futures: false, withdraw: false, transfer: false }, ipWhitelist: ['1.2.3.4'] },
    });
    expect(outcome.kind === 'ok' && 'validUntil' in outcome.report).toBe(false);
  });

  it('reads withdraw and derivatives on a read-write key', () => {
    const outcome = read(200, ret(0, { ...RESULT, permissions: { ...RESULT.permissions, ContractTrade: ['Order', 'Position'], Wallet: ['Withdraw'] } }));
    expect(outcome).toMatchObject({ kind: 'ok', report: { permissions: { futures: true, withdraw: true, transfer: false } } });
  });

  it.each([
    [10010, { kind: 'ip-refused' }],
    [10003, { kind: 'invalid-key' }],
    [10004, { kind: 'invalid-key' }],
    [33004, { kind: 'invalid-key' }],
    [10002, { kind: 'clock-skew' }],
    [10006, { kind: 'rate-limited' }],
    [10018, { kind: 'rate-limited' }],
    [10005, { kind: 'no-permission' }],
    [10001, { kind: 'unreadable-answer' }],
  ])('reads retCode %i as %j', (retCode, outcome) => {
    expect(read(200, ret(retCode))).toEqual(outcome);
  });

  it('reads 429, an over-limit 403 without envelope, 5xx, and an answer without result', () => {
    expect(read(429, ret(10006), { 'retry-after': '5' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 5 });
    expect(read(403, null)).toEqual({ kind: 'rate-limited' });
    expect(read(503, null)).toEqual({ kind: 'exchange-error', status: 503 });
    expect(read(200, ret(0, null))).toEqual({ kind: 'unreadable-answer' });
    expect(read(200, ret(0, { ...RESULT, ips: 'all' }))).toEqual({ kind: 'unreadable-answer' });
  });
});
