/**
 * API documentation on the official hosts, with example credentials in tables and <pre> code
 * samples: Binance's documented example (apiKey vmPUZE6m…, secretKey NhqPtmdS…), MEXC's
 * (mx0aBYs33eIilxBWC5 / 45d0b3c2…), and credential-shaped examples in OKX's and Gate's samples.
 * Examples are not the user's key: nothing may be captured, offered or noted.
 */
import type { NearMiss, Page } from '../drive';
import { page, nearMiss, type NewKey } from './build';
import { css, escapeHtml, shell } from './chrome';

export const EXAMPLE = {
  binanceKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  binanceSecret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
  binanceSignature: 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
  mexcKey: 'mx0aBYs33eIilxBWC5',
  mexcSecret: '45d0b3c26f2644f19bfb98b07741b2f5',
  mexcSignature: 'fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a',
  okxKey: '37c541a1-3c9f-4b60-a2b1-8f1bc5c0d8e2',
  okxSecret: '5b8e3f0c9d1a4e7b2c6f8a0d3e5b7c9a',
  gateKey: '7f3c2b1a9e8d4c6b5a0f1e2d3c4b5a69',
  gateSecret: 'e4b1c7d2a9f03e6b8c5d1a7f2e9b4c0d6a3f8e1b7c2d9a5f0e4b3c8d1a6f2e97',
} as const;

interface Row {
  key: string;
  value: string;
}

/** A docs "Key | Value" table, as Binance's signed-endpoint example shows its parameters. */
function kvTable(head: [string, string], rows: Row[]): string {
  return `<table class="${css('md-table')}"><thead><tr><th>${head[0]}</th><th>${head[1]}</th></tr></thead><tbody>${rows
    .map((r) => `<tr><td>${r.key}</td><td>${r.value}</td></tr>`)
    .join('')}</tbody></table>`;
}

function pre(code: string): string {
  return `<div class="${css('code-block')}"><pre><code>${escapeHtml(code)}</code></pre><button type="button" aria-label="Copy code"></button></div>`;
}

/**
 * Modelled on Binance's Spot API docs, "SIGNED Endpoint Examples for POST /api/v3/order - HMAC
 * Keys" (developers.binance.com/docs/binance-spot-api-docs/rest-api; the same docs are linked from
 * www.binance.com/en/binance-api): a Key/Value table with apiKey and secretKey, the parameters, and
 * shell examples with the HMAC and curl.
 */
function binanceDocs(rows: Row[]): string {
  return shell('Binance', 'en', 'SIGNED Endpoint Examples for POST /api/v3/order', `<article class="${css('markdown')}"><h2>HMAC Keys</h2>
      <p>Here is a step-by-step example of how to send a valid signed payload from the Linux command line using echo, openssl, and curl.</p>
      ${kvTable(['Key', 'Value'], rows)}
      ${kvTable(['Parameter', 'Value'], [
        { key: 'symbol', value: 'LTCBTC' },
        { key: 'side', value: 'BUY' },
        { key: 'type', value: 'LIMIT' },
        { key: 'timestamp', value: '1499827319559' },
      ])}
      <h3>Example 1: As a request body</h3>
      ${pre(`$ echo -n "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559" | openssl dgst -sha256 -hmac "${EXAMPLE.binanceSecret}"
(stdin)= ${EXAMPLE.binanceSignature}`)}
      ${pre(`(HMAC SHA256)
$ curl -H "X-MBX-APIKEY: ${EXAMPLE.binanceKey}" -X POST 'https://api.binance.com/api/v3/order' -d 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=${EXAMPLE.binanceSignature}'`)}
    </article>`,
  );
}

/**
 * Modelled on MEXC's Spot V3 docs, "Signature" (www.mexc.com/api-docs/spot-v3/introduction): the
 * example apiKey and secretKey in a table, then the signature example as code.
 */
function mexcDocs(): string {
  return shell('MEXC', 'en', 'Spot V3 API: Signature', `<article class="${css('markdown')}"><h2>Signature</h2><p>Take the following parameters as an example:</p>
      ${kvTable(['Key', 'Value'], [
        { key: 'apiKey', value: EXAMPLE.mexcKey },
        { key: 'secretKey', value: EXAMPLE.mexcSecret },
      ])}
      ${pre(`echo -n "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087" | openssl dgst -sha256 -hmac "${EXAMPLE.mexcSecret}"
(stdin)= ${EXAMPLE.mexcSignature}`)}</article>`,
  );
}

/**
 * Modelled on OKX's API v5 docs in Chinese, "REST 请求验证" (www.okx.com/docs-v5/zh/#overview-rest-authentication):
 * the request headers described in a definition list and a Python sample setting api_key,
 * secret_key and passphrase. The values are ours, in OKX's formats (UUID key, 32-hex secret).
 */
function okxDocsZh(): string {
  return shell('OKX', 'zh', 'API 文档 v5', `<article class="${css('markdown')}"><h2>REST 请求验证</h2>
      <dl><dt>OK-ACCESS-KEY</dt><dd>字符串类型的APIKey</dd><dt>OK-ACCESS-SIGN</dt><dd>使用HMAC SHA256哈希函数获得哈希值，再使用Base-64编码</dd><dt>OK-ACCESS-PASSPHRASE</dt><dd>您在创建API密钥时指定的Passphrase</dd></dl>
      <p>示例：</p>
      ${pre(`import okx.Account as Account

api_key = "${EXAMPLE.okxKey}"
secret_key = "${EXAMPLE.okxSecret}"
passphrase = "Tr4d1ng!"
flag = "1"  # 实盘: 0, 模拟盘: 1

accountAPI = Account.AccountAPI(api_key, secret_key, passphrase, False, flag)`)}
      ${kvTable(['参数', '示例'], [
        { key: 'API Key', value: EXAMPLE.okxKey },
        { key: 'Secret Key', value: EXAMPLE.okxSecret },
      ])}</article>`,
  );
}

/**
 * Modelled on Gate's APIv4 docs (www.gate.io/docs/developers/apiv4/en/#authentication): the
 * "API Signature string generation" section with a Python sample; key and secret values ours, in
 * Gate's formats (32 and 64 hex).
 */
function gateDocs(): string {
  return shell('Gate', 'en', 'Gate API v4', `<article class="${css('markdown')}"><h2>APIv4 signed request requirements</h2>
      <p>Generate APIv4 Key pairs in web console, and make sure it has the right permissions.</p>
      ${pre(`import hashlib, hmac, time

key = "${EXAMPLE.gateKey}"        # api_key
secret = "${EXAMPLE.gateSecret}"  # api_secret

def gen_sign(method, url, query_string=None, payload_string=None):
    t = time.time()
    m = hashlib.sha512()
    m.update((payload_string or "").encode('utf-8'))
    hashed_payload = m.hexdigest()
    s = '%s\\n%s\\n%s\\n%s\\n%s' % (method, url, query_string or "", hashed_payload, t)
    sign = hmac.new(secret.encode('utf-8'), s.encode('utf-8'), hashlib.sha512).hexdigest()
    return {'KEY': key, 'Timestamp': str(t), 'SIGN': sign}`)}
      <dl><dt>KEY</dt><dd><code>${EXAMPLE.gateKey}</code></dd><dt>SECRET</dt><dd><code>${EXAMPLE.gateSecret}</code></dd></dl></article>`,
  );
}

export const pages: Page[] = [
  {
    ...page("Binance API docs: the documented example apiKey / secretKey in a Key-Value table and in <pre>", 'binance', 'en', 'https://www.binance.com/en/binance-api'),
    html: binanceDocs([
      { key: 'apiKey', value: EXAMPLE.binanceKey },
      { key: 'secretKey', value: EXAMPLE.binanceSecret },
    ]),
    decoys: [EXAMPLE.binanceKey, EXAMPLE.binanceSecret, EXAMPLE.binanceSignature],
  },
  {
    ...page('MEXC Spot V3 docs: the documented example apiKey / secretKey', 'mexc', 'en', 'https://www.mexc.com/api-docs/spot-v3/introduction'),
    html: mexcDocs(),
    decoys: [EXAMPLE.mexcKey, EXAMPLE.mexcSecret, EXAMPLE.mexcSignature],
  },
  {
    ...page('OKX API 文档 (zh): api_key / secret_key in a Python sample and an example table', 'okx', 'zh-CN', 'https://www.okx.com/docs-v5/zh/'),
    html: okxDocsZh(),
    decoys: [EXAMPLE.okxKey, EXAMPLE.okxSecret],
  },
  {
    ...page('Gate APIv4 docs: key / secret in a Python sample and a KEY / SECRET list', 'gate', 'en', 'https://www.gate.io/docs/developers/apiv4/en/'),
    html: gateDocs(),
    decoys: [EXAMPLE.gateKey, EXAMPLE.gateSecret],
  },
];

const BINANCE_NEW: NewKey = { apiKey: 'zQ8kR2mW5xT9vB3nL7pY1cF4hJ6dG0sAeU2iO8wK5rM3tN9qV7bX1yZ4uC6fH0jP', secret: 'pT3wQ9eR7yU1iO5aS8dF2gH6jK4lZ0xC3vB7nM1qW9eR5tY2uI8oP4aS6dF0gH3j' };

export const nearMisses: NearMiss[] = [
  nearMiss(BINANCE_NEW, {
    ...page('Binance: the docs layout (Key-Value table) on the API page, showing a new API Key and Secret Key', 'binance', 'en', 'https://www.binance.com/en/my/settings/api-management'),
    html: binanceDocs([
      { key: 'API Key', value: BINANCE_NEW.apiKey },
      { key: 'Secret Key', value: BINANCE_NEW.secret },
    ]),
    decoys: [EXAMPLE.binanceSignature],
  }),
];
