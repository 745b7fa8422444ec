import { createServer, request as httpRequest, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOutcome, SelfQuery, SignedRequest } from '../../../src/core/self-query';
import { isSelfQuery, selfQueryOf } from '../../../src/exchanges/self-queries';
import { hostResolverRules } from '../../e2e/harness/chromium';
import { type FixtureServer, startFixtureServer } from '../../e2e/harness/server';
import {
  handleMockApi,
  MOCK_API_HOSTS,
  MOCK_EXCHANGES,
  type MockExchange,
  withApiHosts,
  mockAnswer,
  mockCredentials,
  SCENARIOS,
  type Scenario,
} from '../../e2e/harness/mock-exchange-api';
import type { MockReply } from '../../e2e/harness/mock-api/common';

/**
 * The mock exchange APIs against Keyward's own self-queries: a request each exchange's selfQuery
 * builds is accepted and answered per scenario, and its answer reads back as that scenario; a
 * request signed with another secret or stamped ten minutes ago is refused as the exchange
 * documents. The mock recomputes every signature with node:crypto, so these also check
 * src/core/signing.ts against a second implementation.
 */

function queryOf(exchange: MockExchange): SelfQuery {
  const query = selfQueryOf(exchange);
  if (!isSelfQuery(query)) throw new Error(`${exchange} has no self-query`);
  return query;
}

/** The signed request as the mock sees it arrive. */
function asReceived(request: SignedRequest, now: number) {
  const url = new URL(request.url);
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { method: request.method, host: url.hostname, path: url.pathname, query: url.search.slice(1), headers, body: request.body ?? '', now };
}

async function exchangeWith(exchange: MockExchange, credentials: ReturnType<typeof mockCredentials>, builtAt: number): Promise<MockReply | { slow: MockReply }> {
  const request = await queryOf(exchange).build(credentials, builtAt);
  const answer = mockAnswer(asReceived(request, Date.now()));
  if (answer === undefined) throw new Error(`the mock does not answer ${request.method} ${request.url}`);
  return answer;
}

function readBack(exchange: MockExchange, reply: MockReply): CheckOutcome {
  const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  // The background hands read() a JSON body, or null when the body is not JSON.
  return queryOf(exchange).read({ status: reply.status, headers, body: typeof reply.body === 'string' ? null : reply.body });
}

/** Where an exchange cannot tell a refused address or an unknown key apart, it says so. */
const AMBIGUOUS: readonly MockExchange[] = ['binance', 'coinbase'];
/** What each exchange's answer says of the key's permissions (HTX and Gate: nothing). */
const REPORTS_PERMISSIONS: readonly MockExchange[] = ['binance', 'okx', 'bybit', 'kucoin', 'bitget', 'coinbase', 'kraken'];

function expected(exchange: MockExchange, scenario: Exclude<Scenario, 'slow'>): Partial<CheckOutcome> & { kind: CheckOutcome['kind'] } {
  switch (scenario) {
    case 'full':
    case 'withdraw':
      return { kind: 'ok' };
    case 'ip':
    case 'invalid':
      if (AMBIGUOUS.includes(exchange)) return { kind: 'invalid-key-or-ip' };
      // Kraken documents no IP refusal: its "Permission denied" is read as what it documents.
      if (exchange === 'kraken' && scenario === 'ip') return { kind: 'no-permission' };
      return { kind: scenario === 'ip' ? 'ip-refused' : 'invalid-key' };
    case 'passphrase':
      return { kind: 'wrong-passphrase' };
    case 'rate':
      return { kind: 'rate-limited', retryAfterSeconds: 30 };
    case 'error':
      return { kind: 'exchange-error', status: 503 };
  }
}

const cases = MOCK_EXCHANGES.flatMap((exchange) =>
  SCENARIOS.filter((scenario) => scenario !== 'slow' && (scenario !== 'passphrase' || mockCredentials(exchange, 'full').passphrase !== '')).map(
    (scenario) => [exchange, scenario as Exclude<Scenario, 'slow'>] as const,
  ),
);

describe('mock exchange APIs', () => {
  it('answer on every exchange that has a self-query, and on its API host', () => {
    expect([...MOCK_EXCHANGES].sort()).toEqual(['binance', 'bitget', 'bybit', 'coinbase', 'gate', 'htx', 'kraken', 'kucoin', 'okx']);
    for (const exchange of MOCK_EXCHANGES) {
      for (const origin of queryOf(exchange).origins) expect(MOCK_API_HOSTS).toContain(/^https:\/\/([^/]+)\/\*$/.exec(origin)?.[1]);
    }
  });

  it.each(cases)('%s, scenario %s: the self-query is accepted and its answer reads as the scenario', async (exchange, scenario) => {
    const answer = await exchangeWith(exchange, mockCredentials(exchange, scenario), Date.now());
    if ('slow' in answer) throw new Error('only the slow scenario waits');
    const outcome = readBack(exchange, answer);
    expect(outcome).toMatchObject(expected(exchange, scenario));
    if (outcome.kind === 'ok' && REPORTS_PERMISSIONS.includes(exchange)) {
      expect(outcome.report.permissions).toMatchObject({ read: true, trade: true, withdraw: scenario === 'withdraw' });
    }
  });

  it.each(MOCK_EXCHANGES)('%s, scenario slow: the full answer, held back', async (exchange) => {
    const answer = await exchangeWith(exchange, mockCredentials(exchange, 'slow'), Date.now());
    expect('slow' in answer && readBack(exchange, answer.slow).kind).toBe('ok');
  });

  it.each(MOCK_EXCHANGES)('%s: a request signed with another secret is refused as the exchange documents', async (exchange) => {
    const full = mockCredentials(exchange, 'full');
    const wrong = { ...full, secret: mockCredentials(exchange, 'withdraw').secret };
    // Coinbase's scenarios share one private key: another key altogether.
    if (exchange === 'coinbase') wrong.secret = (await import('node:crypto')).generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' }).toString();
    const answer = await exchangeWith(exchange, wrong, Date.now());
    if ('slow' in answer) throw new Error('a refusal does not wait');
    expect(readBack(exchange, answer)).toEqual({ kind: exchange === 'coinbase' ? 'invalid-key-or-ip' : 'invalid-key' });
    expect(answer.body).toEqual(SIGNATURE_REFUSALS[exchange]);
  });

  it.each(MOCK_EXCHANGES)('%s: a request stamped ten minutes ago is refused as the exchange documents', async (exchange) => {
    const answer = await exchangeWith(exchange, mockCredentials(exchange, 'full'), Date.now() - 10 * 60_000);
    if ('slow' in answer) throw new Error('a refusal does not wait');
    // Coinbase's expired token is a bare 401 like every other refusal.
    expect(readBack(exchange, answer)).toEqual({ kind: exchange === 'coinbase' ? 'invalid-key-or-ip' : 'clock-skew' });
  });

  it('refuses a key it does not know as an invalid key', async () => {
    const unknown = { ...mockCredentials('okx', 'full'), apiKey: '00000000-0000-4000-a000-000000000000' };
    const answer = await exchangeWith('okx', unknown, Date.now());
    expect(answer).toMatchObject({ status: 401, body: { code: '50111' } });
  });

  it('hands out no passphrase scenario where the exchange has no passphrase', () => {
    expect(() => mockCredentials('binance', 'passphrase')).toThrow();
  });
});

/** The documented answer to a bad signature, body only (messages as the mock words them). */
const SIGNATURE_REFUSALS: Record<MockExchange, unknown> = {
  htx: { status: 'error', 'err-code': 'api-signature-not-valid', 'err-msg': 'Signature not valid: Verification failure [校验失败]', data: null },
  binance: { code: -1022, msg: 'Signature for this request is not valid.' },
  okx: { code: '50113', msg: 'Invalid Sign', data: [] },
  bybit: expect.objectContaining({ retCode: 10004 }),
  kucoin: { code: '400005', msg: 'Signature error -- Please check your signature' },
  bitget: expect.objectContaining({ code: '40009' }),
  gate: { label: 'INVALID_SIGNATURE', message: 'Signature mismatch' },
  coinbase: 'Unauthorized',
  kraken: { error: ['EAPI:Invalid signature'] },
};

describe('the fixture server with the mock', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  function get(host: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    return new Promise((done, fail) => {
      const req = httpsRequest({ host: '127.0.0.1', port: server.port, path, headers: { host, ...headers }, rejectUnauthorized: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      req.end();
    });
  }

  it('routes an API endpoint to the mock and every other path of that host to the fixture pages', async () => {
    const request = await queryOf('okx').build(mockCredentials('okx', 'ip'), Date.now());
    const api = await get('www.okx.com', new URL(request.url).pathname, { ...request.headers });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ code: '50110' });
    const page = await get('www.okx.com', '/account/my-api/');
    expect(page.status).toBe(200);
    expect(server.requests.map((entry) => [entry.host, entry.path, entry.status])).toEqual([
      ['www.okx.com', '/api/v5/account/config', 401],
      ['www.okx.com', '/account/my-api/', 200],
    ]);
  });
});

describe('a slow key', () => {
  /** A plain server whose only job is the mock, with the slow wait of the test's choosing. */
  async function serve(slowMs: number): Promise<{ server: Server; port: number; handled: Promise<boolean> }> {
    let settle: (handled: boolean) => void = () => undefined;
    const handled = new Promise<boolean>((done) => (settle = done));
    const server = createServer((req, res) => {
      void handleMockApi(req, res, 'api.bybit.com', slowMs).then(settle);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return { server, port: (server.address() as AddressInfo).port, handled };
  }

  async function slowRequest(port: number) {
    const request = await queryOf('bybit').build(mockCredentials('bybit', 'slow'), Date.now());
    return httpRequest({ host: '127.0.0.1', port, path: new URL(request.url).pathname, headers: { host: 'api.bybit.com', ...request.headers } });
  }

  it('answers in full once its wait is over', async () => {
    const { server, port } = await serve(10);
    const req = await slowRequest(port);
    const body = await new Promise<string>((done, fail) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(text));
      });
      req.on('error', fail);
      req.end();
    });
    expect(readBack('bybit', { status: 200, body: JSON.parse(body) as unknown })).toMatchObject({ kind: 'ok' });
    server.close();
  });

  it('stops waiting when the client goes away, though its wait is an hour', async () => {
    const { server, port, handled } = await serve(60 * 60_000);
    const req = await slowRequest(port);
    req.on('error', () => undefined);
    req.end();
    // Give the server the request, then go away: the handler must finish without answering.
    server.once('request', () => setImmediate(() => req.destroy()));
    expect(await handled).toBe(true);
    server.close();
  });
});

describe('the browsers map the API hosts with the fixture hosts', () => {
  it('adds every API host once, after the fixture hosts', () => {
    const hosts = withApiHosts(['www.okx.com', 'www.htx.com']);
    expect(hosts.slice(0, 2)).toEqual(['www.okx.com', 'www.htx.com']);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const host of MOCK_API_HOSTS) expect(hosts).toContain(host);
  });

  it('sends https to an API host to the fixture server in Chromium', () => {
    expect(hostResolverRules(['www.htx.com'], 4443).split(', ')).toEqual(
      expect.arrayContaining(['MAP www.htx.com:443 127.0.0.1:4443', 'MAP api.binance.com:443 127.0.0.1:4443', 'MAP api.kraken.com:443 127.0.0.1:4443']),
    );
  });
});
