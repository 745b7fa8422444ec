import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../src/vault/bytes';

// Node 20 has no Uint8Array.fromBase64 / toBase64; the browsers Keyward targets do. Both paths
// must give the same bytes, and the strict check must hold on either.
const ctor = Uint8Array as unknown as { fromBase64?: unknown; prototype: { toBase64?: unknown } };

function installNative(): void {
  ctor.fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
  ctor.prototype.toBase64 = function (this: Uint8Array) {
    return Buffer.from(this).toString('base64');
  };
}

afterEach(() => {
  delete ctor.fromBase64;
  delete ctor.prototype.toBase64;
});

const samples = [new Uint8Array([]), new Uint8Array([0]), new Uint8Array([255, 254]), new Uint8Array(70_000).map((_, i) => i * 7)];

describe.each([
  ['script', () => undefined],
  ['native', installNative],
])('base64 (%s)', (_name, setup) => {
  it('round-trips bytes of every length, large ones included', () => {
    setup();
    for (const bytes of samples) {
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(fromBase64(text))).toEqual(Array.from(bytes));
    }
  });

  it('refuses what is not canonical base64, which the native decoder alone would accept', () => {
    setup();
    for (const text of ['QQ', 'QQ=', 'Q Q==', 'QQ==\n', 'QUJD-', 'QUJD_w==', '====']) expect(() => fromBase64(text)).toThrow(TypeError);
  });
});
