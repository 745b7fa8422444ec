/**
 * Coinbase Developer Platform keys authenticate each REST request with a short-lived JWT signed
 * by the key's private key: ES256 for an EC P-256 PEM key, EdDSA for an Ed25519 key (NOTES.md,
 * "Self-query"). WebCrypto signs, so this is asynchronous; the private key never leaves it as text.
 */

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** DER: a tag, its length (short or long form), then the content. */
function der(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  const head =
    length < 0x80 ? [tag, length] : length < 0x100 ? [tag, 0x81, length] : [tag, 0x82, length >> 8, length & 0xff];
  const out = new Uint8Array(head.length + length);
  out.set(head);
  out.set(content, head.length);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** AlgorithmIdentifier { id-ecPublicKey, prime256v1 }. */
const EC_P256_ALGORITHM = Uint8Array.of(
  0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
);
/** PKCS#8 up to the 32-byte seed of an Ed25519 key (RFC 8410). */
const ED25519_PKCS8_PREFIX = Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20);

export type CdpKey = { alg: 'ES256'; key: CryptoKey } | { alg: 'EdDSA'; key: CryptoKey };

/**
 * The private key as Coinbase hands it out: a PEM block (SEC1 "EC PRIVATE KEY", as CDP
 * downloads it, or PKCS#8 "PRIVATE KEY"), or an Ed25519 key as base64 of its 64 bytes (seed,
 * then public key) or of the 32-byte seed alone.
 */
export async function importCdpKey(secret: string): Promise<CdpKey> {
  const pem = /-----BEGIN (EC )?PRIVATE KEY-----([^-]+)-----END (EC )?PRIVATE KEY-----/.exec(secret.replace(/\\n/g, '\n'));
  if (pem) {
    const body = fromBase64(pem[2] ?? '');
    // SEC1 inside PKCS#8: version 0, the P-256 algorithm, the SEC1 structure as an octet string.
    const pkcs8 = pem[1] === undefined ? body : concat(der(0x30, concat(Uint8Array.of(0x02, 0x01, 0x00), EC_P256_ALGORITHM, der(0x04, body))));
    const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    return { alg: 'ES256', key };
  }
  const raw = fromBase64(secret.trim());
  if (raw.length !== 64 && raw.length !== 32) throw new Error('Not a Coinbase private key (PEM or base64 Ed25519)');
  const key = await crypto.subtle.importKey('pkcs8', concat(ED25519_PKCS8_PREFIX, raw.subarray(0, 32)), { name: 'Ed25519' }, false, ['sign']);
  return { alg: 'EdDSA', key };
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The Bearer token for one request: `uri` is "METHOD host/path". Valid two minutes from `now`,
 * as Coinbase's own SDKs make it; the nonce keeps two tokens of the same second apart.
 */
export async function cdpJwt(keyName: string, secret: string, uri: string, now: number): Promise<string> {
  const { alg, key } = await importCdpKey(secret);
  const seconds = Math.floor(now / 1000);
  const encode = (value: object) => base64url(new TextEncoder().encode(JSON.stringify(value)));
  const signingInput = `${encode({ alg, kid: keyName, nonce: randomHex(16), typ: 'JWT' })}.${encode({
    sub: keyName,
    iss: 'cdp',
    nbf: seconds,
    exp: seconds + 120,
    uri,
  })}`;
  // WebCrypto's ECDSA signature is r || s, which is what JWS wants (not DER).
  const algorithm = alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  const signature = new Uint8Array(await crypto.subtle.sign(algorithm, key, new TextEncoder().encode(signingInput)));
  return `${signingInput}.${base64url(signature)}`;
}
