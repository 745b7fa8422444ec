// Static fixture server for e2e tests: the same files over HTTPS and plain HTTP, each on its own
// random 127.0.0.1 port, with per-host folders so one server can impersonate several exchanges.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SHARED_FIXTURES, fixtureFile, fixtureRoots } from './fixture-files';
import { MOCK_API_HOSTS, handleMockApi } from './mock-exchange-api';

const run = promisify(execFile);

/** Pages of no particular site; each site's own pages live in its folder (see fixture-files.ts). */
export const FIXTURES_ROOT = SHARED_FIXTURES;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

/** Only the page's own origin for everything; inline script and style as the fixtures use them. */
const STRICT_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; frame-src 'self'; child-src 'self'";

export interface RequestLogEntry {
  scheme: 'https' | 'http';
  host: string;
  path: string;
  status: number;
}

export interface FixtureServer {
  /** HTTPS port. */
  port: number;
  /** Plain-HTTP port (same files). */
  httpPort: number;
  /** `https://host:port/path` — works in both browsers (see chromium.ts for the port-less form). */
  url(host: string, path: string): string;
  /** `http://host:httpPort/path`. */
  httpUrl(host: string, path: string): string;
  /** Every request served, in order — lets a test assert that a page was (not) fetched. */
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Extra names for the certificate's SAN (browsers ignore cert errors anyway; this is for curl -k-free debugging). */
  hosts?: string[];
  /**
   * Folders laid out like the fixture roots (<folder>/<host>/<path>), looked in first: pages that
   * are no site's copy, like the guide `npm start` opens.
   */
  extraRoots?: string[];
}

/** Self-signed cert + key via the openssl CLI, into a fresh temp dir. */
async function makeCertificate(hosts: string[]): Promise<{ dir: string; key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'keyward-cert-'));
  const san = ['DNS:localhost', 'IP:127.0.0.1', ...hosts.map((h) => `DNS:${h}`)].join(',');
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  // EC P-256 keeps generation instant (RSA 2048 costs noticeable time on a 2-core box).
  await run('openssl', [
    'req', '-x509', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=keyward-e2e',
    '-addext', `subjectAltName=${san}`,
  ]);
  return { dir, key: await readFile(keyPath), cert: await readFile(certPath) };
}

/** Serves every fixture page under its host (fixture-files.ts), or only those under `root` when given. */
export async function startFixtureServer(root?: string, options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const only = root === undefined ? undefined : [resolve(root)];
  const extra = (options.extraRoots ?? []).map((folder) => resolve(folder));
  // fixtureRoots() per request, as before: a site folder added while the server runs is served.
  const roots = () => [...extra, ...(only ?? fixtureRoots())];
  const { dir: certDir, key, cert } = await makeCertificate(options.hosts ?? []);
  const requests: RequestLogEntry[] = [];

  const handler = (scheme: 'https' | 'http') => (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      // Host header without port; IPv6 literals are not used by the tests.
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const requested = new URL(req.url ?? '/', 'http://placeholder');
      const path = requested.pathname;
      // An exchange's API endpoint (mock-exchange-api.ts); every other path of that host is a page as before.
      if (scheme === 'https' && MOCK_API_HOSTS.includes(host) && (await handleMockApi(req, res, host))) {
        requests.push({ scheme, host, path, status: res.statusCode });
        return;
      }
      const file = req.method === 'GET' || req.method === 'HEAD' ? fixtureFile(host, path, roots()) : null;
      const type = file === null ? undefined : CONTENT_TYPES[extname(file).toLowerCase()];
      if (file === null || type === undefined) {
        requests.push({ scheme, host, path, status: 404 });
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const body = await readFile(file);
      requests.push({ scheme, host, path, status: 200 });
      // ?csp=strict serves the page under a strict Content-Security-Policy, as real platforms send.
      const csp = requested.searchParams.get('csp') === 'strict' ? { 'content-security-policy': STRICT_CSP } : {};
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store', ...csp });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  };

  const https = createHttpsServer({ key, cert }, handler('https'));
  const http = createHttpServer(handler('http'));
  const listen = (server: Server) =>
    new Promise<number>((done, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port));
    });
  const [port, httpPort] = await Promise.all([listen(https), listen(http)]);

  const stop = (server: Server) =>
    new Promise<void>((done) => {
      // Browsers keep sockets alive; without this close() waits for their idle timeout.
      server.closeAllConnections();
      server.close(() => done());
    });

  return {
    port,
    httpPort,
    requests,
    url: (host, path) => `https://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    httpUrl: (host, path) => `http://${host}:${httpPort}${path.startsWith('/') ? path : `/${path}`}`,
    async close() {
      await Promise.all([stop(https), stop(http)]);
      await rm(certDir, { recursive: true, force: true });
    },
  };
}
