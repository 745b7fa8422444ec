import type { ExchangeId } from '../core/records';
import type { ExchangeDefinition, ExchangePage } from '../exchanges/types';
import { SECRET_LABELS, type SignalMatchers, compilePhrases, essentialPhrases, findApiSignal } from './api-signals';
import type { Envelope } from '../messages';

/**
 * Content script on one exchange's hosts (one bundle per exchange). This part is all that loads
 * on the pages traders keep open (trading, markets), so it carries data, not the exchange module:
 * the hosts, the route patterns' sources and the API-management phrases, inlined by vite.config.ts.
 *
 * A known API route loads the watcher (readers, warnings, capture) at once. On any other route it
 * looks for what an API page shows (a title, heading, selected tab or button naming API
 * management, a secret label beside a credential-shaped value), cheaply and rarely: when the route
 * or title changes, when something is added to <body> (dialogs and portals), and at most once a
 * second while elements come and go in the seconds after a load, route change, click or key. A
 * page that only streams prices costs a route, title and element-count comparison a second.
 * Nothing runs in frames, on http, on another port, or off the exact official hosts.
 */

export type PagedExchange = ExchangeDefinition & { page: ExchangePage };

/** What the light script needs of an exchange, as JSON-able data. */
export interface LightExchange {
  id: ExchangeId;
  hosts: readonly string[];
  /** Route patterns as [source, flags], tested against `location.pathname + location.hash`. */
  routes: readonly (readonly [string, string])[];
  /** ExchangePage.signals, without the phrases that only repeat a shorter one. */
  signals: readonly string[];
}

/** The data vite.config.ts inlines into each exchange's light script. */
export function lightExchange(exchange: PagedExchange): LightExchange {
  return {
    id: exchange.id,
    hosts: exchange.hosts,
    routes: exchange.page.apiPages.map((pattern) => [pattern.source, pattern.flags] as const),
    signals: essentialPhrases(exchange.page.signals),
  };
}

/** What the watcher bundle leaves in the content scripts' own world (pages cannot see it). */
export interface WatcherHandle {
  start(): void;
  stop(): void;
}

export const WATCHER_GLOBAL = '__keywardApiPageWatcher';

function installed(): WatcherHandle | undefined {
  return (globalThis as unknown as Record<string, WatcherHandle | undefined>)[WATCHER_GLOBAL];
}

/**
 * Asks the background to inject the watcher into this page. Not runtime.ts's request(): only
 * yes or no matters here, and its error texts would be a tenth of this script.
 */
async function loadWatcher(exchange: ExchangeId): Promise<boolean> {
  const scope = globalThis as unknown as { browser?: { runtime?: Messenger }; chrome?: { runtime?: Messenger } };
  const envelope: Envelope<'page.loadWatcher'> = { keyward: 1, type: 'page.loadWatcher', payload: { exchange } };
  try {
    const reply = await (scope.browser?.runtime ?? scope.chrome?.runtime)?.sendMessage(envelope);
    return (reply as { ok?: unknown } | undefined)?.ok === true;
  } catch {
    // The extension was reloaded under this page: its old content script is orphaned.
    return false;
  }
}

interface Messenger {
  sendMessage(message: unknown): Promise<unknown>;
}

/** How often the route and title are compared, and the least time between two page scans. */
const TICK_MS = 1000;
/** After a load, route change, input or new dialog, element changes are watched this long. */
const ATTENTION_MS = 10_000;
/** Lets a framework fill a dialog it has just appended before the page is read. */
const SETTLE_MS = 60;

export function runExchangeContent(exchange: LightExchange): void {
  if (window.top !== window || location.protocol !== 'https:' || location.port !== '') return;
  if (!exchange.hosts.includes(location.hostname)) return;
  const routes = exchange.routes.map(([source, flags]) => new RegExp(source, flags));
  const matchers: SignalMatchers = { signals: compilePhrases(exchange.signals), secretLabels: compilePhrases(SECRET_LABELS) };

  let running = false;
  let busy = false;
  /** The address the watcher was last seen wanted on: it stays there, whatever the page shows. */
  let wantedAt = '';
  /** A refused load is not retried on the same address (the background said no, or is gone). */
  let refusedAt = '';
  let lastRoute = '';
  let routeSince = 0;
  let lastTitle = '';
  /** Something changed since the last scan; the scan runs only then. */
  let dirty = true;
  let lastScan = -Infinity;
  let attentionUntil = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const onKnownRoute = () => {
    const route = location.pathname + location.hash;
    return routes.some((pattern) => pattern.test(route));
  };

  // Dialogs and portals are appended to <body>: its own children are watched, never the subtree,
  // whose text a price table rewrites many times a second.
  const bodyChildren = new MutationObserver(() => {
    attend();
    schedule();
  });
  // While attending, a change in the number of elements marks the page changed: a view or form
  // that renders adds elements, a price that ticks does not. A live collection's length is
  // counted natively, once per tick.
  const elements = document.getElementsByTagName('*');
  let elementCount = -1;
  const attend = () => {
    dirty = true;
    attentionUntil = performance.now() + ATTENTION_MS;
  };

  const want = async (): Promise<void> => {
    if (!installed() && !(await loadWatcher(exchange.id))) {
      refusedAt = location.href;
      return;
    }
    running = true;
    installed()?.start();
  };

  const check = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const route = location.href;
      const now = performance.now();
      if (route !== lastRoute) {
        lastRoute = route;
        routeSince = now;
        attend();
      }
      if (document.title !== lastTitle) {
        lastTitle = document.title;
        dirty = true;
      }
      // On the address where the watcher was wanted, it stays: a dialog replacing the heading
      // must not stop it halfway through a capture. Nothing to decide, so nothing to scan.
      if (running && route === wantedAt) return;
      if (now < attentionUntil && elements.length !== elementCount) {
        elementCount = elements.length;
        dirty = true;
      }
      const known = onKnownRoute();
      let wanted = known;
      if (!known) {
        if (!dirty) return;
        if (now - lastScan < TICK_MS) {
          schedule();
          return;
        }
        lastScan = now;
        dirty = false;
        wanted = findApiSignal(document, matchers) !== null;
      }
      if (wanted && running && !known && now - routeSince < TICK_MS) {
        // Just after leaving the API page its content may still be on screen (a lazily loaded
        // route renders late): look again before taking the new address as an API page too.
        dirty = true;
        schedule();
      } else if (wanted) {
        wantedAt = route;
        if (!running && route !== refusedAt) await want();
      } else if (running) {
        // The route changed away and nothing on the page names API management any more.
        running = false;
        installed()?.stop();
      }
    } finally {
      busy = false;
    }
  };

  function schedule(): void {
    if (timer !== null) return;
    const wait = Math.max(SETTLE_MS, lastScan + TICK_MS - performance.now());
    timer = setTimeout(() => {
      timer = null;
      void check();
    }, wait);
  }

  void check();
  if (document.body) bodyChildren.observe(document.body, { childList: true });
  // Single-page apps change route with pushState, which fires no event a content script can see.
  setInterval(() => void check(), TICK_MS);
  addEventListener('popstate', () => void check());
  addEventListener('hashchange', () => void check());
  // A click or key may open a tab, a form or a dialog without changing the route.
  const input = () => {
    attend();
    schedule();
  };
  document.addEventListener('click', input, true);
  document.addEventListener('keydown', input, true);
}
