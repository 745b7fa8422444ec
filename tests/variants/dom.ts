/**
 * A happy-dom window for running the variant matrix outside vitest (`npm run bench` under tsx).
 * Vitest's happy-dom environment does the same for the tests. Install before importing the
 * watcher: its modules may touch DOM globals when they load.
 */
import { Window } from 'happy-dom';

// Names the host keeps: replacing them would break Node itself or the language.
const KEEP = new Set(['constructor', 'undefined', 'NaN', 'Infinity', 'globalThis', 'global', 'process', 'console', 'Buffer']);
// Node has these too, but DOM code needs the window's own (happy-dom dispatches only its events).
// Everything else Node already has stays Node's: a second realm's Array or Object would break
// `instanceof` in the code under test. Vitest's happy-dom environment draws the same line.
const DOM_OWN = new Set([
  'Event', 'EventTarget', 'CustomEvent', 'MessageEvent', 'ErrorEvent', 'AbortController', 'AbortSignal',
  'DOMException', 'URL', 'URLSearchParams', 'Blob', 'File', 'FormData', 'Headers', 'Request', 'Response',
  'fetch', 'MessageChannel', 'MessagePort', 'BroadcastChannel', 'WebSocket',
]);

export function installDom(url: string): void {
  if ((globalThis as { document?: unknown }).document) return;
  const window = new Window({ url, width: 1280, height: 800 });
  const target = globalThis as unknown as Record<string, unknown>;
  const seen = new Set<string>();
  // The window's own properties and its prototype chain, as happy-dom's GlobalRegistrator does.
  for (let proto: object | null = window; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (KEEP.has(key) || seen.has(key) || (key in globalThis && !DOM_OWN.has(key))) continue;
      seen.add(key);
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (!descriptor) continue;
      const isClass = (value: unknown) => typeof value === 'function' && /^[A-Z]/.test(key);
      if (descriptor.get || descriptor.set) {
        // Getters read the window (document, location, ...), never the global object.
        Object.defineProperty(target, key, { configurable: true, get: () => Reflect.get(window, key) });
      } else if (typeof descriptor.value === 'function' && !isClass(descriptor.value)) {
        const fn = descriptor.value as (...args: unknown[]) => unknown;
        Object.defineProperty(target, key, { configurable: true, writable: true, value: fn.bind(window) });
      } else {
        Object.defineProperty(target, key, { configurable: true, writable: true, value: descriptor.value });
      }
    }
  }
  Object.defineProperty(target, 'window', { configurable: true, value: window });
  Object.defineProperty(target, 'self', { configurable: true, value: window });
}
