import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfQuery } from './self-query';

const NOW = 1764000000500;
const KEY_NAME = 'organizations/0b2c9b3a-0d4b-4c4e-9f2e-5a8d7c6b1a00/apiKeys/6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00';

const read = (status: number, body: unknown, headers: Record<string, string> = {}) => selfQuery.read({ status, headers, body });

function decode(part: string | undefined): unknown {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
}

/** The request's token, checked as Coinbase would: its signature by the public key, then its parts. */
async function tokenOf(secret: string, publicKey: ReturnType<typeof createPublicKey>, algorithm: 'ES256' | 'EdDSA') {
  const request = await selfQuery.build({ apiKey: KEY_NAME, secret, passphrase: '' }, NOW);
  expect(request).toEqual({ method: 'GET', url: 'https://api.coinbase.com/api/v3/brokerage/key_permissions', headers: { Authorization: expect.stringMatching(/^Bearer /) } });
  const [head, payload, signature] = (request.headers.Authorization ?? '').slice('Bearer '.length).split('.');
  const input = Buffer.from(`${head}.${payload}`);
  const signed = Buffer.from(signature ?? '', 'base64url');
  // A JWS ES256 signature is r || s (IEEE P1363), not DER; EdDSA signs the input as it is.
  const valid = algorithm === 'ES256' ? verify('sha256', input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signed) : verify(null, input, publicKey, signed);
  return { valid, header: decode(head), claims: decode(payload), request };
}

const CLAIMS = { sub: KEY_NAME, iss: 'cdp', nbf: 1764000000, exp: 1764000120, uri: 'GET api.coinbase.com/api/v3/brokerage/key_permissions' };

describe('Coinbase self-query', () => {
  it('signs a JWT with an EC P-256 key as CDP downloads it (SEC1 PEM), ES256', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ format: 'pem', type: 'sec1' }).toString();
    const token = await tokenOf(pem, publicKey, 'ES256');
    expect(token.valid).toBe(true);
    expect(token.header).toEqual({ alg: 'ES256', kid: KEY_NAME, nonce: expect.stringMatching(/^[0-9a-f]{32}$/), typ: 'JWT' });
    expect(token.claims).toEqual(CLAIMS);
    expect(JSON.stringify(token.request)).not.toContain(pem.split('\n')[1]);
  });

  it('takes the PEM with literal "\\n" as JSON key files hold it, and PKCS#8', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const escaped = privateKey.export({ format: 'pem', type: 'sec1' }).toString().replace(/\n/g, '\\n');
    expect((await tokenOf(escaped, publicKey, 'ES256')).valid).toBe(true);
    const pkcs8 = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect((await tokenOf(pkcs8, publicKey, 'ES256')).valid).toBe(true);
  });

  it('signs a JWT with an Ed25519 key given as base64 of seed and public key, EdDSA', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    // PKCS#8 DER of an Ed25519 key ends with the 32-byte seed; its SPKI DER with the public key.
    const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const token = await tokenOf(Buffer.concat([seed, raw]).toString('base64'), publicKey, 'EdDSA');
    expect(token.valid).toBe(true);
    expect(token.header).toMatchObject({ alg: 'EdDSA', kid: KEY_NAME });
    expect(token.claims).toEqual(CLAIMS);
  });

  it('refuses to build from a secret that is no private key', async () => {
    await expect(Promise.resolve().then(() => selfQuery.build({ apiKey: KEY_NAME, secret: 'not a key', passphrase: '' }, NOW))).rejects.toThrow();
  });

  it('reads can_view, can_trade and can_transfer (transfer sends funds off Coinbase: withdraw)', () => {
    const answer = { can_view: true, can_trade: false, can_transfer: true, portfolio_uuid: 'a', portfolio_type: 'DEFAULT' };
    expect(read(200, answer)).toEqual({
      kind: 'ok',
      report: { permissions: { read: true, trade: false, withdraw: true, transfer: false, labels: ['view', 'transfer'] } },
    });
    expect(read(200, { can_view: true, can_trade: true })).toEqual({ kind: 'unreadable-answer' });
  });

  it('reads a bare 401 as a key or an address it cannot tell apart, 403, 429 and 5xx', () => {
    expect(read(401, null)).toEqual({ kind: 'invalid-key-or-ip' });
    expect(read(403, null)).toEqual({ kind: 'no-permission' });
    expect(read(429, null, { 'retry-after': '9' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 9 });
    expect(read(503, null)).toEqual({ kind: 'exchange-error', status: 503 });
    expect(read(404, null)).toEqual({ kind: 'unreadable-answer' });
  });
});
