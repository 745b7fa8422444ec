/** Small DOM helpers for the popup's unit tests (happy-dom + preact/test-utils). */
import { act } from 'preact/test-utils';
import type { KeySummary } from '../core/records';

/** Lets pending promises and Preact's batched renders settle. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
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
