/**
 * Drives the real capture watcher (ApiPageWatcher) on a page in happy-dom, as a person would,
 * and records what it did. Shared by the variant matrix and the negative pages.
 *
 *   openPage(url, html)        set the document's URL (an official https host) and body
 *   const run = startWatcher('okx')   the watcher, with chrome.runtime stubbed and recorded
 *   typeInto / click / choose  a person's input: value + bubbling events, real clicks
 *   await run.settle(cond)     wait for a fact (cond) or for the watcher to go quiet
 *   run.events, run.submissions, run.keysSeen; run.stop()
 */
import { ApiPageWatcher, type WatcherEvent } from '../../src/content/api-page';
import type { ExchangeId } from '../../src/core/records';
import { exchangeById } from '../../src/exchanges/registry';
import type { CaptureSubmission, Envelope, RequestOf } from '../../src/messages';
import { pause } from './clock';

export type { WatcherEvent };
export type FormReading = Extract<WatcherEvent, { kind: 'form' }>;
export type ListReading = Extract<WatcherEvent, { kind: 'list' }>;

export interface WatcherRun {
  /** Everything the watcher reported, in order. */
  events: WatcherEvent[];
  /** Payloads of 'capture.submit' messages: what would reach the vault. */
  submissions: CaptureSubmission[];
  keysSeen: RequestOf<'page.keysSeen'>[];
  /** Call after each action a person takes, so `settle` knows when the page last changed. */
  acted(): void;
  /**
   * Resolves with the first truthy `probe()` result, or null once the watcher has been quiet
   * (no event) for `quietMs` since the last event or action, or after `timeoutMs` in all.
   */
  settle<T>(probe: () => T | null | undefined | false, options?: { quietMs?: number; timeoutMs?: number }): Promise<T | null>;
  stop(): void;
}

interface HappyDomWindow {
  happyDOM?: { setURL(url: string): void };
}

/** Puts `html` in the body of a document at `url` (head emptied, no dialogs left from before). */
export function openPage(url: string, html: string): void {
  const happy = (window as unknown as HappyDomWindow).happyDOM;
  if (!happy) throw new Error('openPage needs happy-dom (vitest environment happy-dom, or installDom)');
  happy.setURL(url);
  document.head.replaceChildren();
  document.body.innerHTML = html;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id} on the page`);
  return element as T;
}

/** What a person's typing leaves: the value, then bubbling input and change events. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A real click: pointer and mouse events, then click (which toggles native checkboxes). */
export function click(element: HTMLElement): void {
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
    element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));
  }
  element.click();
}

/** The page's own script for custom toggles: a click flips aria-checked unless disabled. */
export function wireCustomToggles(root: ParentNode): void {
  for (const toggle of Array.from(root.querySelectorAll<HTMLElement>('[role=switch], [role=checkbox]'))) {
    toggle.addEventListener('click', () => {
      if (toggle.getAttribute('aria-disabled') === 'true') return;
      toggle.setAttribute('aria-checked', String(toggle.getAttribute('aria-checked') !== 'true'));
    });
  }
}

export function isOn(toggle: HTMLElement): boolean {
  return toggle instanceof HTMLInputElement ? toggle.checked : toggle.getAttribute('aria-checked') === 'true';
}

type Runtime = { sendMessage(message: unknown): Promise<unknown> };

export function startWatcher(exchangeId: ExchangeId): WatcherRun {
  const events: WatcherEvent[] = [];
  const submissions: CaptureSubmission[] = [];
  const keysSeen: RequestOf<'page.keysSeen'>[] = [];
  let lastActivity = performance.now();
  const runtime: Runtime = {
    async sendMessage(message: unknown) {
      lastActivity = performance.now();
      const envelope = message as Envelope;
      if (envelope.type === 'capture.submit') {
        submissions.push(envelope.payload as CaptureSubmission);
        return { ok: true, data: { id: `r${submissions.length}`, duplicate: false } };
      }
      if (envelope.type === 'page.keysSeen') {
        keysSeen.push(envelope.payload as RequestOf<'page.keysSeen'>);
        return { ok: true, data: { updated: 0, known: 0 } };
      }
      return { ok: false, error: { code: 'unexpected', message: `the harness does not answer ${String(envelope.type)}` } };
    },
  };
  (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome = { runtime };
  const exchange = exchangeById(exchangeId);
  if (!('page' in exchange) || !exchange.page) throw new Error(`${exchangeId} has no API page to watch`);
  const watcher = new ApiPageWatcher(exchange as ConstructorParameters<typeof ApiPageWatcher>[0], (event: WatcherEvent) => {
    lastActivity = performance.now();
    events.push(event);
  });
  watcher.start();
  return {
    events,
    submissions,
    keysSeen,
    acted() {
      lastActivity = performance.now();
    },
    async settle(probe, options = {}) {
      const quietMs = options.quietMs ?? 300;
      const deadline = performance.now() + (options.timeoutMs ?? 3000);
      for (;;) {
        const found = probe();
        if (found) return found;
        const now = performance.now();
        if (now - lastActivity >= quietMs || now >= deadline) return null;
        await pause(5);
      }
    },
    stop() {
      watcher.stop();
    },
  };
}
