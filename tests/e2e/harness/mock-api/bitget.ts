// Bitget, GET /api/v2/spot/account/info (src/exchanges/bitget/NOTES.md, "Self-query").
import { fresh, header, hmacBase64, json, type MockApi, rateLimited } from './common';

const error = (status: number, code: string, msg: string) => json(status, { code, msg, requestTime: Date.now(), data: null });

/** Bitget refuses a timestamp more than 30 s from its clock. */
const WINDOW_MS = 30_000;

export const bitget: MockApi = {
  host: 'api.bitget.com',
  method: 'GET',
  path: '/api/v2/spot/account/info',
  passphrase: true,
  keyOf: (request) => header(request, 'access-key'),
  verify(request, account) {
    const timestamp = header(request, 'access-timestamp');
    const sign = header(request, 'access-sign');
    const passphrase = header(request, 'access-passphrase');
    if (timestamp === undefined) return error(400, '40002', 'ACCESS_TIMESTAMP header is required');
    if (sign === undefined) return error(400, '40003', 'ACCESS_SIGN header is required');
    if (passphrase === undefined) return error(400, '40011', 'ACCESS_PASSPHRASE header is required');
    if (!fresh(Number(timestamp), request.now, WINDOW_MS)) return error(400, '40008', 'Request timestamp expired');
    // "?" + query only when there is a query.
    const query = request.query === '' ? '' : `?${request.query}`;
    if (sign !== hmacBase64('sha256', account.secret, `${timestamp}${request.method}${request.path}${query}${request.body}`)) {
      return error(400, '40009', 'sign signature error');
    }
    return passphrase === account.passphrase ? undefined : error(400, '40012', 'apikey/password is incorrect');
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
        return error(400, '40006', 'Invalid ACCESS_KEY');
      case 'ip':
        return error(400, '40018', 'Invalid IP');
      case 'passphrase':
        return error(400, '40012', 'apikey/password is incorrect');
      case 'rate':
        return rateLimited({ code: '429', msg: 'Too Many Requests', requestTime: Date.now(), data: null });
      case 'error':
        return json(503, { code: '40010', msg: 'Request timed out', requestTime: Date.now(), data: null });
    }
  },
  answer(scenario) {
    const withdraw = scenario === 'withdraw';
    return json(200, {
      code: '00000',
      msg: 'success',
      requestTime: Date.now(),
      data: {
        userId: '1234567890',
        inviterId: '0',
        ips: withdraw ? '203.0.113.7,198.51.100.0' : '',
        authorities: withdraw ? ['stor', 'stow', 'coor', 'coow', 'wwow', 'transfer'] : ['stor', 'stow', 'coor', 'coow', 'transfer'],
        parentId: 1234567890,
        traderType: 'trader',
        channelCode: 'XXXX',
        channel: 'YYYY',
        regisTime: '1246566789865',
      },
    });
  },
};
