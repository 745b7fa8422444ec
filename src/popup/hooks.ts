import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorCode, errorMessage } from './api';

/** True while the component is mounted; guards state updates after an await. */
export function useAlive(): RefObject<boolean> {
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  return alive;
}

type TaskResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * One async action with its busy flag and error text. `run` never throws: it returns the result
 * or the error, and stores the error's words for the view's alert.
 */
export function useTask(): {
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
  run: <R>(fn: () => Promise<R>) => Promise<TaskResult<R>>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useAlive();
  const running = useRef(false);
  const run = useCallback(
    async <R,>(fn: () => Promise<R>): Promise<TaskResult<R>> => {
      if (running.current) return { ok: false, error: new Error('busy') };
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        const value = await fn();
        return { ok: true, value };
      } catch (caught) {
        if (alive.current) setError(errorMessage(caught));
        return { ok: false, error: caught };
      } finally {
        running.current = false;
        if (alive.current) setBusy(false);
      }
    },
    [alive],
  );
  return { busy, error, setError, run };
}

/** Moves focus to the element once, when the view mounts. */
export function useFocusOnMount<T extends HTMLElement>(ref: RefObject<T | null>, select = false): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (select && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) el.select();
  }, [ref, select]);
}

/** Escape anywhere in the view calls the handler (back, or cancel a pending confirmation). */
export function useEscape(handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Marks which view is on screen, for the benchmark and end-to-end tests; the performance mark
 * gives the benchmark the moment in browsers where it cannot watch the page from its start.
 */
export function useReadyMarker(name: string, ready = true): void {
  useEffect(() => {
    if (!ready) return;
    document.body.dataset.ready = name;
    performance.mark(`keyward:ready:${name}`);
  }, [name, ready]);
}

/** Current time, ticking every second while `active`; for countdowns. */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}

/** After a refused master password, puts the caret back in its field with the text selected, to retype. */
export function refocusIfWrongPassword(error: unknown, input: RefObject<HTMLInputElement | null>): void {
  if (errorCode(error) !== 'wrong-password') return;
  input.current?.focus();
  input.current?.select();
}
