/** WebCrypto in TypeScript 5.9 wants buffers backed by a plain ArrayBuffer. */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
  return new Uint8Array(encoder.encode(text));
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

/**
 * The browsers' own base64 (Chromium 140, Firefox 133), where present: the details cache is half a
 * megabyte of base64, and decoding it a character at a time in a worker that has just started
 * (its code not yet optimised) was a tenth of a popup's wait.
 */
const native = Uint8Array as unknown as {
  fromBase64?: (text: string) => Bytes;
  prototype: { toBase64?: () => string };
};

export function toBase64(bytes: Uint8Array): string {
  if (native.prototype.toBase64) return (bytes as Uint8Array & { toBase64(): string }).toBase64();
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict: a stored or imported field that is not canonical base64 is corruption, not data. */
export function fromBase64(text: string): Bytes {
  if (typeof text !== 'string' || !BASE64.test(text)) throw new TypeError('not base64');
  if (native.fromBase64) return native.fromBase64(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Overwrites key material we are done with; a best effort, JS gives no stronger guarantee. */
export function wipe(bytes: Uint8Array | undefined): void {
  bytes?.fill(0);
}
