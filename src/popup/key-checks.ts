import { useCallback, useMemo, useState } from 'preact/hooks';
import { plural, t } from '../i18n';
import type { KeyCheckView } from '../protocol/views';
import { errorMessage, request } from './api';
import { requestApiAccess } from './browser-access';
import { useAlive } from './hooks';

export interface CheckAllProgress {
  done: number;
  total: number;
}

/**
 * This popup's checks of keys with their exchanges: kept across the list and detail views, gone
 * with the popup (the key itself remembers only when it was last checked and how that ended).
 * "Check all" sends one request per key at once; the background bounds how many run together.
 */
export function useKeyChecks() {
  const alive = useAlive();
  const [checks, setChecks] = useState<Readonly<Record<string, KeyCheckView>>>({});
  const [progress, setProgress] = useState<CheckAllProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const record = useCallback((check: KeyCheckView) => setChecks((prev) => ({ ...prev, [check.id]: check })), []);
  const forget = useCallback(
    (id: string) =>
      setChecks((prev) => {
        const next = { ...prev };
        delete next[id];
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setChecks({}), []);

  const checkAll = useCallback(
    async (ids: readonly string[]): Promise<void> => {
      if (ids.length === 0) return;
      setError(null);
      let done = 0;
      setProgress({ done, total: ids.length });
      const failures: string[] = [];
      await Promise.all(
        ids.map((id) =>
          request('keys.check', { id })
            .then((check) => {
              if (alive.current) record(check);
            })
            .catch((caught: unknown) => {
              failures.push(errorMessage(caught));
            })
            .finally(() => {
              done++;
              if (alive.current) setProgress({ done, total: ids.length });
            }),
        ),
      );
      if (!alive.current) return;
      setProgress(null);
      if (failures.length > 0) setError(plural('checkAllFailed', failures.length, { error: failures[0] ?? '' }));
    },
    [alive, record],
  );

  /** The API hosts some checks are waiting for, all of them: one prompt for the lot. */
  const waiting = useMemo(() => {
    const origins = new Set<string>();
    const ids: string[] = [];
    for (const check of Object.values(checks)) {
      if (check.result.kind !== 'needs-permission') continue;
      ids.push(check.id);
      for (const origin of check.result.origins) origins.add(origin);
    }
    return { origins: [...origins], ids };
  }, [checks]);

  // Called from the click: the browser's prompt must come before any other await.
  const allowWaiting = useCallback(async (): Promise<void> => {
    const { origins, ids } = waiting;
    if (origins.length === 0) return;
    const granted = await requestApiAccess(origins);
    if (!alive.current) return;
    if (!granted) {
      setError(t('checkAllNotAllowed'));
      return;
    }
    await checkAll(ids);
  }, [alive, waiting, checkAll]);

  return { checks, record, forget, clear, checkAll, progress, error, waiting, allowWaiting };
}

export type KeyChecks = ReturnType<typeof useKeyChecks>;
