import { type Target, describeTarget, locateInPage, toWire } from './find';
import type { Box, Surface } from './types';
import { until } from './wait';

export const WAIT_MS = 10_000;

/** Whether this code was loaded through tsx, which wraps named functions (see allowLoaderNames). */
const LOADER_WRAPS_NAMES = /__name\(/.test(locateInPage.toString());

/**
 * What Chromium's and Firefox's documents do alike, written once over an element handle: each
 * browser's class says only how to find an element, read it, click it and type into it.
 */
export abstract class ElementSurface<H extends { dispose(): Promise<void> }> implements Surface {
  /** Waits for the Target's element. */
  protected abstract find(target: Target, timeout: number): Promise<H>;
  /** Runs fn on the element in the page. */
  protected abstract read<R, A>(element: H, fn: (el: Element, arg: A) => R, arg: A): Promise<R>;
  protected abstract clickElement(element: H, force: boolean): Promise<void>;
  protected abstract fillElement(element: H, value: string): Promise<void>;
  protected abstract typeInto(element: H, text: string): Promise<void>;
  /** The element's box in the top page's viewport, scrolled into view first. */
  protected abstract boxOf(element: H): Promise<Box | null>;
  /** The document moved under the handle (a re-render, a navigation): look again. */
  protected abstract moved(error: unknown): boolean;
  /** Runs a script given as source text in the document (not transformed by any loader). */
  protected abstract runSource(source: string): Promise<void>;

  /**
   * tsx (the demo and the bench run under it) wraps named functions in `__name(fn, "name")`, and
   * the in-page search carries those calls into the document, where `__name` is not defined.
   * Defined there as the identity, scripts can use the driver as the tests (under vitest) do.
   */
  protected async allowLoaderNames(): Promise<void> {
    if (LOADER_WRAPS_NAMES) await this.runSource('globalThis.__name ??= (fn) => fn').catch(() => undefined);
  }

  abstract press(key: string): Promise<void>;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract waitUntil<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  abstract gone(): boolean;

  protected async withElement<R>(target: Target, act: (element: H) => Promise<R>, timeout = WAIT_MS): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const element = await this.find(target, timeout);
      try {
        return await act(element);
      } catch (error) {
        // React-style fixtures re-render every 250 ms: a handle can go stale between look and act.
        if (attempt >= 3 || !this.moved(error)) throw error;
      } finally {
        await element.dispose().catch(() => undefined);
      }
    }
  }

  click(target: Target, options: { force?: boolean } = {}) {
    return this.withElement(target, (e) => this.clickElement(e, options.force ?? false));
  }
  fill(target: Target, value: string) {
    return this.withElement(target, (e) => this.fillElement(e, value));
  }
  type(target: Target, text: string) {
    return this.withElement(target, (e) => this.typeInto(e, text));
  }
  async select(target: Target, option: string) {
    const chosen = await this.withElement(target, (e) =>
      this.read(
        e,
        (el, label) => {
          const select = el as HTMLSelectElement;
          const found = [...select.options].find((o) => o.text.trim() === label);
          if (!found) return false;
          select.value = found.value;
          select.dispatchEvent(new Event('input', { bubbles: true }));
          select.dispatchEvent(new Event('change', { bubbles: true }));
          return true;
        },
        option,
      ),
    );
    if (!chosen) throw new Error(`no option "${option}" in ${describeTarget(target)}`);
  }
  async waitFor(target: Target, timeout = WAIT_MS) {
    await this.withElement(target, async () => undefined, timeout);
  }
  async waitForGone(target: Target, timeout = WAIT_MS) {
    await until(async () => (await this.count(target).catch(() => -1)) === 0, `${describeTarget(target)} to go`, timeout);
  }
  async count(target: Target) {
    await this.allowLoaderNames();
    return (await this.evaluate(locateInPage, [toWire(target), 'count'] as const)) as number;
  }
  async text(target?: Target) {
    if (this.gone()) return '';
    try {
      if (target === undefined) return await this.evaluate(() => document.body.innerText);
      return await this.withElement(target, (e) => this.read(e, (el) => (el as HTMLElement).innerText, undefined));
    } catch (error) {
      // A picker that closed itself has no text left: '' rather than an error.
      if (this.gone() || this.moved(error) || /closed|Target/i.test(String(error))) return '';
      throw error;
    }
  }
  value(target: Target) {
    return this.withElement(target, (e) => this.read(e, (el) => (el as HTMLInputElement).value, undefined));
  }
  checked(target: Target) {
    return this.withElement(target, (e) => this.read(e, (el) => (el as HTMLInputElement).checked || el.getAttribute('aria-checked') === 'true', undefined));
  }
  box(target: Target) {
    return this.withElement(target, async (e): Promise<Box> => {
      const box = await this.boxOf(e);
      if (box === null) throw new Error(`${describeTarget(target)} has no box`);
      return box;
    });
  }
}
