// Bybit, GET /v5/user/query-api (src/exchanges/bybit/NOTES.md, "Self-query").
import { header, hmacHex, json, type MockApi, rateLimited } from './common';

const ret = (retCode: number, retMsg: string, status = 200) => json(status, { retCode, retMsg, result: {}, retExtInfo: {}, time: Date.now() });

export const bybit: MockApi = {
  host: 'api.bybit.com',
  method: 'GET',
  path: '/v5/user/query-api',
  passphrase: false,
  keyOf: (request) => header(request, 'x-bapi-api-key'),
  verify(request, account) {
    const timestamp = header(request, 'x-bapi-timestamp');
    const recvWindow = header(request, 'x-bapi-recv-window') ?? '5000';
    const sign = header(request, 'x-bapi-sign');
    if (timestamp === undefined || sign === undefined) return ret(10001, 'empty value: apiTimestamp[] apiKey[] apiSignature[]');
    const at = Number(timestamp);
    // Bybit: server_time - recv_window <= timestamp < server_time + 1000.
    if (!(request.now - Number(recvWindow) <= at && at < request.now + 1000)) {
      return ret(10002, 'invalid request, please check your server timestamp or recv_window param');
    }
    const payload = request.method === 'GET' ? request.query : request.body;
    return sign === hmacHex('sha256', account.secret, `${timestamp}${account.apiKey}${recvWindow}${payload}`) ? undefined : ret(10004, 'error sign! origin_string[…]');
  },
  refuse(refusal) {
    switch (refusal) {
      case 'invalid':
      case 'passphrase':
        return ret(10003, 'API key is invalid.');
      case 'ip':
        return ret(10010, "Unmatched IP, please check your API key's bound IP addresses.");
      case 'rate':
        return rateLimited({ retCode: 10006, retMsg: 'Too many visits!', result: {}, retExtInfo: {}, time: Date.now() });
      case 'error':
        return json(503, { retCode: 10016, retMsg: 'Internal server error.', result: {}, retExtInfo: {}, time: Date.now() });
    }
  },
  answer(scenario) {
    const withdraw = scenario === 'withdraw';
    return json(200, {
      retCode: 0,
      retMsg: '',
      result: {
        id: '13770661',
        note: withdraw ? 'withdraw bot' : 'XXXXXX',
        apiKey: 'XXXXXX',
        readOnly: 0,
        secret: '',
        permissions: {
          ContractTrade: ['Order', 'Position'],
          Spot: ['SpotTrade'],
          Wallet: withdraw ? ['AccountTransfer', 'SubMemberTransfer', 'Withdraw'] : ['AccountTransfer', 'SubMemberTransfer'],
          Options: ['OptionsTrade'],
          Derivatives: ['DerivativesTrade'],
          Exchange: ['ExchangeHistory'],
          Earn: [],
          BlockTrade: [],
          Affiliate: [],
          NFT: [],
          CopyTrading: [],
        },
        ips: withdraw ? ['203.0.113.7'] : ['*'],
        type: 1,
        deadlineDay: withdraw ? 0 : 83,
        expiredAt: withdraw ? '' : '2027-02-16T07:20:25Z',
        createdAt: '2026-11-25T07:20:25Z',
        unified: 0,
        uta: 1,
        userID: 24617703,
        inviterID: 0,
        vipLevel: 'No VIP',
        mktMakerLevel: '0',
        affiliateID: 0,
        rsaPublicKey: '',
        isMaster: true,
        parentUid: '0',
        kycLevel: 'LEVEL_DEFAULT',
        kycRegion: '',
      },
      retExtInfo: {},
      time: Date.now(),
    });
  },
};
