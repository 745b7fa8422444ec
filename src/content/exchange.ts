import type { ExchangeDefinition, ExchangePage } from '../exchanges/types';
import { request } from './runtime';

/**
 * Content script on one exchange's hosts (one bundle per exchange). This part is all that loads
 * on the pages traders keep open (trading, markets): one route check a second, a string
 * comparison. Only on an API-management route does it ask the background to load the watcher
 * (readers, warnings, capture) into this page, and leaving the route stops the watcher.
 * Nothing runs in frames, on http, on another port, or off the exact official hosts.
 */

export type PagedExchange = ExchangeDefinition & { page: ExchangePage };

/** What the watcher bundle leaves in the content scripts' own world (pages cannot see it). */
export interface WatcherHandle {
  start(): void;
  stop(): void;
}

export const WATCHER_GLOBAL = '__keywardApiPageWatcher';

function installed(): WatcherHandle | undefined {
  return (globalThis as unknown as Record<string, WatcherHandle | undefined>)[WATCHER_GLOBAL];
}

function onApiRoute(exchange: PagedExchange): boolean {
  const route = location.pathname + location.hash;
  return exchange.page.apiPages.some((pattern) => pattern.test(route));
}

export function runExchangeContent(exchange: PagedExchange): void {
  if (window.top !== window || location.protocol !== 'https:' || location.port !== '') return;
  if (!exchange.hosts.includes(location.hostname)) return;
  let running = false;
  let lastRoute = '';
  const check = async () => {
    const route = location.href;
    if (route === lastRoute) return;
    lastRoute = route;
    const wanted = onApiRoute(exchange);
    if (wanted && !running) {
      running = true;
      if (!installed()) {
        const reply = await request('page.loadWatcher', { exchange: exchange.id });
        if (!reply.ok) {
          running = false;
          return;
        }
      }
      installed()?.start();
    } else if (!wanted && running) {
      running = false;
      installed()?.stop();
    }
  };
  void check();
  // Single-page apps change route with pushState, which fires no event a content script can see.
  setInterval(() => void check(), 1000);
  addEventListener('popstate', () => void check());
  addEventListener('hashchange', () => void check());
  document.addEventListener('click', () => setTimeout(() => void check(), 50), true);
}
