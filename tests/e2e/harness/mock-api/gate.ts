// Gate, GET /api/v4/account/detail (src/exchanges/gate/NOTES.md, "Self-query").
import { fresh, header, hmacHex, json, type MockApi, rateLimited, sha } from './common';

const error = (status: number, label: string, message: string) => json(status, { label, message });

/** Gate refuses a timestamp more than 60 s from its clock (seconds). */
const WINDOW_MS = 60_000;

export const gate: MockApi = {
  host: 'api.gateio.ws',
  method: 'GET',
  path: '/api/v4/account/detail',
  passphrase: false,
  keyOf: (request) => header(request, 'key'),
  verify(request, account) {
    const timestamp = header(request, 'timestamp');
    const sign = header(request, 'sign');
    if (timestamp === undefined || sign === undefined) return error(401, 'MISSING_REQUIRED_HEADER', 'Missing required header: Timestamp, SIGN');
    if (!/^\d+$/.test(timestamp) || !fresh(Number(timestamp) * 1000, request.now, WINDOW_MS)) return error(401, 'REQUEST_EXPIRED', 'gap between request Timestamp and server time exceeds 60');
    const bodyHash = sha('sha512', request.body).digest('hex');
    const signed = `${request.method}\n${request.path}\n${request.query}\n${bodyHash}\n${timestamp}`;
    return sign === hmacHex('sha512', account.secret, signed) ? undefined : error(401, 'INVALID_SIGNATURE', 'Signature mismatch');
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
      case 'passphrase':
        return error(401, 'INVALID_KEY', 'Invalid key provided');
      case 'ip':
        return error(403, 'IP_FORBIDDEN', 'Request IP not in whitelist: 127.0.0.1');
      case 'rate':
        return rateLimited({ label: 'TOO_MANY_REQUESTS', message: 'Request Rate limit Exceeded' });
      case 'error':
        return error(503, 'SERVER_ERROR', 'Internal server error');
    }
  },
  answer(scenario) {
    const withdraw = scenario === 'withdraw';
    return json(200, {
      user_id: 1667201533,
      ip_whitelist: withdraw ? ['203.0.113.7', '198.51.100.0'] : [],
      currency_pairs: [],
      key: { mode: 1 },
      tier: 2,
    });
  },
};
