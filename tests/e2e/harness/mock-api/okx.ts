// OKX, GET /api/v5/account/config (src/exchanges/okx/NOTES.md, "Self-query").
import { fresh, header, hmacBase64, json, type MockApi, rateLimited } from './common';

const error = (status: number, code: string, msg: string) => json(status, { code, msg, data: [] });

/** OKX refuses a request whose timestamp is more than 30 s from its clock. */
const WINDOW_MS = 30_000;

export const okx: MockApi = {
  host: 'www.okx.com',
  method: 'GET',
  path: '/api/v5/account/config',
  passphrase: true,
  keyOf: (request) => header(request, 'ok-access-key'),
  verify(request, account) {
    const timestamp = header(request, 'ok-access-timestamp');
    const sign = header(request, 'ok-access-sign');
    const passphrase = header(request, 'ok-access-passphrase');
    if (timestamp === undefined) return error(401, '50107', 'Request header "OK-ACCESS-TIMESTAMP" cannot be empty.');
    if (sign === undefined) return error(401, '50106', 'Request header "OK-ACCESS-SIGN" cannot be empty.');
    if (passphrase === undefined) return error(401, '50104', 'Request header "OK-ACCESS-PASSPHRASE" cannot be empty.');
    // ISO 8601 with milliseconds, in UTC.
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(timestamp)) return error(401, '50112', 'Invalid OK-ACCESS-TIMESTAMP');
    if (!fresh(Date.parse(timestamp), request.now, WINDOW_MS)) return error(401, '50102', 'Timestamp request expired');
    const query = request.query === '' ? '' : `?${request.query}`;
    if (sign !== hmacBase64('sha256', account.secret, `${timestamp}${request.method}${request.path}${query}${request.body}`)) {
      return error(401, '50113', 'Invalid Sign');
    }
    return passphrase === account.passphrase ? undefined : error(401, '50105', 'Request header "OK-ACCESS-PASSPHRASE" incorrect.');
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
        return error(401, '50111', 'Invalid OK-ACCESS-KEY');
      case 'ip':
        return error(401, '50110', 'Your IP 127.0.0.1 is not included in your API key\'s IP whitelist.');
      case 'passphrase':
        return error(401, '50105', 'Request header "OK-ACCESS-PASSPHRASE" incorrect.');
      case 'rate':
        return rateLimited({ code: '50011', msg: 'Rate limit reached. Please refer to API documentation and throttle requests accordingly.', data: [] });
      case 'error':
        return json(503, { code: '50001', msg: 'Service temporarily unavailable. Try again later', data: [] });
    }
  },
  answer(scenario) {
    const withdraw = scenario === 'withdraw';
    return json(200, {
      code: '0',
      msg: '',
      data: [
        {
          acctLv: '2',
          autoLoan: false,
          ctIsoMode: 'automatic',
          greeksType: 'PA',
          ip: withdraw ? '203.0.113.7,198.51.100.0' : '',
          kycLv: '3',
          label: withdraw ? 'withdraw bot' : 'v5 test',
          level: 'Lv1',
          mainUid: '44705892343619584',
          mgnIsoMode: 'automatic',
          perm: withdraw ? 'read_only,withdraw,trade' : 'read_only,trade',
          posMode: 'long_short_mode',
          roleType: '0',
          uid: '44705892343619584',
        },
      ],
    });
  },
};
