import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The request-signing schemes of the exchanges' private REST APIs, as their documentation states
 * them (../shared/exchanges.md, "Request signing"). Pure functions of the request's parts and the
 * secret: which endpoint is queried, and with which headers, is each exchange's own business.
 * Only read-only self-queries are ever signed with these (key health, issue 11).
 */

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const hmacSha256 = (secret: string | Uint8Array, message: string | Uint8Array) =>
  hmac(sha256, typeof secret === 'string' ? utf8ToBytes(secret) : secret, typeof message === 'string' ? utf8ToBytes(message) : message);

const hmacSha512 = (secret: string | Uint8Array, message: string | Uint8Array) =>
  hmac(sha512, typeof secret === 'string' ? utf8ToBytes(secret) : secret, typeof message === 'string' ? utf8ToBytes(message) : message);

/** Binance and MEXC: hex HMAC-SHA256 of the query string followed by the body. */
export function signQueryHex(secret: string, query: string, body = ''): string {
  return bytesToHex(hmacSha256(secret, query + body));
}

/** HTX (signature version 2): what is signed, from the request's method, host, path and parameters. */
export function htxPayload(method: string, host: string, path: string, params: Record<string, string>): string {
  // Sorted by ASCII order of the encoded names, values percent-encoded as in the final URL.
  const encoded = Object.entries(params)
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${method.toUpperCase()}\n${host.toLowerCase()}\n${path}\n${encoded}`;
}

/** HTX: base64 HMAC-SHA256 of htxPayload. */
export function signHtx(secret: string, payload: string): string {
  return base64(hmacSha256(secret, payload));
}

/** HTX wants UTC to the second, without zone: 2017-05-11T15:19:30. */
export function htxTimestamp(at: number): string {
  return new Date(at).toISOString().slice(0, 19);
}

/** encodeURIComponent leaves !'()* alone; the signature is computed over the strict form. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * OKX, KuCoin and Bitget: base64 HMAC-SHA256 of timestamp + METHOD + request path (with its
 * query) + body. They differ in the timestamp's form and the headers only.
 */
export function signPrehashBase64(secret: string, timestamp: string, method: string, requestPath: string, body = ''): string {
  return base64(hmacSha256(secret, `${timestamp}${method.toUpperCase()}${requestPath}${body}`));
}

/** KuCoin API keys of version 2 and later send their passphrase HMAC-signed with the secret. */
export function kucoinPassphrase(secret: string, passphrase: string): string {
  return base64(hmacSha256(secret, passphrase));
}

/** Bybit v5: hex HMAC-SHA256 of timestamp + API key + recvWindow + query string (GET) or body. */
export function signBybit(secret: string, timestamp: string, apiKey: string, recvWindow: string, queryOrBody: string): string {
  return bytesToHex(hmacSha256(secret, `${timestamp}${apiKey}${recvWindow}${queryOrBody}`));
}

/** Gate v4: hex HMAC-SHA512 of METHOD, path, query, hex SHA-512 of the body and timestamp, one per line. */
export function signGate(secret: string, method: string, path: string, query: string, body: string, timestamp: string): string {
  const bodyHash = bytesToHex(sha512(utf8ToBytes(body)));
  return bytesToHex(hmacSha512(secret, `${method.toUpperCase()}\n${path}\n${query}\n${bodyHash}\n${timestamp}`));
}

/**
 * Kraken: base64 HMAC-SHA512, keyed with the base64-decoded secret, of the URI path followed by
 * the raw SHA-256 of nonce + POST data.
 */
export function signKraken(secret: string, path: string, nonce: string, postData: string): string {
  const digest = sha256(utf8ToBytes(nonce + postData));
  const pathBytes = utf8ToBytes(path);
  const message = new Uint8Array(pathBytes.length + digest.length);
  message.set(pathBytes);
  message.set(digest, pathBytes.length);
  return base64(hmacSha512(fromBase64(secret), message));
}
