import { expect } from 'vitest';
import type { BindForm } from '../../../src/platforms/readers/bind-form';
import type { PlatformDefinition } from '../../../src/platforms/types';

export { clickText, loadFixture, settle, typeInto } from '../exchanges/fixture-dom';

/**
 * How Keyward's filler must write into a React/Vue-controlled input: the prototype's native
 * setter (which bypasses React's value tracker on the instance), then bubbling input + change.
 */
export function setNative(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
  if (!descriptor?.set) throw new Error('no native value setter');
  descriptor.set.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The form, or a failed assertion naming what was expected. */
export function expectForm(form: BindForm | null): BindForm {
  expect(form, 'bind form').not.toBeNull();
  if (!form) throw new Error('no bind form');
  return form;
}

/** The element whose own visible text is exactly `text` and that matches `selector`. */
export function byText<T extends Element = HTMLElement>(selector: string, text: string): T {
  const found = Array.from(document.querySelectorAll<T>(selector)).filter((e) => (e.textContent ?? '').trim() === text);
  const last = found.at(-1);
  if (!last) throw new Error(`no ${selector} with text ${text}`);
  return last;
}

/** Text of the page's role=alert / role=status messages. */
export function messages(): string[] {
  return Array.from(document.querySelectorAll('[role=alert], [role=status]')).map((e) => (e.textContent ?? '').trim());
}

/**
 * What every platform folder promises about its fixture: the definition lists it, and the bind
 * routes match the paths given and none of the others.
 */
export function expectListedAndRouted(
  platform: PlatformDefinition,
  fixture: string,
  bindPages: readonly string[],
  notBindPages: readonly string[],
): void {
  expect(platform.fixtures).toEqual([fixture]);
  for (const path of bindPages) expect(platform.bindPages.some((route) => route.test(path)), path).toBe(true);
  for (const path of notBindPages) expect(platform.bindPages.some((route) => route.test(path)), path).toBe(false);
}

/** Picks an option of the native select `selector` as a person would (value, then change). */
export function chooseOption(selector: string, value: string): void {
  const select = document.querySelector<HTMLSelectElement>(selector);
  if (!select) throw new Error(`no select ${selector}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
