import { describe, expect, it } from 'vitest';
import { encodingsOf, findSecrets } from '../e2e/storage-scan';

/** The scan itself must be able to fail: it finds a secret in each form it claims to cover. */
describe('storage scan', () => {
  const secret = '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B';
  const bytes = Buffer.from(secret);

  it.each([
    ['clear text', JSON.stringify({ secret })],
    ['hex', `{"blob":"00ff${bytes.toString('hex')}ff"}`],
    ['upper-case hex', bytes.toString('hex').toUpperCase()],
    ['base64 at offset 0', Buffer.concat([Buffer.from('abc'), bytes]).toString('base64')],
    ['base64 at offset 1', Buffer.concat([Buffer.from('ab'), bytes]).toString('base64')],
    ['base64 at offset 2', Buffer.concat([Buffer.from('a'), bytes]).toString('base64')],
    ['base64url', Buffer.concat([Buffer.from([0xfb, 0xff]), bytes]).toString('base64url')],
  ])('finds a secret stored as %s', (_form, dump) => {
    expect(findSecrets(dump, { secret })).not.toEqual([]);
  });

  it('does not flag unrelated data', () => {
    expect(findSecrets(JSON.stringify({ ct: Buffer.from('x'.repeat(64)).toString('base64') }), { secret })).toEqual([]);
    expect(encodingsOf(secret).length).toBeGreaterThan(3);
  });
});
