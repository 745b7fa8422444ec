// Binance, GET /sapi/v1/account/apiRestrictions (src/exchanges/binance/NOTES.md, "Self-query").
import { header, hmacHex, json, type MockApi, rateLimited } from './common';

const error = (status: number, code: number, msg: string) => json(status, { code, msg });

export const binance: MockApi = {
  host: 'api.binance.com',
  method: 'GET',
  path: '/sapi/v1/account/apiRestrictions',
  passphrase: false,
  keyOf: (request) => header(request, 'x-mbx-apikey'),
  verify(request, account) {
    const params = new URLSearchParams(request.query);
    // The signature is over the query as sent, up to "&signature=".
    const signed = request.query.replace(/&signature=[^&]*$/, '');
    const timestamp = Number(params.get('timestamp'));
    const recvWindow = Number(params.get('recvWindow') ?? '5000');
    if (!params.has('timestamp') || !params.has('signature')) return error(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
    // Binance refuses a timestamp older than recvWindow or more than 1 s ahead of its clock.
    if (!(request.now - timestamp <= recvWindow && timestamp - request.now <= 1000)) {
      return error(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
    }
    return params.get('signature') === hmacHex('sha256', account.secret, signed) ? undefined : error(400, -1022, 'Signature for this request is not valid.');
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
      case 'ip':
      case 'passphrase':
        return error(401, -2015, 'Invalid API-key, IP, or permissions for action.');
      case 'rate':
        return rateLimited({ code: -1003, msg: 'Too much request weight used; current limit is 1200 request weight per 1 MINUTE.' });
      case 'error':
        return json(503, { code: -1001, msg: 'Internal error; unable to process your request. Please try again.' });
    }
  },
  answer(scenario) {
    const withdraw = scenario === 'withdraw';
    return json(200, {
      ipRestrict: withdraw,
      createTime: 1623840271000,
      enableReading: true,
      enableWithdrawals: withdraw,
      enableInternalTransfer: true,
      enableMargin: false,
      enableFutures: true,
      permitsUniversalTransfer: false,
      enableVanillaOptions: false,
      enableFixApiTrade: false,
      enableFixReadOnly: true,
      enableSpotAndMarginTrading: true,
      enablePortfolioMarginTrading: false,
      tradingAuthorityExpirationTime: withdraw ? 0 : 1628985600000,
    });
  },
};
