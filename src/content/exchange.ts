import type { ExchangeDefinition, ExchangePage } from '../exchanges/types';
import { ApiPageWatcher } from './api-page';

/**
 * Content script on one exchange's hosts (the build makes one bundle per exchange, so a page
 * carries only its own exchange's words). On every page it costs one route check a second (a
 * string comparison); only an API-management route starts the watcher, and leaving the route
 * stops it. Nothing runs in frames, on http, on another port, or off the exact official hosts.
 */

export type PagedExchange = ExchangeDefinition & { page: ExchangePage };

function onApiRoute(exchange: PagedExchange): boolean {
  const route = location.pathname + location.hash;
  return exchange.page.apiPages.some((pattern) => pattern.test(route));
}

export function runExchangeContent(exchange: PagedExchange): void {
  if (window.top !== window || location.protocol !== 'https:' || location.port !== '') return;
  if (!exchange.hosts.includes(location.hostname)) return;
  let watcher: ApiPageWatcher | null = null;
  let lastRoute = '';
  const check = () => {
    const route = location.href;
    if (route === lastRoute) return;
    lastRoute = route;
    const wanted = onApiRoute(exchange);
    if (wanted && !watcher) {
      watcher = new ApiPageWatcher(exchange);
      watcher.start();
    } else if (!wanted && watcher) {
      watcher.stop();
      watcher = null;
    }
  };
  check();
  // Single-page apps change route with pushState, which fires no event a content script can see.
  setInterval(check, 1000);
  addEventListener('popstate', check);
  addEventListener('hashchange', check);
  document.addEventListener('click', () => setTimeout(check, 50), true);
}

