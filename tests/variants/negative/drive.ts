/**
 * A minimal happy-dom driver for the REAL exchange-page watcher (ApiPageWatcher), for the
 * negative pages of issue 8 point 7 ("never a false capture"). It loads a page under an official
 * exchange URL, stubs the background (recording every message the watcher sends), starts the
 * watcher exactly as the content script does, and renders late content (a dialog, a wizard step)
 * the way a single-page app would. tests/variants/harness.ts did not exist when this was written;
 * if it lands, these tests can move onto it.
 *
 * Waiting: for a fact, poll (waitFor); for an absence, wait until the DOM has been still for one
 * documented interval (QUIET_MS, four times the watcher's 100 ms scan throttle) after the last change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiPageWatcher, type WatcherEvent } from '../../../src/content/api-page';
import type { ExchangeId } from '../../../src/core/records';
import { exchangeById } from '../../../src/exchanges/registry';
import type { ExchangeDefinition, ExchangePage } from '../../../src/exchanges/types';
import type { CaptureSubmission, SeenKey } from '../../../src/messages';
import { pause } from '../clock';
import { useFakeClock } from '../fake-clock';

/** After the last DOM change, the watcher has scanned within 100 ms; 400 ms proves it stayed silent. */
export const QUIET_MS = 400;
/** How long a positive control may take to capture or offer (the watcher needs ~100 ms). */
export const FACT_TIMEOUT_MS = 2_000;

export interface Page {
  /** The real page this one is modelled on, and where its facts come from. */
  name: string;
  exchange: ExchangeId;
  /** An https URL on one of the exchange's official hosts. */
  url: string;
  lang: string;
  html: string;
  /** What the app renders after load (a dialog, the next wizard step), after the watcher started. */
  late?: Late;
  /**
   * Values on the page that are not API secrets (setup keys, addresses, ids, masked values, the
   * API keys of a list): none may be captured, offered, noted as unsaved, or reported as a key.
   */
  decoys: string[];
  /** Decoys that ARE API keys of existing keys (a key list): may be reported as seen, nothing more. */
  listedKeys?: string[];
}

export interface Late {
  html: string;
  /** Delay after the watcher started, as a slow API answer would render it. */
  afterMs: number;
  /** Where the content goes (default: the end of body). */
  into?: string;
  /** An element the new content replaces (a wizard's previous step). */
  replace?: string;
}

/** The same layout showing a real, new API key and secret: the watcher must capture or offer it. */
export interface NearMiss extends Page {
  apiKey: string;
  secret: string;
}

export interface Sent {
  type: string;
  payload: unknown;
}

export interface Session {
  readonly events: WatcherEvent[];
  readonly sent: Sent[];
  captures(): CaptureSubmission[];
  keysSeen(): SeenKey[];
  stop(): void;
}

type PagedExchange = ExchangeDefinition & { page: ExchangePage };

function paged(id: ExchangeId): PagedExchange {
  const exchange = exchangeById(id);
  const { page } = exchange;
  if (!page) throw new Error(`${id} has no API page readers`);
  return { ...exchange, page };
}

interface HappyDomWindow {
  happyDOM?: { setURL(url: string): void };
}

function setUrl(url: string): void {
  const happy = (window as unknown as HappyDomWindow).happyDOM;
  if (!happy) throw new Error('not running under happy-dom (add // @vitest-environment happy-dom)');
  happy.setURL(url);
  if (location.href !== url) throw new Error(`URL is ${location.href}, wanted ${url}`);
}

function isEnvelope(message: unknown): message is { keyward: 1; type: string; payload: unknown } {
  if (typeof message !== 'object' || message === null) return false;
  const record = message as Record<string, unknown>;
  return record.keyward === 1 && typeof record.type === 'string';
}

interface ChromeStub {
  chrome?: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

function stubBackground(sent: Sent[]): void {
  (globalThis as unknown as ChromeStub).chrome = {
    runtime: {
      async sendMessage(message: unknown): Promise<unknown> {
        if (!isEnvelope(message)) throw new Error('not a Keyward envelope');
        sent.push({ type: message.type, payload: message.payload });
        if (message.type === 'capture.submit') return { ok: true, data: { id: 'r1', duplicate: false } };
        if (message.type === 'page.keysSeen') return { ok: true, data: { updated: 0, known: 0 } };
        return { ok: false, error: { code: 'unexpected', message: `unexpected message ${message.type}` } };
      },
    },
  };
}

let lastChange = 0;

function isKeywardNode(node: Node): boolean {
  return node instanceof Element && node.closest('keyward-inline') !== null;
}

/** Keyward's own notes coming, going or changing are not the page changing. */
function isKeywards(record: MutationRecord): boolean {
  if (isKeywardNode(record.target)) return true;
  const moved = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return record.type === 'childList' && moved.length > 0 && moved.every((n) => n instanceof Element && n.localName === 'keyward-inline');
}
let pageObserver: MutationObserver | null = null;

/** Loads the page under its official URL (no watcher yet). */
export function openPage(page: Page): void {
  setUrl(page.url);
  document.documentElement.lang = page.lang;
  document.head.innerHTML = '<meta charset="utf-8">';
  document.body.innerHTML = page.html;
  pageObserver?.disconnect();
  pageObserver = new MutationObserver((records) => {
    if (records.every(isKeywards)) return;
    lastChange = performance.now();
  });
  pageObserver.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  lastChange = performance.now();
}

export function sleep(ms: number): Promise<void> {
  return pause(ms);
}

/** Waits until the page (not Keyward's notes) has not changed for QUIET_MS. */
export async function quiet(): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (performance.now() - lastChange < QUIET_MS) {
    if (performance.now() > deadline) throw new Error('the page never went quiet');
    await sleep(25);
  }
}

export async function waitFor(fact: () => boolean, what: string, timeout = FACT_TIMEOUT_MS): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!fact()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function insert(late: Late): void {
  const holder = document.createElement('div');
  holder.innerHTML = late.html;
  const nodes = Array.from(holder.childNodes);
  const old = late.replace ? document.querySelector(late.replace) : null;
  if (late.replace && !old) throw new Error(`nothing to replace at ${late.replace}`);
  if (old) {
    old.replaceWith(...nodes);
    return;
  }
  const target = late.into ? document.querySelector(late.into) : document.body;
  if (!target) throw new Error(`no element ${late.into ?? 'body'}`);
  target.append(...nodes);
}

/** Starts the real watcher on the open page with a recording background. */
export function watch(exchange: ExchangeId): Session {
  const sent: Sent[] = [];
  const events: WatcherEvent[] = [];
  stubBackground(sent);
  const watcher = new ApiPageWatcher(paged(exchange), (event) => events.push(event));
  watcher.start();
  return {
    events,
    sent,
    captures: () => sent.filter((m) => m.type === 'capture.submit').map((m) => m.payload as CaptureSubmission),
    keysSeen: () => sent.filter((m) => m.type === 'page.keysSeen').flatMap((m) => (m.payload as { keys: SeenKey[] }).keys),
    stop: () => watcher.stop(),
  };
}

/** Opens the page, starts the watcher, renders the late content, and waits for the page to settle. */
export async function run(page: Page): Promise<Session> {
  openPage(page);
  const session = watch(page.exchange);
  if (page.late) {
    await sleep(page.late.afterMs);
    insert(page.late);
  }
  await quiet();
  return session;
}

const MASK = /[*•●…]/;

/** For a failure message: what the watcher did, in one readable block. */
function account(session: Session): string {
  const seen = session.events.filter((e) => e.kind !== 'form' && e.kind !== 'list');
  return JSON.stringify({ events: seen, sent: session.sent }, null, 1);
}

function related(value: string, decoys: readonly string[]): boolean {
  return decoys.some((d) => value === d || (value.length >= 8 && d.includes(value)) || value.includes(d));
}

/**
 * Nothing taken: no capture sent, no offer, no "not saved" note, and no decoy (nor a masked
 * value) reported to the background or marked on the page as an API key.
 */
export function expectNothingTaken(session: Session, page: Page): void {
  const story = account(session);
  expect(session.captures(), `capture.submit on ${page.name}\n${story}`).toEqual([]);
  expect(
    session.events.filter((e) => e.kind === 'offered'),
    `offered on ${page.name}\n${story}`,
  ).toEqual([]);
  // Nothing on a negative page is a new API secret, so no value may be called an unsaved one.
  expect(
    session.events.filter((e) => e.kind === 'unsaved'),
    `unsaved note on ${page.name}\n${story}`,
  ).toEqual([]);
  const notKeys = page.decoys.filter((d) => !(page.listedKeys ?? []).includes(d));
  const reported = session.keysSeen().map((k) => k.apiKey);
  expect(
    reported.filter((k) => related(k, notKeys) || MASK.test(k)),
    `page.keysSeen reports non-keys on ${page.name}`,
  ).toEqual([]);
  const marked = session.events.flatMap((e) => (e.kind === 'list' ? e.keys.map((k) => k.apiKey) : []));
  expect(
    marked.filter((k) => related(k, notKeys) || MASK.test(k)),
    `key list marks non-keys on ${page.name}`,
  ).toEqual([]);
}

function took(session: Session, control: NearMiss): boolean {
  return (
    session.captures().some((c) => c.apiKey === control.apiKey && c.secret === control.secret) ||
    session.events.some((e) => e.kind === 'offered' && e.apiKey === control.apiKey && e.secret === control.secret)
  );
}

/**
 * The near miss: the exact key and secret captured or offered, and no other capture or offer. (What
 * the list reports is the negative pages' concern; a control only proves the reader is alive.)
 */
export async function expectTaken(session: Session, control: NearMiss): Promise<void> {
  try {
    await waitFor(() => took(session, control), `capture or offer of ${control.apiKey}`);
  } catch {
    expect.fail(`neither captured nor offered on ${control.name}\n${account(session)}`);
  }
  const wrong = session.captures().filter((c) => c.apiKey !== control.apiKey || c.secret !== control.secret);
  expect(wrong, `other captures on ${control.name}`).toEqual([]);
  const offeredWrong = session.events.filter((e) => e.kind === 'offered' && (e.apiKey !== control.apiKey || e.secret !== control.secret));
  expect(offeredWrong, `other offers on ${control.name}`).toEqual([]);
}

/** Between tests: stop the watcher, empty the page, remove the stub. */
export function reset(session: Session | null): void {
  session?.stop();
  pageObserver?.disconnect();
  pageObserver = null;
  document.body.innerHTML = '';
  delete (globalThis as unknown as ChromeStub).chrome;
}

/**
 * The two describe blocks every kind's test file has: each negative page takes nothing; each near
 * miss (the same layout showing a new key) is captured or offered.
 */
export function negativeSuite(kind: string, pages: readonly Page[], nearMisses: readonly NearMiss[]): void {
  useFakeClock();
  let session: Session | null = null;
  afterEach(() => {
    reset(session);
    session = null;
  });
  describe(`${kind}: nothing captured, offered, noted or reported`, () => {
    for (const page of pages) {
      it(page.name, async () => {
        session = await run(page);
        expectNothingTaken(session, page);
      });
    }
  });
  describe(`${kind}: near misses, the same layout showing a new API key and secret`, () => {
    for (const control of nearMisses) {
      it(control.name, async () => {
        session = await run(control);
        await expectTaken(session, control);
      });
    }
  });
}
