import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../src/vault/bytes';
import { deriveIntegrityKey, importTagKey, recordMac, verifyRecordMac } from '../../../src/vault/integrity';
import type { StoredKey } from '../../../src/vault/store';

const vaultKey = new Uint8Array(32).map((_, i) => i + 1);
const box = { alg: 'AES-GCM', iv: 'aXYxMjM0NTY3ODkw', ct: 'Y2lwaGVydGV4dA==' };

/** An adopted record, tagged as the vault tags it (synchronously, with @noble/hashes). */
function tagged(): StoredKey {
  const record = {
    v: 2,
    id: 'rec-1',
    exchange: 'okx',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    fingerprint: 'ZmluZ2VycHJpbnQ=',
    risk: { withdraw: false, transfer: false, noIpWhitelist: false },
    credentials: box,
    details: { ...box, ct: 'ZGV0YWlscw==' },
  } as unknown as StoredKey;
  return { ...record, mac: recordMac(deriveIntegrityKey(vaultKey), record) };
}

describe('record tags checked through WebCrypto', () => {
  it('accepts the tag @noble/hashes made', async () => {
    expect(await verifyRecordMac(await importTagKey(deriveIntegrityKey(vaultKey)), tagged())).toBe(true);
  });

  it('refuses it under another vault key', async () => {
    const other = deriveIntegrityKey(new Uint8Array(32).fill(9));
    expect(await verifyRecordMac(await importTagKey(other), tagged())).toBe(false);
  });

  it('refuses a record changed anywhere the tag covers', async () => {
    const key = await importTagKey(deriveIntegrityKey(vaultKey));
    const record = tagged();
    for (const changed of [
      { ...record, details: { ...box, ct: 'b3RoZXI=' } },
      { ...record, id: 'rec-2' },
      { ...record, exchange: 'htx' },
      { ...record, capturedWhileLocked: true },
    ] as StoredKey[]) {
      expect(await verifyRecordMac(key, changed)).toBe(false);
    }
  });

  it('refuses a missing, short or malformed tag', async () => {
    const key = await importTagKey(deriveIntegrityKey(vaultKey));
    const record = tagged();
    const { mac: _dropped, ...untagged } = record;
    expect(await verifyRecordMac(key, untagged as StoredKey)).toBe(false);
    expect(await verifyRecordMac(key, { ...record, mac: toBase64(new Uint8Array(16)) })).toBe(false);
    expect(await verifyRecordMac(key, { ...record, mac: '%%% not base64' })).toBe(false);
  });
});
