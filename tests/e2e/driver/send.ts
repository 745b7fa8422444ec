import type { Envelope, MessageType, Reply, RequestOf, ResponseOf } from '../../../src/messages';

/**
 * Anything that runs a function inside an extension page with one serialisable argument: a
 * Playwright page (Chromium) and a Puppeteer page (Firefox) both have this shape.
 */
export interface ExtensionPageLike {
  evaluate(fn: (envelope: Envelope) => Promise<unknown>, envelope: Envelope): Promise<unknown>;
}

/**
 * Sends a protocol message to the background from an extension page, exactly as Keyward's own
 * pages do: the background sees a real extension page as the sender and checks it as such.
 * The one copy of this helper for tests, the demo and anything else that drives a built Keyward.
 */
export async function sendFrom<T extends MessageType>(page: ExtensionPageLike, type: T, payload: RequestOf<T>): Promise<Reply<T>> {
  const envelope: Envelope<T> = { keyward: 1, type, payload };
  const reply = await page.evaluate(async (message) => {
    // Firefox's pages have `browser` (promises); Chromium's have `chrome` (promises in MV3).
    const scope = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
    interface Runtime {
      runtime: { sendMessage(message: unknown): Promise<unknown> };
    }
    const api = scope.browser ?? scope.chrome;
    if (api === undefined) throw new Error('not an extension page');
    return api.runtime.sendMessage(message);
  }, envelope);
  return reply as Reply<T>;
}

/** The reply's data, or an error naming the background's refusal (for steps that must succeed). */
export async function callFrom<T extends MessageType>(page: ExtensionPageLike, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = await sendFrom(page, type, payload);
  if (!reply.ok) throw new Error(`${type} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}
