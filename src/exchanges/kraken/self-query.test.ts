import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = 1764000000000;
const CREDENTIALS = {
  apiKey: '4/SDrDBcOOPnm3nPlNfEMMJDeRcIVqPz+QhRxIodyZbI9po/aVRiHsgX',
  secret: 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
  passphrase: '',
};

/** The docs' example answer (NOTES.md, "Self-query"). */
const RESULT = {
  apiKeyName: 'my-api-key',
  apiKey: '4/SDrDBcOOPnm3nPlNfEMMJDeRcIVqPz+QhRxIodyZbI9po/aVRiHsgX',
  nonce: '1772627060997',
  nonceWindow: 0,
  permissions: ['query-funds', 'withdraw-funds', 'query-open-trades', 'modify-trades'],
  iban: 'AA88 N84G WOAK NMOI',
  validUntil: '0',
  queryFrom: '0',
  queryTo: '0',
  createdTime: '1772542900',
  modifiedTime: '1772543095',
  ipAllowlist: [],
  lastUsed: '1772627061',
};

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });

describe('Kraken self-query', () => {
  it('signs POST /0/private/GetApiKeyInfo as the docs say', () => {
    // Base64 HMAC-SHA512, keyed with the base64-decoded secret, of the path followed by the raw
    // SHA-256 of nonce + POST data.
    const body = `nonce=${NOW}`;
    const digest = createHash('sha256').update(`${NOW}${body}`).digest();
    const sign = createHmac('sha512', Buffer.from(CREDENTIALS.secret, 'base64'))
      .update(Buffer.concat([Buffer.from('/0/private/GetApiKeyInfo'), digest]))
      .digest('base64');
    expect(selfQuery.build(CREDENTIALS, NOW)).toEqual({
      method: 'POST',
      url: 'https://api.kraken.com/0/private/GetApiKeyInfo',
      headers: { 'API-Key': CREDENTIALS.apiKey, 'API-Sign': sign, 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
  });

  it('reads the permissions, the allowlist and the name of the docs example', () => {
    expect(read(200, { error: [], result: RESULT })).toEqual({
      kind: 'ok',
      report: {
        permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: RESULT.permissions },
        ipWhitelist: [],
        label: 'my-api-key',
      },
    });
  });

  it('reads an end date in seconds into ms, and an allowlist', () => {
    const outcome = read(200, { error: [], result: { ...RESULT, validUntil: '1798761600', ipAllowlist: ['203.0.113.0/24'], permissions: ['query-funds'] } });
    expect(outcome).toMatchObject({
      kind: 'ok',
      report: { permissions: { read: true, trade: false, withdraw: false }, ipWhitelist: ['203.0.113.0/24'], validUntil: 1798761600000 },
    });
  });

  it.each([
    ['EAPI:Invalid key', { kind: 'invalid-key' }],
    ['EAPI:Invalid signature', { kind: 'invalid-key' }],
    ['EAPI:Invalid nonce', { kind: 'clock-skew' }],
    ['EAPI:Rate limit exceeded', { kind: 'rate-limited' }],
    ['EGeneral:Temporary lockout', { kind: 'rate-limited' }],
    ['EGeneral:Permission denied', { kind: 'no-permission' }],
    ['EService:Unavailable', { kind: 'exchange-error', status: 200 }],
    ['EGeneral:Invalid arguments', { kind: 'unreadable-answer' }],
  ])('reads the error %s as %j', (error, outcome) => {
    expect(read(200, { error: [error] })).toEqual(outcome);
  });

  it('reads 429, 5xx and what is not its envelope', () => {
    expect(read(429, { error: ['EAPI:Rate limit exceeded'] }, { 'retry-after': '3' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 3 });
    expect(read(520, null)).toEqual({ kind: 'exchange-error', status: 520 });
    expect(read(200, { result: RESULT })).toEqual({ kind: 'unreadable-answer' });
    expect(read(200, { error: [], result: { ...RESULT, permissions: null } })).toEqual({ kind: 'unreadable-answer' });
  });
});
