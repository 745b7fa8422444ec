import type { QueryAnswer, SignedRequest } from '../core/self-query';

/** An exchange's answer to a self-query is a few kilobytes; anything far larger is not one. */
export const MAX_ANSWER_BYTES = 1 << 20;

async function readLimited(response: Response, limit: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder().decode(all);
}

/**
 * Sends one signed self-query from the background. No cookies (a check must not ride on the
 * user's exchange session, and OKX's API shares www.okx.com with its site), no redirect (a signed
 * request goes only where it was built for), no referrer, nothing cached. The answer's body is
 * parsed as JSON when it is JSON; the caller's module decides what it means.
 */
export async function sendSignedRequest(request: SignedRequest, timeoutMs: number): Promise<QueryAnswer | 'timeout' | 'offline'> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const text = await readLimited(response, MAX_ANSWER_BYTES);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    let body: unknown = null;
    if (text !== null && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (an HTML error page from a proxy): the module reads the status alone.
      }
    }
    return { status: response.status, headers, body };
  } catch {
    return controller.signal.aborted ? 'timeout' : 'offline';
  } finally {
    clearTimeout(timer);
  }
}
