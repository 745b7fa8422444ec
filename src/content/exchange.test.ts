// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { htx } from '../exchanges/htx';
import { type PagedExchange, WATCHER_GLOBAL, lightExchange, runExchangeContent } from './exchange';

/**
 * The light script's decisions, with a stand-in background that "injects" a watcher handle and
 * counts how often it was asked to: when it loads the watcher, and when it stops it.
 */

const sent: unknown[] = [];
const handle = { start: vi.fn(), stop: vi.fn() };

function setUrl(url: string): void {
  const scope = window as unknown as { happyDOM: { setURL(url: string): void } };
  scope.happyDOM.setURL(url);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'performance', 'Date'] });
  sent.length = 0;
  handle.start.mockClear();
  handle.stop.mockClear();
  delete (globalThis as Record<string, unknown>)[WATCHER_GLOBAL];
  (globalThis as Record<string, unknown>).chrome = {
    runtime: {
      sendMessage: async (message: unknown) => {
        sent.push(message);
        (globalThis as Record<string, unknown>)[WATCHER_GLOBAL] = handle;
        return { ok: true, data: {} };
      },
    },
  };
  document.title = '';
  document.body.replaceChildren();
});

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as Record<string, unknown>).chrome;
});

/** Markup for the test page (test input only; the extension never parses HTML). */
function show(html: string): void {
  document.body.innerHTML = html;
}

async function seconds(n: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(n * 1000);
}

describe('lightExchange', () => {
  it('carries hosts, route sources and phrases as data, without the vocabulary', () => {
    const light = lightExchange(htx as PagedExchange);
    expect(Object.keys(light).sort()).toEqual(['hosts', 'id', 'routes', 'signals']);
    expect(light.routes.map(([source, flags]) => new RegExp(source, flags).test('/en-us/apikey/'))).toContain(true);
    expect(JSON.parse(JSON.stringify(light))).toEqual(light);
  });
});

describe('runExchangeContent', () => {
  // Each run installs listeners on the one window of this file: one scenario, one run.
  it('does nothing off the official hosts, over http, or on another port', async () => {
    for (const url of ['https://www.htx.com.example.net/en-us/apikey/', 'http://www.htx.com/en-us/apikey/', 'https://www.htx.com:8443/en-us/apikey/']) {
      setUrl(url);
      runExchangeContent(lightExchange(htx as PagedExchange));
    }
    await seconds(2);
    expect(sent).toHaveLength(0);
  });

  it('ignores a streaming page that links to API Management, loads the watcher when a new route shows API management, and stops it once route and signals are gone', async () => {
    setUrl('https://www.htx.com/en-us/trade/btc_usdt/');
    show('<div><a href="/en-us/apikey/">API Management</a></div><main id="view"><table><tr><td id="p">1</td></tr></table></main>');
    runExchangeContent(lightExchange(htx as PagedExchange));
    for (let i = 0; i < 30; i++) {
      const cell = document.getElementById('p');
      if (cell) cell.textContent = String(i);
      await seconds(0.5);
    }
    expect(sent).toHaveLength(0);

    // A single-page app moves to a route no pattern knows; its view arrives a moment later.
    setUrl('https://www.htx.com/en-us/user-center/#/user/apikeys');
    window.dispatchEvent(new Event('hashchange'));
    await seconds(0.2);
    const view = document.getElementById('view');
    view?.replaceChildren(Object.assign(document.createElement('h2'), { textContent: 'API Management' }));
    await seconds(2);
    expect(sent).toHaveLength(1);
    expect(handle.start).toHaveBeenCalledOnce();

    // The heading goes while a dialog shows the secret: same address, the watcher stays.
    view?.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Key created' }));
    await seconds(3);
    expect(handle.stop).not.toHaveBeenCalled();

    // Away to another route whose view no longer names API management: stopped, not reloaded.
    setUrl('https://www.htx.com/en-us/user-center/#/security');
    window.dispatchEvent(new Event('hashchange'));
    view?.replaceChildren(Object.assign(document.createElement('h2'), { textContent: 'Security' }));
    await seconds(3);
    expect(handle.stop).toHaveBeenCalledOnce();
    expect(sent).toHaveLength(1);
  });
});
