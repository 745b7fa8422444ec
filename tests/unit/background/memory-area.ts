import type { StorageArea } from '../../../src/background/storage';

/** storage.local / storage.session in memory, copying values as the browser does. */
export class MemoryArea implements StorageArea {
  readonly data = new Map<string, unknown>();
  async get(keys: string | string[]) {
    const list = Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(list.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string | string[]) {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.data.delete(k);
  }
}
