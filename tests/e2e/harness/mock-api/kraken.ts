// Kraken, POST /0/private/GetApiKeyInfo (src/exchanges/kraken/NOTES.md, "Self-query").
import { createHash } from 'node:crypto';
import { fresh, header, hmacBase64, json, type MockApi } from './common';

const errors = (...error: string[]) => json(200, { error });

/**
 * Kraken's nonce must grow with each request of a key; the mock also takes it for a ms clock
 * and refuses one a minute away from its own, which is how a wrong clock shows.
 */
const WINDOW_MS = 60_000;
const lastNonce = new Map<string, number>();

export const kraken: MockApi = {
  host: 'api.kraken.com',
  method: 'POST',
  path: '/0/private/GetApiKeyInfo',
  passphrase: false,
  keyOf: (request) => header(request, 'api-key'),
  verify(request, account) {
    const sign = header(request, 'api-sign');
    const nonceText = new URLSearchParams(request.body).get('nonce');
    if (sign === undefined || nonceText === null) return errors('EAPI:Invalid key');
    const digest = createHash('sha256').update(nonceText + request.body).digest();
    const expected = hmacBase64('sha512', Buffer.from(account.secret, 'base64'), Buffer.concat([Buffer.from(request.path), digest]));
    if (sign !== expected) return errors('EAPI:Invalid signature');
    const nonce = Number(nonceText);
    if (!fresh(nonce, request.now, WINDOW_MS) || nonce <= (lastNonce.get(account.apiKey) ?? 0)) return errors('EAPI:Invalid nonce');
    lastNonce.set(account.apiKey, nonce);
    return undefined;
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
      case 'passphrase':
        return errors('EAPI:Invalid key');
      case 'ip':
        return errors('EGeneral:Permission denied');
      case 'rate':
        return { ...errors('EAPI:Rate limit exceeded'), status: 429, headers: { 'retry-after': '30' } };
      case 'error':
        return json(503, { error: ['EService:Unavailable'] });
    }
  },
  answer(scenario) {
    const withdraw = scenario === 'withdraw';
    return json(200, {
      error: [],
      result: {
        apiKeyName: withdraw ? 'withdraw-bot' : 'my-api-key',
        apiKey: '4/SDrDBcOOPnm3nPlNfEMMJDeRcIVqPz+QhRxIodyZbI9po/aVRiHsgX',
        nonce: '1772627060997',
        nonceWindow: 0,
        permissions: withdraw
          ? ['query-funds', 'withdraw-funds', 'query-open-trades', 'modify-trades']
          : ['query-funds', 'query-open-trades', 'query-closed-trades', 'modify-trades', 'cancel-close-trades'],
        iban: 'AA88 N84G WOAK NMOI',
        validUntil: withdraw ? '0' : '1798761600',
        queryFrom: '0',
        queryTo: '0',
        createdTime: '1772542900',
        modifiedTime: '1772543095',
        ipAllowlist: withdraw ? ['203.0.113.7/32'] : [],
        lastUsed: '1772627061',
      },
    });
  },
};
