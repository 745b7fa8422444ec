// Coinbase, GET /api/v3/brokerage/key_permissions with a CDP JWT (src/exchanges/coinbase/NOTES.md, "Self-query").
import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { header, json, type MockApi, rateLimited } from './common';

const unauthorized = () => ({ status: 401, body: 'Unauthorized', headers: { 'content-type': 'text/plain' } });

const fromBase64url = (text: string) => Buffer.from(text, 'base64url');

function parse(part: string | undefined): Record<string, unknown> | undefined {
  if (part === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(fromBase64url(part).toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Coinbase's JWTs live two minutes; a token outside [nbf, exp] (with 30 s of slack) is refused. */
const SLACK_S = 30;

/** The key name the token names (kid), read before anything is verified. */
function tokenOf(authorization: string | undefined): string[] | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const parts = token?.split('.');
  return parts?.length === 3 ? parts : undefined;
}

export const coinbase: MockApi = {
  host: 'api.coinbase.com',
  method: 'GET',
  path: '/api/v3/brokerage/key_permissions',
  passphrase: false,
  keyOf(request) {
    const kid = parse(tokenOf(header(request, 'authorization'))?.[0])?.kid;
    return typeof kid === 'string' ? kid : undefined;
  },
  verify(request, account) {
    const parts = tokenOf(header(request, 'authorization'));
    const [head, payload, signature] = parts ?? [];
    const claims = parse(payload);
    const algorithm = parse(head)?.alg;
    if (head === undefined || payload === undefined || signature === undefined || claims === undefined) return unauthorized();
    const publicKey = createPublicKey(createPrivateKey(account.secret));
    const input = Buffer.from(`${head}.${payload}`);
    const valid =
      algorithm === 'ES256'
        ? verify('sha256', input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, fromBase64url(signature))
        : algorithm === 'EdDSA' && verify(null, input, publicKey, fromBase64url(signature));
    const seconds = request.now / 1000;
    const { nbf, exp } = claims;
    if (
      !valid ||
      claims.sub !== account.apiKey ||
      claims.iss !== 'cdp' ||
      claims.uri !== `${request.method} ${request.host}${request.path}` ||
      typeof nbf !== 'number' ||
      typeof exp !== 'number' ||
      nbf > seconds + SLACK_S ||
      exp < seconds - SLACK_S ||
      exp - nbf > 120
    ) {
      return unauthorized();
    }
    return undefined;
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
      case 'ip':
      case 'passphrase':
        return unauthorized();
      case 'rate':
        return rateLimited({ error: 'rate_limit_exceeded', message: 'Too many requests' });
      case 'error':
        return json(503, { error: 'unavailable', message: 'Service unavailable' });
    }
  },
  answer(scenario) {
    const withdraw = scenario === 'withdraw';
    return json(200, {
      can_view: true,
      can_trade: true,
      can_transfer: withdraw,
      portfolio_uuid: '0b2c9b3a-0d4b-4c4e-9f2e-5a8d7c6b1a00',
      portfolio_type: 'DEFAULT',
    });
  },
};
