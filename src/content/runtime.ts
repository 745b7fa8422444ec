import type { Envelope, MessageType, Reply, RequestOf, ResponseOf } from '../messages';
import { say } from './ui/words';

/**
 * Content scripts talk to the background without webextension-polyfill: its 10 KB would be most
 * of the content script, and both browsers' MV3 runtime.sendMessage already returns a promise.
 */
interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}

function runtime(): RuntimeLike | null {
  const scope = globalThis as unknown as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  return scope.browser?.runtime ?? scope.chrome?.runtime ?? null;
}

export type ContentReply<T extends MessageType> = Reply<T>;

/** Never throws: a failure is a reply with an error the page UI can show (said when it happens). */
export async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Reply<T>> {
  const api = runtime();
  if (!api) return { ok: false, error: { code: 'no-runtime', message: say('noteErrorNoRuntime') } };
  const envelope: Envelope<T> = { keyward: 1, type, payload };
  try {
    const reply = (await api.sendMessage(envelope)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: { code: 'no-reply', message: say('noteErrorNoReply') } };
  } catch {
    // The extension was reloaded or updated under this page: its old content script is orphaned.
    return { ok: false, error: { code: 'disconnected', message: say('noteErrorDisconnected') } };
  }
}

export type { ResponseOf };
