import { describe, expect, it } from 'vitest';
import type { Credentials, ExchangeId, KeyDetails, KeySummary } from '../../../src/core/records';
import type { CheckOutcome, NoSelfQuery, QueryAnswer, SelfQuery, SignedRequest } from '../../../src/core/self-query';
import { type CheckableVault, CHECK_CONCURRENCY, CHECK_PER_EXCHANGE, KeyCheckService, REPORT_KEPT_MS, urlWithinOrigins } from '../../../src/background/key-check';

const SECRET = 'the-stored-secret-0123456789';

function summary(id: string, exchange: ExchangeId, details: Partial<KeyDetails> = {}): KeySummary {
  return {
    id,
    exchange,
    createdAt: 0,
    updatedAt: 0,
    label: 'bot',
    account: 'main',
    permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: [] },
    ipWhitelist: ['1.2.3.4'],
    source: { kind: 'manual' },
    bindings: [],
    notes: '',
    apiKeyTail: 'tail',
    risk: { withdraw: false, transfer: false, noIpWhitelist: false },
    pendingAdoption: false,
    ...details,
  };
}

/** An open vault in memory: the details the service writes are kept, so tests read them back. */
function memoryVault(keys: KeySummary[]) {
  const byId = new Map(keys.map((key) => [key.id, key]));
  const writes: string[] = [];
  const vault: CheckableVault = {
    get: async (id) => {
      const key = byId.get(id);
      if (!key) throw new Error('not found');
      return key;
    },
    credentials: async (): Promise<Credentials> => ({ apiKey: 'key-id', secret: SECRET, passphrase: '' }),
    updateDetails: async (id, change) => {
      const key = byId.get(id);
      if (!key) throw new Error('not found');
      const next = { ...key, ...change(key) };
      byId.set(id, next);
      writes.push(id);
      return next;
    },
  };
  return { vault, writes, byId };
}

function query(read: (answer: QueryAnswer) => CheckOutcome, build?: SelfQuery['build']): SelfQuery {
  return {
    endpoint: 'GET /self',
    origins: ['https://api.example.test/*'],
    build:
      build ??
      ((credentials) => ({ method: 'GET', url: 'https://api.example.test/self', headers: { 'x-key': credentials.apiKey, 'x-sign': 'signature' } })),
    read,
  };
}

const fullReport: CheckOutcome = {
  kind: 'ok',
  report: { permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: ['withdraw'] }, ipWhitelist: [] },
};

function service(options: {
  queryOf?: (exchange: ExchangeId) => SelfQuery | NoSelfQuery;
  allowed?: boolean;
  send?: (request: SignedRequest) => Promise<QueryAnswer | 'timeout' | 'offline'>;
  now?: () => number;
}) {
  const sent: SignedRequest[] = [];
  const svc = new KeyCheckService({
    queryOf: options.queryOf ?? (() => query(() => fullReport)),
    hasOrigins: async () => options.allowed ?? true,
    send: async (request) => {
      sent.push(request);
      return options.send ? options.send(request) : { status: 200, headers: {}, body: {} };
    },
    now: options.now ?? (() => 1_000),
  });
  return { svc, sent };
}

describe('checking a key with its exchange', () => {
  it('reports the differences, remembers the check on the key, and applies only on request', async () => {
    const { vault, byId } = memoryVault([summary('a', 'okx')]);
    const { svc, sent } = service({});
    const view = await svc.check(vault, 'a');
    expect(sent).toHaveLength(1);
    expect(view.result.kind).toBe('ok');
    if (view.result.kind !== 'ok') return;
    expect(view.result.differences.map((d) => d.field)).toEqual(['withdraw', 'ipWhitelist']);
    // Checked, not yet taken in: the vault still says what it said.
    expect(byId.get('a')?.permissions?.withdraw).toBe(false);
    expect(byId.get('a')?.lastCheck).toEqual({ at: 1_000, outcome: 'ok' });
    const applied = await svc.apply(vault, 'a');
    expect(applied.permissions?.withdraw).toBe(true);
    expect(applied.ipWhitelist).toEqual([]);
    // Once: a second apply needs a new check.
    await expect(svc.apply(vault, 'a')).rejects.toThrow(/check the key again/);
  });

  it('refuses to apply a report older than it keeps, or one never fetched', async () => {
    const { vault } = memoryVault([summary('a', 'okx')]);
    let now = 0;
    const { svc } = service({ now: () => now });
    await expect(svc.apply(vault, 'a')).rejects.toThrow(/check the key again/);
    await svc.check(vault, 'a');
    now = REPORT_KEPT_MS + 1;
    await expect(svc.apply(vault, 'a')).rejects.toThrow(/check the key again/);
  });

  it('says there is none for an exchange without a self-query, and sends nothing', async () => {
    const { vault, writes } = memoryVault([summary('a', 'mexc')]);
    const { svc, sent } = service({ queryOf: () => ({ unavailable: true }) });
    expect((await svc.check(vault, 'a')).result).toEqual({ kind: 'unsupported' });
    expect(sent).toHaveLength(0);
    expect(writes).toHaveLength(0);
  });

  it('asks for the host permission first, without reading the credentials or sending', async () => {
    const { vault } = memoryVault([summary('a', 'okx')]);
    let read = false;
    vault.credentials = async () => {
      read = true;
      return { apiKey: 'k', secret: SECRET, passphrase: '' };
    };
    const { svc, sent } = service({ allowed: false });
    expect((await svc.check(vault, 'a')).result).toEqual({ kind: 'needs-permission', origins: ['https://api.example.test/*'] });
    expect(read).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it('never sends a request a module built for a host it did not declare', async () => {
    const { vault } = memoryVault([summary('a', 'okx')]);
    const stray = query(
      () => fullReport,
      () => ({ method: 'GET', url: 'https://evil.test/self', headers: {} }),
    );
    const { svc, sent } = service({ queryOf: () => stray });
    expect((await svc.check(vault, 'a')).result).toEqual({ kind: 'cannot-sign' });
    expect(sent).toHaveLength(0);
  });

  it('passes on no word of a failed build (it could quote the secret)', async () => {
    const { vault } = memoryVault([summary('a', 'okx')]);
    const failing = query(
      () => fullReport,
      (credentials) => {
        throw new Error(`cannot use ${credentials.secret}`);
      },
    );
    const { svc } = service({ queryOf: () => failing });
    const view = await svc.check(vault, 'a');
    expect(view.result).toEqual({ kind: 'cannot-sign' });
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });

  it('names a timeout, no network and an answer the module cannot read', async () => {
    const { vault } = memoryVault([summary('a', 'okx'), summary('b', 'okx'), summary('c', 'okx')]);
    const answers: Record<string, QueryAnswer | 'timeout' | 'offline'> = { a: 'timeout', b: 'offline', c: { status: 200, headers: {}, body: 'x' } };
    let current = 'a';
    const { svc } = service({
      queryOf: () =>
        query(() => {
          throw new Error('unexpected shape');
        }),
      send: async () => answers[current] ?? 'offline',
    });
    for (const [id, kind] of [['a', 'timeout'], ['b', 'offline'], ['c', 'unreadable-answer']] as const) {
      current = id;
      expect((await svc.check(vault, id)).result.kind).toBe(kind);
    }
  });

  it(`runs at most ${CHECK_CONCURRENCY} checks at once, ${CHECK_PER_EXCHANGE} per exchange`, async () => {
    // Many keys of one exchange first: without the per-exchange bound they would fill every slot.
    const exchanges: ExchangeId[] = [...Array<ExchangeId>(8).fill('htx'), 'okx', 'okx', 'bybit', 'bybit', 'gate', 'gate', 'kucoin', 'kucoin'];
    const keys = exchanges.map((exchange, i) => summary(`k${i}`, exchange));
    const { vault } = memoryVault(keys);
    let inFlight = 0;
    let most = 0;
    const perHost = new Map<string, number>();
    let mostPerExchange = 0;
    const release: (() => void)[] = [];
    const { svc } = service({
      queryOf: (exchange) =>
        query(
          () => fullReport,
          () => ({ method: 'GET', url: 'https://api.example.test/self', headers: { exchange } }),
        ),
      send: (request) => {
        const exchange = request.headers.exchange ?? '';
        inFlight++;
        perHost.set(exchange, (perHost.get(exchange) ?? 0) + 1);
        most = Math.max(most, inFlight);
        mostPerExchange = Math.max(mostPerExchange, perHost.get(exchange) ?? 0);
        return new Promise((resolve) => {
          release.push(() => {
            inFlight--;
            perHost.set(exchange, (perHost.get(exchange) ?? 1) - 1);
            resolve({ status: 200, headers: {}, body: {} });
          });
        });
      },
    });
    const all = Promise.all(keys.map((key) => svc.check(vault, key.id)));
    // Release one answer at a time until every check has been sent and answered.
    for (let answered = 0; answered < keys.length; answered++) {
      while (release.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      release.shift()?.();
    }
    expect((await all).every((view) => view.result.kind === 'ok')).toBe(true);
    expect(most).toBe(CHECK_CONCURRENCY);
    expect(mostPerExchange).toBe(CHECK_PER_EXCHANGE);
  });
});

describe('urlWithinOrigins', () => {
  it('accepts https on a declared host and its subdomains where the pattern says so', () => {
    expect(urlWithinOrigins('https://api.binance.com/sapi/v1/x?y=1', ['https://api.binance.com/*'])).toBe(true);
    expect(urlWithinOrigins('https://eu.api.example.com/x', ['https://*.example.com/*'])).toBe(true);
  });

  it('refuses http, other hosts, look-alike suffixes and credentials in the URL', () => {
    const origins = ['https://api.binance.com/*'];
    expect(urlWithinOrigins('http://api.binance.com/x', origins)).toBe(false);
    expect(urlWithinOrigins('https://api.binance.com.evil.test/x', origins)).toBe(false);
    expect(urlWithinOrigins('https://evilapi.binance.com/x', origins)).toBe(false);
    expect(urlWithinOrigins('https://user:pw@api.binance.com/x', origins)).toBe(false);
    expect(urlWithinOrigins('not a url', origins)).toBe(false);
  });
});
