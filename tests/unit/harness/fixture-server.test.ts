import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../e2e/harness/server';

/**
 * The fixture server's extra roots (what `npm start` serves its guide from): their pages are
 * served under their host, before the fixture roots, and the site copies are still served.
 */

/** Status and body of GET https://<host><path> on the server, the Host header naming the site. */
function get(server: FixtureServer, host: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host }, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('fixture server extra roots', () => {
  let folder: string;
  let withExtra: FixtureServer;
  let plain: FixtureServer;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'keyward-extra-root-'));
    await mkdir(join(folder, 'guide.example'), { recursive: true });
    await writeFile(join(folder, 'guide.example', 'index.html'), '<title>the guide</title>');
    // Shadows a site copy: the extra root is looked in first.
    await mkdir(join(folder, 'www.htx.com', 'en-us', 'apikey'), { recursive: true });
    await writeFile(join(folder, 'www.htx.com', 'en-us', 'apikey', 'index.html'), '<title>shadowed</title>');
    [withExtra, plain] = await Promise.all([startFixtureServer(undefined, { extraRoots: [folder] }), startFixtureServer()]);
  });
  afterAll(async () => {
    await Promise.all([withExtra.close(), plain.close()]);
    await rm(folder, { recursive: true, force: true });
  });

  it('serves an extra root’s page under its host, and only where that root is given', async () => {
    expect(await get(withExtra, 'guide.example', '/')).toEqual({ status: 200, body: '<title>the guide</title>' });
    expect((await get(plain, 'guide.example', '/')).status).toBe(404);
  });

  it('looks in the extra roots first, and still serves the site copies they lack', async () => {
    expect((await get(withExtra, 'www.htx.com', '/en-us/apikey/')).body).toBe('<title>shadowed</title>');
    const copy = await get(plain, 'www.htx.com', '/en-us/apikey/');
    expect(copy.body).toContain('Create API Key');
    expect(await get(withExtra, 'app.3commas.io', '/accounts/new/')).toMatchObject({ status: 200, body: expect.stringContaining('3Commas') });
  });
});
