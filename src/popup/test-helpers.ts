/** Small DOM helpers for the popup's unit tests (happy-dom + preact/test-utils). */
import { type ComponentChild, options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import type { KeySummary } from '../core/records';
import type { KeyListProps } from './views/KeyList';
import { send } from '../shared/send';

// Preact runs effects after the next paint (requestAnimationFrame, else a 35 ms timer). Tests have
// no paint: here effects run as soon as the render's own promise continuations are done, so an
// answered request is drawn, and its effects run, within one turn of the event loop.
options.requestAnimationFrame = (flushEffects) => queueMicrotask(flushEffects);

/** How many rounds of requests one action may set off before the popup is taken to be looping. */
const MAX_ROUNDS = 20;

/** One turn of the event loop: every promise continuation already queued has run after it. */
const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Waits until every request the popup has sent has been answered and drawn. The tests mock
 * send(), so this is a fact, not a guess at how long rendering takes: each round waits for the
 * answers, lets Preact draw them (act) and their continuations run, and the wait ends with the
 * first round that sends nothing new (an answer can set off more requests: unlock, then the list).
 */
export async function settle(): Promise<void> {
  if (!vi.isMockFunction(send)) throw new Error('settle() waits on the mocked send(): vi.mock the module first');
  const { mock } = vi.mocked(send);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sent = mock.results.length;
    const answers = mock.results.map((result) => result.value as unknown);
    await act(async () => {
      await Promise.allSettled(answers);
    });
    // What the answers set off after act (a state set after an await) runs in promise continuations.
    await nextTask();
    if (mock.results.length === sent) return;
  }
  throw new Error(`the popup was still sending after ${MAX_ROUNDS} rounds of answers`);
}

export async function typeInto(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error('not a text field');
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLSelectElement)) throw new Error('not a select');
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(el: Element | null): Promise<void> {
  if (!(el instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => {
    // As a real click does: focus moves to the button first.
    el.focus();
    el.click();
  });
  await settle();
}

/** The button whose text (trimmed) or aria-label is exactly `name`. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === name || (b.textContent ?? '').trim() === name,
  );
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

export function makeKey(overrides: Partial<KeySummary> & Pick<KeySummary, 'id'>): KeySummary {
  return {
    exchange: 'htx',
    label: '',
    account: 'main',
    permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
    ipWhitelist: ['203.0.113.7'],
    source: { kind: 'manual' },
    bindings: [],
    notes: '',
    apiKeyTail: 'a1b2',
    createdAt: Date.now() - 3 * 86_400_000,
    updatedAt: Date.now(),
    risk: { withdraw: false, transfer: false, noIpWhitelist: false },
    pendingAdoption: false,
    ...overrides,
  };
}

/**
 * A root element in the document for each test of the calling file, emptied (so effects are
 * cleaned up) and removed after it; `mount` draws into it and waits for the requests it sends.
 */
export function popupRoot(): { root: HTMLDivElement; mount: (node: ComponentChild) => Promise<void> } {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(async () => {
    await act(() => render(null, root));
    root.remove();
  });
  const mount = async (node: ComponentChild): Promise<void> => {
    await act(() => render(node, root));
    await settle();
  };
  return { root, mount };
}

/** KeyList's props for a test: `keys` listed, nothing typed or filtered, every callback a spy; `overrides` what the test drives. */
export function keyListProps(keys: readonly KeySummary[], overrides: Partial<KeyListProps> = {}): KeyListProps {
  return {
    keys,
    loadError: null,
    onRetry: vi.fn(),
    rotationDays: 90,
    query: '',
    onQuery: vi.fn(),
    attentionOnly: false,
    onAttentionOnly: vi.fn(),
    onOpen: vi.fn(),
    onAdd: vi.fn(),
    focusId: null,
    ...overrides,
  };
}
