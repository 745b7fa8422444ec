/**
 * Functions the benchmarks run inside a browser page (Playwright's and Puppeteer's evaluate and
 * init scripts take them as they are), shared by the Chromium and Firefox benches. No named helper
 * functions inside them: tsx's keepNames would reference a __name the page lacks.
 */

/** Adds `count` manual keys through the background, 50 messages at a time, from an extension page. */
export async function addBenchKeys(count: number): Promise<void> {
  const scope = globalThis as unknown as Record<'browser' | 'chrome', { runtime: { sendMessage(m: unknown): Promise<unknown> } } | undefined>;
  const runtime = (scope.browser ?? scope.chrome)?.runtime;
  if (!runtime) throw new Error('not an extension page');
  const exchanges = ['binance', 'okx', 'htx', 'bybit', 'kucoin', 'gate'];
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, (_, j) => {
        const i = start + j;
        return runtime.sendMessage({
          keyward: 1,
          type: 'keys.add',
          payload: {
            input: {
              exchange: exchanges[i % exchanges.length],
              credentials: { apiKey: `bench-key-${i.toString(16).padStart(8, '0')}`, secret: `bench-secret-${(i * 7919).toString(16).padStart(12, '0')}`, passphrase: '' },
              details: {
                label: `bot ${i}`,
                account: i % 5 === 0 ? `sub-${i % 17}` : 'main',
                permissions: { read: true, trade: true, withdraw: i % 9 === 0, transfer: false, labels: ['Read', 'Trade'] },
                ipWhitelist: i % 4 === 0 ? [] : ['203.0.113.7'],
                source: { kind: 'manual' },
                notes: '',
              },
            },
          },
        });
      }),
    );
  }
}

/**
 * Init script for an exchange's API page: gives the fixture its access key and notes when the
 * secret dialog and Keyward's confirmation inside it enter the DOM (window.__dialogAt, __confirmedAt).
 */
export function watchCaptureDialog(access: string): void {
  const scope = window as unknown as Record<string, unknown>;
  scope.__fixtureAccess = access;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node.querySelector('[role=dialog]')) scope.__dialogAt = performance.now();
        if (node.tagName === 'KEYWARD-INLINE' && node.closest('[role=dialog]')) scope.__confirmedAt = performance.now();
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Init script for a bind form: notes, on the machine's clock, when an input takes `value` (window.__filledAt). */
export function watchFilledValue(value: string): void {
  document.addEventListener(
    'input',
    (event) => {
      if ((event.target as HTMLInputElement | null)?.value === value) {
        (window as unknown as { __filledAt: number }).__filledAt = performance.timeOrigin + performance.now();
      }
    },
    true,
  );
}

/** Notes when Enter goes down in the page (window.__enterAt), for "Enter to unlocked". */
export function noteEnter(): void {
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') (window as unknown as { __enterAt: number }).__enterAt = performance.now();
    },
    true,
  );
}

/** Enter to the key list drawn (the popup's keyward:ready:list mark), or null while not there yet. */
export function enterToListMs(): number | null {
  const mark = performance.getEntriesByName('keyward:ready:list')[0];
  const enterAt = (window as unknown as { __enterAt?: number }).__enterAt;
  return mark && enterAt !== undefined ? mark.startTime - enterAt : null;
}
