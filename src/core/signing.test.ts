import { describe, expect, it } from 'vitest';
import { encodeRfc3986, htxPayload, htxTimestamp, kucoinPassphrase, signBybit, signGate, signHtx, signKraken, signPrehashBase64, signQueryHex } from './signing';

// Published worked examples (../shared/exchanges.md): each exchange's documentation shows the
// inputs and the signature they give.
describe('published worked examples', () => {
  it('Binance', () => {
    expect(
      signQueryHex(
        'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
        'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
      ),
    ).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
  });

  it('Binance: the query and the body are signed as one string', () => {
    const whole = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    const secret = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
    expect(signQueryHex(secret, 'symbol=LTCBTC&side=BUY&type=LIMIT', whole.slice('symbol=LTCBTC&side=BUY&type=LIMIT'.length))).toBe(
      signQueryHex(secret, whole),
    );
  });

  it('MEXC (the docs’ first example value is wrong; this one reproduces)', () => {
    expect(
      signQueryHex(
        '45d0b3c26f2644f19bfb98b07741b2f5',
        'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087',
      ),
    ).toBe('fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a');
  });

  it('Kraken', () => {
    expect(
      signKraken(
        'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
        '/0/private/AddOrder',
        '1616492376594',
        'nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25',
      ),
    ).toBe('4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==');
  });
});

// Derived vectors: the docs give the formula but no signature. Each expected value below was
// computed once with Node's own crypto (an implementation independent of @noble/hashes), over the
// string the formula in ../shared/exchanges.md builds, e.g. for OKX:
//   createHmac('sha256', secret).update(timestamp + 'GET' + '/api/v5/account/config').digest('base64')
// (That node:crypto reproduces the Kraken example above vouches for the method.) Secrets are made up.
describe('derived vectors', () => {
  it('HTX: the payload is the documented one, to the byte, and its signature', () => {
    const payload = htxPayload('get', 'API.huobi.pro', '/v1/order/orders', {
      AccessKeyId: 'e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx',
      SignatureMethod: 'HmacSHA256',
      SignatureVersion: '2',
      Timestamp: '2017-05-11T15:19:30',
      'order-id': '1234567890',
    });
    // The string HTX's documentation shows for this request.
    expect(payload).toBe(
      'GET\napi.huobi.pro\n/v1/order/orders\nAccessKeyId=e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2017-05-11T15%3A19%3A30&order-id=1234567890',
    );
    expect(signHtx('b0xxxxxx-c6xxxxxx-94xxxxxx-dxxxx', payload)).toBe('Nmd8AU8uAe0mkFpxNbiava0aeZzBEtYjCdie1ZYZjoM=');
  });

  it('HTX: timestamps are UTC to the second, parameters sorted and strictly encoded', () => {
    expect(htxTimestamp(Date.UTC(2017, 4, 11, 15, 19, 30, 987))).toBe('2017-05-11T15:19:30');
    expect(htxPayload('GET', 'api.huobi.pro', '/v2/user/api-key', { uid: '1', accessKey: "a b!'()*" })).toBe(
      'GET\napi.huobi.pro\n/v2/user/api-key\naccessKey=a%20b%21%27%28%29%2A&uid=1',
    );
    expect(encodeRfc3986('2017-05-11T15:19:30')).toBe('2017-05-11T15%3A19%3A30');
  });

  it('OKX: timestamp + METHOD + requestPath + body', () => {
    expect(signPrehashBase64('22582BD0CFF14C41EDBF1AB98506286D', '2020-12-08T09:08:57.715Z', 'get', '/api/v5/account/config')).toBe(
      'Kr/8IrbDYujS4cg2KkmB+tO2HMUXxyayG6ZwNb4H/yA=',
    );
  });

  it('KuCoin: the request, and the passphrase of a version 2 key', () => {
    const secret = 'f03a5284-5c39-4aaa-9b20-dea10bdcf8e3';
    expect(signPrehashBase64(secret, '1547015186532', 'GET', '/api/v1/user/api-key')).toBe('pmU7prytKlTtZ5ufMjF8cnJrVBcrxBY2soFXmQbfIW4=');
    expect(kucoinPassphrase(secret, 'my-passphrase')).toBe('sVNmif2caUE5SCRJCgYlwsc6lQaT8d/P6TZ8yPqSYoU=');
  });

  it('Bitget: timestamp + METHOD + path (+ ? query) + body', () => {
    expect(
      signPrehashBase64('6a9e2d4c8f1b3a5e7d9c0b2a4f6e8d1c3b5a7f9e0d2c4b6a8f1e3d5c7b9a0f2e', '1695806875837', 'GET', '/api/v2/spot/account/info'),
    ).toBe('NvL7o10O4bEGcC2IELUudB8WpMNwT0Xpcc0Yl92qESs=');
  });

  it('Bybit: hex of timestamp + API key + recvWindow + query', () => {
    expect(signBybit('XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', '1658384314791', 'XXXXXXXXXX', '5000', '')).toBe(
      '8bec3c04db0416377fdac3d2710980937ee90694e6e440295cca240a0e383460',
    );
  });

  it('Gate: hex HMAC-SHA512 over METHOD, path, query, SHA-512 of the body and timestamp', () => {
    expect(signGate('b8f1f5a8e2b4c7d9a1e3f5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7', 'GET', '/api/v4/account/detail', '', '', '1541993715')).toBe(
      '9b5783729993e35361aba02b89d11e5f03f74c907984d65c55b376f3294028c2780dfc546d3851fd839761e11c2b00c7bd3ec4bd2f82c328064dfbb67a50abc0',
    );
  });

  it('a different secret or one changed byte of the request gives another signature', () => {
    const base = signPrehashBase64('s1', '1', 'GET', '/a');
    expect(signPrehashBase64('s2', '1', 'GET', '/a')).not.toBe(base);
    expect(signPrehashBase64('s1', '2', 'GET', '/a')).not.toBe(base);
    expect(signPrehashBase64('s1', '1', 'GET', '/b')).not.toBe(base);
  });
});
