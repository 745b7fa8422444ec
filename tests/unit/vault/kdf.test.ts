import { afterEach, describe, expect, it, vi } from 'vitest';
import * as hashWasm from 'hash-wasm';
import { toHex, utf8 } from '../../../src/vault/bytes';
import { KDF_MINIMUM, type KdfParams, argon2idInJs, argon2idInWasm, deriveKek } from '../../../src/vault/kdf';

vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof import('hash-wasm')>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});
const wasmArgon = vi.mocked(hashWasm.argon2id);

const salt = new Uint8Array(16).map((_, i) => i * 17 + 3);

/**
 * Argon2id at OWASP's minimum (19 MiB, t=2, p=1) of "correct horse" with the salt above, as
 * @noble/hashes computed it before Keyward moved to WebAssembly: every vault and backup made
 * since was wrapped under this function, so the output may never change.
 */
const MINIMUM_VECTOR = '517a76fd1665a06985a024062382b83218bab04b0e7d82a1c95a2996951d160e';

/** Small memory so the JavaScript side stays quick; the shapes differ where the two could. */
const shapes: [string, KdfParams][] = [
  ['one lane', { ...KDF_MINIMUM, memoryKiB: 256, iterations: 2, parallelism: 1 }],
  ['four lanes, three passes', { ...KDF_MINIMUM, memoryKiB: 512, iterations: 3, parallelism: 4 }],
  ['memory not a multiple of the lanes × 4 blocks', { ...KDF_MINIMUM, memoryKiB: 301, iterations: 1, parallelism: 3 }],
];

afterEach(() => {
  vi.unstubAllGlobals();
  wasmArgon.mockClear();
});

describe('key derivation', () => {
  it('gives the same key as before the move to WebAssembly', async () => {
    expect(toHex(await deriveKek('correct horse', salt, KDF_MINIMUM))).toBe(MINIMUM_VECTOR);
    expect(wasmArgon).toHaveBeenCalledTimes(1);
  });

  it.each(shapes)('WebAssembly and @noble/hashes agree bit for bit: %s', async (_shape, params) => {
    for (const password of ['correct horse', 'пароль 密码 ﬁ', '']) {
      const bytes = utf8(password);
      expect(toHex(await argon2idInWasm(bytes, salt, params))).toBe(toHex(await argon2idInJs(bytes, salt, params)));
    }
  });

  it('normalises the password (NFKC) before hashing, as it always did', async () => {
    const ligature = await deriveKek('ﬁle', salt, KDF_MINIMUM);
    expect(toHex(ligature)).toBe(toHex(await deriveKek('file', salt, KDF_MINIMUM)));
  });

  it('falls back to JavaScript, with the same key, where WebAssembly is switched off', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(toHex(await deriveKek('correct horse', salt, KDF_MINIMUM))).toBe(MINIMUM_VECTOR);
  });

  it('falls back to JavaScript when the CSP refuses to compile WebAssembly', async () => {
    wasmArgon.mockRejectedValueOnce(new WebAssembly.CompileError('refused by CSP'));
    expect(toHex(await deriveKek('correct horse', salt, KDF_MINIMUM))).toBe(MINIMUM_VECTOR);
  });

  it('does not retry in JavaScript after any other failure', async () => {
    wasmArgon.mockRejectedValueOnce(new RangeError('out of memory'));
    await expect(deriveKek('correct horse', salt, KDF_MINIMUM)).rejects.toThrow('out of memory');
  });
});
