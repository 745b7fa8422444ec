import { describe, expect, it } from 'vitest';
import { type SiteBrowserApi, SitesService, platformScriptFile } from '../../../src/background/sites';
import { FillService } from '../../../src/background/fill';
import type { Caller } from '../../../src/background/broker';
import { MemoryArea } from './memory-area';
import type { LockService } from '../../../src/background/lock';

/** A browser whose permission grants and registered scripts the test can see and change. */
function fakeBrowser(granted: string[] = []) {
  const permissions = new Set(granted);
  const scripts = new Map<string, { matches: string[]; file: string }>();
  const injected: string[] = [];
  const probed: number[] = [];
  const api: SiteBrowserApi = {
    hasHostPermission: async (pattern) => permissions.has(pattern),
    removeHostPermission: async (pattern) => void permissions.delete(pattern),
    registeredScriptIds: async () => [...scripts.keys()],
    registerScript: async ({ id, matches, file }) => {
      if (scripts.has(id)) throw new Error('Duplicate script id');
      scripts.set(id, { matches, file });
    },
    unregisterScripts: async (ids) => ids.forEach((id) => scripts.delete(id)),
    injectIntoOpenTabs: async (pattern, file) => void injected.push(`${pattern} ${file}`),
    tabUrl: async (tabId) => (tabId === 1 ? 'https://bots.example.net/keys' : tabId === 3 ? 'https://www.htx.com/en-us/apikey/' : null),
    probeTab: async (tabId) => {
      probed.push(tabId);
      return tabId === 1 || tabId === 3 ? { url: tabId === 1 ? 'https://bots.example.net/keys' : 'https://www.htx.com/en-us/apikey/', found: 'generic' } : null;
    },
  };
  return { api, permissions, scripts, injected, probed };
}

const reserved = { exchangeHosts: new Set(['www.htx.com']), platformHosts: new Set(['app.3commas.io']) };

describe('SitesService', () => {
  it('adds a granted https site: stored, trusted, its script registered and run in open tabs', async () => {
    const area = new MemoryArea();
    const browser = fakeBrowser(['https://octobot.example.net:5001/*']);
    const sites = new SitesService(area, browser.api, reserved, () => 1000);
    const list = await sites.add('octobot.example.net:5001/accounts', 'octobot');
    expect(list).toEqual([{ origin: 'https://octobot.example.net:5001', platform: 'octobot', addedAt: 1000 }]);
    expect([...browser.scripts.values()]).toEqual([{ matches: ['https://octobot.example.net:5001/*'], file: platformScriptFile('octobot') }]);
    expect(browser.injected).toEqual(['https://octobot.example.net:5001/* src/content/entries/platform-octobot.js']);
    expect(sites.platformFor('https://octobot.example.net:5001/accounts')).toBe('octobot');
    expect(sites.platformFor('https://octobot.example.net/accounts')).toBeNull();
    expect(sites.platformFor('http://octobot.example.net:5001/accounts')).toBeNull();
    // Adding again (another platform) replaces, without a duplicate script.
    await sites.add('https://octobot.example.net:5001', 'generic');
    expect(browser.scripts.size).toBe(1);
    expect(sites.platformFor('https://octobot.example.net:5001/')).toBe('generic');
  });

  it('refuses without the browser’s permission, over http, on exchanges and known platforms, and hosted platform ids', async () => {
    const browser = fakeBrowser();
    const sites = new SitesService(new MemoryArea(), browser.api, reserved);
    await expect(sites.add('https://bots.example.net', 'generic')).rejects.toMatchObject({ code: 'no-permission' });
    await expect(sites.add('http://bots.example.net', 'generic')).rejects.toMatchObject({ code: 'bad-site' });
    browser.permissions.add('https://www.htx.com/*');
    await expect(sites.add('https://www.htx.com', 'generic')).rejects.toMatchObject({ code: 'bad-site' });
    browser.permissions.add('https://bots.example.net/*');
    await expect(sites.add('https://bots.example.net', 'threecommas')).rejects.toMatchObject({ code: 'bad-site' });
    expect(browser.scripts.size).toBe(0);
    expect(await sites.list()).toEqual([]);
  });

  it('removes a site: untrusted at once, script unregistered, permission given back', async () => {
    const browser = fakeBrowser(['https://bots.example.net/*']);
    const sites = new SitesService(new MemoryArea(), browser.api, reserved);
    await sites.add('bots.example.net', 'generic');
    await sites.remove('https://bots.example.net');
    expect(sites.platformFor('https://bots.example.net/')).toBeNull();
    expect(browser.scripts.size).toBe(0);
    expect(browser.permissions.has('https://bots.example.net/*')).toBe(false);
    await expect(sites.remove('https://bots.example.net')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('at start keeps only sites still granted and makes the registered scripts match', async () => {
    const area = new MemoryArea();
    area.data.set('userSites', [
      { origin: 'https://a.example.net', platform: 'generic', addedAt: 1 },
      { origin: 'https://b.example.net', platform: 'hummingbot', addedAt: 2 },
      { origin: 'https://c.example.net', platform: 'threecommas', addedAt: 3 },
      'garbage',
    ]);
    const browser = fakeBrowser(['https://a.example.net/*', 'https://c.example.net/*']);
    browser.scripts.set('keyward-site-stale', { matches: ['https://old.example.net/*'], file: 'x' });
    const sites = new SitesService(area, browser.api, reserved);
    expect(await sites.list()).toEqual([{ origin: 'https://a.example.net', platform: 'generic', addedAt: 1 }]);
    expect([...browser.scripts.values()].map((s) => s.matches[0])).toEqual(['https://a.example.net/*']);
    expect(sites.platformFor('https://b.example.net/')).toBeNull();
  });

  it('finishes an announced add when the browser grants the permission (the popup may be gone)', async () => {
    const browser = fakeBrowser();
    const sites = new SitesService(new MemoryArea(), browser.api, reserved);
    sites.expect('https://bots.example.net', 'generic');
    await sites.permissionsAdded(['https://other.example.net/*']);
    expect(await sites.list()).toEqual([]);
    browser.permissions.add('https://bots.example.net/*');
    await Promise.all([sites.permissionsAdded(['https://bots.example.net/*']), sites.add('https://bots.example.net', 'generic')]);
    expect((await sites.list()).map((s) => s.origin)).toEqual(['https://bots.example.net']);
    expect(browser.scripts.size).toBe(1);
  });

  it('offers a site from the active tab only when it is https, not reserved and not yet added', async () => {
    const browser = fakeBrowser(['https://bots.example.net/*']);
    const sites = new SitesService(new MemoryArea(), browser.api, reserved);
    expect(await sites.probe(1)).toEqual({ origin: 'https://bots.example.net', found: 'generic', added: null });
    expect(await sites.probe(2)).toEqual({ origin: null, found: null, added: null });
    // An exchange's page is never read for a bind form: nothing is even run there.
    expect(await sites.probe(3)).toEqual({ origin: null, found: null, added: null });
    expect(browser.probed).toEqual([1]);
    await sites.add('bots.example.net', 'generic');
    expect(await sites.probe(1)).toMatchObject({ added: 'generic' });
  });
});

describe('FillService on a site the user added', () => {
  const lock = { current: async () => null, isUnlocked: async () => false, require: async () => Promise.reject(new Error('locked')) } as unknown as LockService;
  const caller = (url: string): Caller => ({ context: 'platform-content', url, tabId: 3, frameId: 0 });

  it('opens a picker only for the platform the site was added as, on that exact origin', async () => {
    const added = new Map([['https://octobot.example.net:5001', 'octobot']]);
    const fill = new FillService({
      lock,
      changed: () => undefined,
      deliver: async () => ({ ok: true }),
      openWindow: async () => ({ windowId: 1, tabId: 2 }),
      userSitePlatform: (url) => {
        try {
          return added.get(new URL(url).origin) ?? null;
        } catch {
          return null;
        }
      },
    });
    expect((await fill.open('octobot', 'binance', caller('https://octobot.example.net:5001/accounts'))).token).toMatch(/^[\w-]{24}$/);
    await expect(fill.open('hummingbot', null, caller('https://octobot.example.net:5001/accounts'))).rejects.toThrow(/own address/);
    await expect(fill.open('threecommas', null, caller('https://octobot.example.net:5001/accounts'))).rejects.toThrow(/own address/);
    await expect(fill.open('octobot', null, caller('https://octobot.example.net/accounts'))).rejects.toThrow(/own address/);
    await expect(fill.open('octobot', null, caller('http://octobot.example.net:5001/accounts'))).rejects.toThrow(/own address/);
    expect((await fill.open('threecommas', null, caller('https://app.3commas.io/accounts/new'))).token).toBeTruthy();
    await expect(fill.open('threecommas', null, caller('https://app.3commas.io:444/accounts/new'))).rejects.toThrow(/own address/);
  });
});
