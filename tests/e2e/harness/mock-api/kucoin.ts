// KuCoin, GET /api/v1/user/api-key (src/exchanges/kucoin/NOTES.md, "Self-query").
import { fresh, header, hmacBase64, json, type MockApi, rateLimited } from './common';

const error = (status: number, code: string, msg: string) => json(status, { code, msg });

/** KuCoin refuses a timestamp more than 5 s from its clock. */
const WINDOW_MS = 5_000;

export const kucoin: MockApi = {
  host: 'api.kucoin.com',
  method: 'GET',
  path: '/api/v1/user/api-key',
  passphrase: true,
  keyOf: (request) => header(request, 'kc-api-key'),
  verify(request, account) {
    const timestamp = header(request, 'kc-api-timestamp');
    const sign = header(request, 'kc-api-sign');
    const passphrase = header(request, 'kc-api-passphrase');
    if (timestamp === undefined || sign === undefined || passphrase === undefined) return error(401, '400001', 'Please check the header of your request for KC-API-KEY, KC-API-SIGN, KC-API-TIMESTAMP, KC-API-PASSPHRASE');
    if (!fresh(Number(timestamp), request.now, WINDOW_MS)) return error(401, '400002', 'KC-API-TIMESTAMP Invalid -- Time differs from server time by more than 5 seconds');
    const query = request.query === '' ? '' : `?${request.query}`;
    if (sign !== hmacBase64('sha256', account.secret, `${timestamp}${request.method}${request.path}${query}${request.body}`)) {
      return error(401, '400005', 'Signature error -- Please check your signature');
    }
    // Version 2 keys send the passphrase HMAC-signed with the secret.
    if (header(request, 'kc-api-key-version') !== '2') return error(401, '400004', 'Invalid KC-API-PASSPHRASE');
    return passphrase === hmacBase64('sha256', account.secret, account.passphrase) ? undefined : error(401, '400004', 'Invalid KC-API-PASSPHRASE');
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
        return error(401, '400003', 'KC-API-KEY not exists');
      case 'ip':
        return error(401, '400006', 'The requested ip address is not in the api whitelist');
      case 'passphrase':
        return error(401, '400004', 'Invalid KC-API-PASSPHRASE');
      case 'rate':
        return rateLimited({ code: '429000', msg: 'Too Many Requests' });
      case 'error':
        return json(503, { code: '500000', msg: 'Internal Server Error' });
    }
  },
  answer(scenario) {
    const withdraw = scenario === 'withdraw';
    return json(200, {
      code: '200000',
      data: {
        remark: withdraw ? 'withdraw bot' : 'account1',
        apiKey: '6705f5c311545b000157d3eb',
        apiVersion: 3,
        permission: withdraw ? 'General,Futures,Spot,Earn,InnerTransfer,Transfer,Margin,Withdrawal' : 'General,Futures,Spot,Earn,InnerTransfer,Transfer,Margin',
        ...(withdraw ? { ipWhitelist: '203.**.7,198.**.100' } : {}),
        createdAt: 1728443843000,
        uid: 165111215,
        isMaster: true,
      },
    });
  },
};
