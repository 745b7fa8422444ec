import { ApiPageWatcher } from './api-page';
import { type PagedExchange, WATCHER_GLOBAL, type WatcherHandle } from './exchange';

/** Entry of the watcher bundle the background injects on API routes; installs the start/stop handle. */
export function installWatcher(exchange: PagedExchange): void {
  let watcher: ApiPageWatcher | null = null;
  const handle: WatcherHandle = {
    start() {
      if (watcher) return;
      watcher = new ApiPageWatcher(exchange);
      watcher.start();
    },
    stop() {
      watcher?.stop();
      watcher = null;
    },
  };
  (globalThis as unknown as Record<string, WatcherHandle>)[WATCHER_GLOBAL] = handle;
}
