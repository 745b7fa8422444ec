import { readFileSync } from 'node:fs';
import { onTestFinished, vi } from 'vitest';
import { fixtureFile, fixtureFileOf } from '../../e2e/harness/fixture-files';

/**
 * Loads a fixture page into the test's (happy-dom) document and runs its inline scripts, so the
 * readers see the page as the browser would, late renders included. The page runs on a fake
 * clock for the rest of the test: `settle(ms)` moves it on, so a render the page makes 150 ms
 * after a click has happened once the test settles 200 ms, however loaded the machine is.
 */
export function loadFixture(path: string): void {
  if (!vi.isFakeTimers()) {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
  }
  // Stylesheets the page links (shared by its language versions) are inlined before parsing: the
  // test document loads nothing, and readers that look at computed styles see the page styled.
  const html = readFileSync(fixtureFileOf(path), 'utf8').replace(
    /<link rel="stylesheet" href="([^"]+)">/g,
    (_link, href: string) => `<style>${fileServedBeside(path, href)}</style>`,
  );
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = parsed.documentElement.lang;
  document.head.replaceChildren(...Array.from(parsed.head.childNodes).map((n) => document.importNode(n, true)));
  const scripts: string[] = [];
  for (const script of Array.from(parsed.body.querySelectorAll('script'))) {
    const src = script.getAttribute('src');
    scripts.push(src === null ? (script.textContent ?? '') : fileServedBeside(path, src));
    script.remove();
  }
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  for (const code of scripts) new Function(code)();
}

export async function settle(ms = 50): Promise<void> {
  if (!vi.isFakeTimers()) throw new Error('settle() moves the fake clock that loadFixture() starts: load a fixture first');
  await vi.advanceTimersByTimeAsync(ms);
}

/** Clicks the visible element whose own text is exactly `text` (a person's click, by words). */
export function clickText(text: string): void {
  const target = Array.from(document.querySelectorAll<HTMLElement>('button, a, [role=checkbox], [role=switch], label, span'))
    .filter((e) => (e.textContent ?? '').trim() === text)
    .at(-1);
  if (!target) throw new Error(`nothing to click with text ${text}`);
  target.click();
}

export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A vocabulary's phrases as one anchored pattern, for finding a field as a person names it. */
export function phrasesPattern(words: readonly string[] | RegExp): RegExp {
  if (words instanceof RegExp) return words;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'));
  return new RegExp(`^\\*?\\s*(?:${escaped.join('|')})(?:\\s*[(（][^)）]*[)）])?$`, 'i');
}

/**
 * A script or stylesheet a fixture page loads by URL (what its language versions share), read
 * from where the fixture server would serve it.
 */
function fileServedBeside(fixture: string, src: string): string {
  const slash = fixture.indexOf('/');
  const directory = fixture.slice(slash, fixture.lastIndexOf('/') + 1);
  // An absolute URL names its own host (a cloned page loading the original site's files).
  const absolute = /^https:\/\/([^/]+)(\/.*)$/.exec(src);
  const host = absolute?.[1] ?? fixture.slice(0, slash);
  const urlPath = absolute?.[2] ?? (src.startsWith('/') ? src : `${directory}${src}`);
  const file = fixtureFile(host, urlPath);
  if (file === null) throw new Error(`${fixture} loads ${src}, which no fixture folder serves`);
  return readFileSync(file, 'utf8');
}
