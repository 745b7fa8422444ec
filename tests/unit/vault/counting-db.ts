import type { VaultDb } from '../../../src/vault/store';

/** Store calls and records read through a VaultDb, to prove work grows linearly (never timed). */
export interface StoreCounts {
  calls: number;
  recordsRead: number;
}

function recordsIn(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  return result === undefined ? 0 : 1;
}

/**
 * The same database, counting every method call and every record a read returns. Methods run
 * against the real idb object (its wrappers need their own `this`). Transactions are counted as
 * calls; records read inside one are not, and the vault's capture and adoption paths use none.
 */
export function countingDb(db: VaultDb): { db: VaultDb; counts: StoreCounts; reset: () => void } {
  const counts: StoreCounts = { calls: 0, recordsRead: 0 };
  const reads = new Set<PropertyKey>(['get', 'getAll', 'getFromIndex', 'getAllFromIndex']);
  const proxy = new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        counts.calls++;
        const result: unknown = Reflect.apply(value, target, args);
        if (reads.has(prop) && result instanceof Promise) {
          return result.then((found: unknown) => {
            counts.recordsRead += recordsIn(found);
            return found;
          });
        }
        return result;
      };
    },
  });
  const reset = () => {
    counts.calls = 0;
    counts.recordsRead = 0;
  };
  return { db: proxy, counts, reset };
}
