// Mock exchange APIs for end-to-end tests of "check a key with the exchange" (issue 11): each
// exchange's self-query endpoint on its real API host, verifying the request as the exchange's
// documentation says (method, path, headers, timestamp window, signature recomputed with
// node:crypto) and answering by the scenario its API key stands for. The fixture server
// (server.ts) hands it every request whose Host is an API host; browsers map the hosts to
// 127.0.0.1 with the fixture hosts (chromium.ts, firefox.ts).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { binance } from './mock-api/binance';
import { bitget } from './mock-api/bitget';
import { bybit } from './mock-api/bybit';
import { coinbase } from './mock-api/coinbase';
import { type MockAccount, type MockApi, type MockReply, type MockRequest, SCENARIOS, type Scenario, SLOW_MS } from './mock-api/common';
import { gate } from './mock-api/gate';
import { htx } from './mock-api/htx';
import { kraken } from './mock-api/kraken';
import { kucoin } from './mock-api/kucoin';
import { okx } from './mock-api/okx';

export { SCENARIOS, type Scenario } from './mock-api/common';

const APIS = { htx, binance, okx, bybit, kucoin, bitget, gate, coinbase, kraken } as const satisfies Record<string, MockApi>;

export type MockExchange = keyof typeof APIS;
export const MOCK_EXCHANGES = Object.keys(APIS) as MockExchange[];

/** Every API host the mock answers on: map these to 127.0.0.1 with the fixture hosts. */
export const MOCK_API_HOSTS: readonly string[] = Object.freeze([...new Set(Object.values(APIS).map((api) => api.host))]);

/** The hosts a browser maps to the fixture server: the given ones, then the API hosts not among them. */
export function withApiHosts(hosts: readonly string[]): string[] {
  return [...hosts, ...MOCK_API_HOSTS.filter((host) => !hosts.includes(host))];
}

/**
 * A test-only EC P-256 key (made for these tests, used nowhere else): every Coinbase scenario
 * signs with it, told apart by its key name. WebCrypto and node:crypto both read it.
 */
const COINBASE_TEST_PEM = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIHiogQay3o10XEHIkzQ5mcQQqqXm3ULBVBo+hgPM9p11oAoGCCqGSM49
AwEHoUQDQgAE+uxtQfD/gi+/Jc6L3shVrql6pi+sgi97mtgpX9mBH5DPUlZjzFXh
cRhlZl7a8D+TaYVywhb7f+8LZ3ZKLz1jkA==
-----END EC PRIVATE KEY-----`;

/** Deterministic hex for one credential of one scenario, so the same names hold across processes. */
function hex(exchange: MockExchange, scenario: Scenario, what: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`${exchange}/${scenario}/${what}/${i}`).digest('hex');
  return out.slice(0, length);
}

const uuid = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;

/** Credentials in each exchange's own shapes (src/exchanges/<id>/index.ts), so Keyward takes them without a format warning. */
function shaped(exchange: MockExchange, scenario: Scenario): { apiKey: string; secret: string } {
  const key = (length: number) => hex(exchange, scenario, 'key', length);
  const secret = (length: number) => hex(exchange, scenario, 'secret', length);
  const base64 = (h: string) => Buffer.from(h, 'hex').toString('base64');
  switch (exchange) {
    case 'htx': {
      const group = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 16)}-${h.slice(16, 24)}-${h.slice(24, 29)}`;
      return { apiKey: group(key(29)), secret: group(secret(29)) };
    }
    case 'binance':
      return { apiKey: key(64), secret: secret(64) };
    case 'okx':
      return { apiKey: uuid(key(32)), secret: secret(32).toUpperCase() };
    case 'bybit':
      return { apiKey: key(18), secret: secret(36) };
    case 'kucoin':
      return { apiKey: key(24), secret: uuid(secret(32)) };
    case 'bitget':
      return { apiKey: `bg_${key(32)}`, secret: secret(64) };
    case 'gate':
      return { apiKey: key(32), secret: secret(64) };
    case 'kraken':
      // 42 bytes are 56 base64 characters, 64 bytes 88.
      return { apiKey: base64(key(84)), secret: base64(secret(128)) };
    case 'coinbase':
      return { apiKey: `organizations/${uuid(key(32))}/apiKeys/${uuid(hex(exchange, scenario, 'id', 32))}`, secret: COINBASE_TEST_PEM };
  }
}

export interface MockCredentials {
  apiKey: string;
  secret: string;
  /** "" where the exchange has none. */
  passphrase: string;
}

/** The credentials of the key that stands for `scenario` on `exchange`; 'passphrase' only where the exchange has one. */
export function mockCredentials(exchange: MockExchange, scenario: Scenario): MockCredentials {
  if (scenario === 'passphrase' && !APIS[exchange].passphrase) throw new Error(`${exchange} keys have no passphrase`);
  return { ...shaped(exchange, scenario), passphrase: APIS[exchange].passphrase ? `kw-${scenario}-passphrase` : '' };
}

/** Every scenario's key, by exchange and API key, as the exchange holds it. */
const ACCOUNTS = new Map<string, MockAccount>(
  MOCK_EXCHANGES.flatMap((exchange) =>
    SCENARIOS.filter((scenario) => scenario !== 'passphrase' || APIS[exchange].passphrase).map((scenario) => {
      const given = mockCredentials(exchange, scenario);
      // The exchange holds another passphrase than the one handed out: that is the scenario.
      const passphrase = scenario === 'passphrase' ? `${given.passphrase}-as-created` : given.passphrase;
      return [`${exchange} ${given.apiKey}`, { scenario, apiKey: given.apiKey, secret: given.secret, passphrase }] as const;
    }),
  ),
);

/** The endpoint a request is for, by host, method and path; undefined for anything else. */
function apiFor(host: string, method: string, path: string): [MockExchange, MockApi] | undefined {
  const found = Object.entries(APIS).find(([, api]) => api.host === host && api.method === method && api.path === path);
  return found === undefined ? undefined : [found[0] as MockExchange, found[1]];
}

/** What the exchange answers to this request; 'slow' when the answer is to wait first. */
export function mockAnswer(request: MockRequest): MockReply | { slow: MockReply } | undefined {
  const found = apiFor(request.host, request.method, request.path);
  if (found === undefined) return undefined;
  const [exchange, api] = found;
  const key = api.keyOf(request);
  const account = key === undefined ? undefined : ACCOUNTS.get(`${exchange} ${key}`);
  if (account === undefined || account.scenario === 'invalid') return api.refuse('invalid');
  const refused = api.verify(request, account);
  if (refused) return refused;
  switch (account.scenario) {
    case 'full':
    case 'withdraw':
      return api.answer(account.scenario);
    case 'slow':
      return { slow: api.answer('full') };
    default:
      return api.refuse(account.scenario);
  }
}

function send(res: ServerResponse, reply: MockReply): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const type = typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(reply.status, { 'content-type': type, 'cache-control': 'no-store', ...reply.headers }).end(text);
}

/** Bodies of a self-query are a few bytes; a larger one is not one. */
const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY) req.destroy(new Error('body too large'));
    });
    req.on('end', () => done(text));
    req.on('error', fail);
  });
}

/**
 * Answers the request when it is for a mock API endpoint, and says whether it did: the fixture
 * server serves everything else as before (an API host may also be a fixture host: www.okx.com).
 * `host` is the Host header without port, lower case; `slowMs` is how long 'slow' keys wait.
 */
export async function handleMockApi(req: IncomingMessage, res: ServerResponse, host: string, slowMs = SLOW_MS): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'https://placeholder');
  const method = req.method ?? 'GET';
  if (apiFor(host, method, url.pathname) === undefined) return false;
  const body = await readBody(req);
  const answer = mockAnswer({ method, host, path: url.pathname, query: url.search.slice(1), headers: req.headers, body, now: Date.now() });
  if (answer === undefined) return false;
  if (!('slow' in answer)) {
    send(res, answer);
    return true;
  }
  // Answers after slowMs, or never when the client gives up first (the timer must not outlive it).
  await new Promise<void>((done) => {
    const timer = setTimeout(() => {
      res.off('close', gone);
      send(res, answer.slow);
      done();
    }, slowMs);
    const gone = () => {
      clearTimeout(timer);
      done();
    };
    res.on('close', gone);
  });
  return true;
}

