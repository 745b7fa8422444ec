import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../src/vault/bytes';
import { isVaultError } from '../../../src/vault/errors';
import { KDF_MINIMUM, type KdfParams } from '../../../src/vault/kdf';
import type { StoredKey } from '../../../src/vault/store';
import { Vault } from '../../../src/vault/vault';
import { freshVault, sampleInput } from './helpers';

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isVaultError(error) ? error.code : error).toBe(code);
}

function flip(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
  return toBase64(bytes);
}

/** A vault created with the password 'pw', and the header it stored. */
async function createdWithHeader() {
  const { db, vault } = await freshVault();
  await vault.create('pw');
  const meta = await db.get('meta', 'vault');
  if (!meta) throw new Error('no meta');
  return { db, vault, meta };
}

describe('vault', () => {
  it('round-trips a key through create, lock and unlock', async () => {
    const { db, vault } = await freshVault();
    const open = await vault.create('correct horse');
    const added = await open.add(sampleInput({ apiKey: '  e2a1b2c3-99d4e5f6-84a7b8c9-7d0e1 \n' }));
    expect(added.apiKeyTail).toBe('7d0e1'.slice(-4));
    expect(added.risk).toEqual({ withdraw: true, transfer: false, noIpWhitelist: true });

    const reopened = await new Vault(db, { kdfTarget: KDF_MINIMUM }).unlock('correct horse');
    const [summary] = await reopened.list();
    expect(summary?.label).toBe('grid bot');
    const creds = await reopened.credentials(added.id);
    expect(creds.apiKey).toBe('e2a1b2c3-99d4e5f6-84a7b8c9-7d0e1');
    expect(creds.secret).toBe('f1e2d3c4-b5a69788-12345678-9abcd');
  });

  it('refuses a wrong password and changes nothing', async () => {
    const { db, vault } = await freshVault();
    await vault.create('correct horse');
    const before = await db.get('meta', 'vault');
    await expectCode(vault.unlock('wrong horse'), 'wrong-password');
    expect(await db.get('meta', 'vault')).toEqual(before);
  });

  it('refuses to create a second vault over the first', async () => {
    const { vault } = await freshVault();
    await vault.create('one');
    await expectCode(vault.create('two'), 'vault-exists');
  });

  it('refuses stored KDF parameters below the minimum (downgrade)', async () => {
    const { db, vault, meta } = await createdWithHeader();
    const weak: KdfParams = { ...meta.kdf, memoryKiB: 1024, iterations: 1 };
    await db.put('meta', { ...meta, kdf: weak }, 'vault');
    await expectCode(vault.unlock('pw'), 'kdf-downgrade');
  });

  it('raises weaker (but allowed) stored parameters to the target at unlock', async () => {
    const { db, vault } = await freshVault();
    await vault.create('pw');
    const stronger: KdfParams = { ...KDF_MINIMUM, memoryKiB: 24 * 1024 };
    const upgraded = await new Vault(db, { kdfTarget: stronger }).unlock('pw');
    expect((await db.get('meta', 'vault'))?.kdf).toEqual(stronger);
    expect(upgraded.header.kdf).toEqual(stronger);
    await expectCode(new Vault(db, { kdfTarget: stronger }).unlock('nope'), 'wrong-password');
    await new Vault(db, { kdfTarget: stronger }).unlock('pw');
  });

  it('tells tampering of the wrapped vault key from a wrong password', async () => {
    const { db, vault, meta } = await createdWithHeader();
    await db.put('meta', { ...meta, wrappedVaultKey: { ...meta.wrappedVaultKey, ct: flip(meta.wrappedVaultKey.ct) } }, 'vault');
    await expectCode(vault.unlock('pw'), 'tampered');
  });

  it('refuses altered KDF parameters even when they are above the minimum', async () => {
    const { db, vault, meta } = await createdWithHeader();
    await db.put('meta', { ...meta, kdf: { ...meta.kdf, iterations: 3 } }, 'vault');
    // A different KDF gives a different KEK: the check fails like a wrong password would.
    await expectCode(vault.unlock('pw'), 'wrong-password');
  });

  it('seals a capture while locked; it opens after unlock and is adopted', async () => {
    const { db, vault } = await freshVault();
    await vault.create('pw');
    const locked = new Vault(db, { kdfTarget: KDF_MINIMUM });
    const sealed = await locked.sealNew(sampleInput());
    expect(sealed.duplicate).toBe(false);
    const raw = await db.get('keys', sealed.id);
    expect(raw?.credentials.alg).toBe('ECDH-P256+HKDF-SHA256+A256GCM');
    expect(await locked.riskCount()).toEqual({ keys: 1, risky: 1 });

    const open = await locked.unlock('pw');
    expect((await db.get('keys', sealed.id))?.credentials.alg).toBe('A256GCM');
    expect((await open.credentials(sealed.id)).secret).toBe('f1e2d3c4-b5a69788-12345678-9abcd');
  });

  it('keeps one record when the same key is captured twice', async () => {
    const { vault } = await freshVault();
    await vault.create('pw');
    const first = await vault.sealNew(sampleInput());
    const second = await vault.sealNew(sampleInput({ apiKey: ' e2a1b2c3-99d4e5f6-84a7b8c9-7d0e1' }));
    expect(second).toEqual({ id: first.id, duplicate: true });
    expect((await vault.riskCount()).keys).toBe(1);
  });

  it.each([
    ['ciphertext', (r: StoredKey) => ({ ...r, credentials: { ...r.credentials, ct: flip(r.credentials.ct) } })],
    ['ephemeral key', (r: StoredKey) => ('epk' in r.credentials ? { ...r, credentials: { ...r.credentials, epk: flip(r.credentials.epk) } } : r)],
    ['associated data (exchange)', (r: StoredKey): StoredKey => ({ ...r, exchange: 'binance' })],
  ])('refuses a sealed record whose %s was altered', async (_what, alter) => {
    const { db, vault } = await freshVault();
    await vault.create('pw');
    const { id } = await vault.sealNew(sampleInput());
    const stored = await db.get('keys', id);
    if (!stored) throw new Error('missing');
    await db.put('keys', alter(stored));
    const open = await vault.unlock('pw');
    // Adoption leaves the bad record alone, and reading it fails loudly.
    expect((await db.get('keys', id))?.credentials.alg).toBe('ECDH-P256+HKDF-SHA256+A256GCM');
    await expectCode(open.credentials(id), 'tampered');
  });

  it('refuses an unlocked record moved to another id', async () => {
    const { db, vault } = await freshVault();
    const open = await vault.create('pw');
    const a = await open.add(sampleInput());
    const stored = await db.get('keys', a.id);
    if (!stored) throw new Error('missing');
    await db.delete('keys', a.id);
    await db.put('keys', { ...stored, id: 'another-id' });
    await expectCode(open.credentials('another-id'), 'tampered');
  });

  it('refuses a tampered wrapped capture key', async () => {
    const { db, vault, meta } = await createdWithHeader();
    const bad = { ...meta.wrappedSealPrivateKey, ct: flip(meta.wrappedSealPrivateKey.ct) };
    await db.put('meta', { ...meta, wrappedSealPrivateKey: bad }, 'vault');
    await expectCode(vault.unlock('pw'), 'tampered');
  });

  it('changes the password by re-wrapping only the vault key', async () => {
    const { db, vault } = await freshVault();
    const open = await vault.create('old pw');
    const added = await open.add(sampleInput());
    const recordBefore = await db.get('keys', added.id);
    await expectCode(open.changePassword('not it', 'new pw'), 'wrong-password');
    await open.changePassword('old pw', 'new pw');
    expect(await db.get('keys', added.id)).toEqual(recordBefore);
    await expectCode(vault.unlock('old pw'), 'wrong-password');
    const reopened = await vault.unlock('new pw');
    expect((await reopened.credentials(added.id)).apiKey).toBe(sampleInput().credentials.apiKey);
  });

  it('resumes from a kept vault key without the password', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    const added = await open.add(sampleInput());
    const resumed = await vault.resume(open.vaultKeyRaw);
    expect((await resumed.credentials(added.id)).secret).toBe(sampleInput().credentials.secret);
  });

  it('updates details, re-deriving the clear risk flags', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    const added = await open.add(sampleInput());
    const updated = await open.updateDetails(added.id, (d) => ({
      ...d,
      permissions: d.permissions && { ...d.permissions, withdraw: false },
      ipWhitelist: ['203.0.113.7'],
    }));
    expect(updated.risk).toEqual({ withdraw: false, transfer: false, noIpWhitelist: false });
    expect(await vault.riskCount()).toEqual({ keys: 1, risky: 0 });
  });

  it('refuses a manual add of a key already in the vault, and an empty secret', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    await open.add(sampleInput());
    await expectCode(open.add(sampleInput()), 'invalid-input');
    await expectCode(open.add(sampleInput({ apiKey: 'other', secret: '   ' })), 'invalid-input');
  });

  it('deletes a key', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    const added = await open.add(sampleInput());
    await open.delete(added.id);
    expect(await open.list()).toEqual([]);
    await expectCode(open.credentials(added.id), 'not-found');
  });
});

describe('vault under concurrency', () => {
  it('keeps one record when the same key is captured twice at once', async () => {
    const { vault } = await freshVault();
    await vault.create('pw');
    const results = await Promise.all([vault.sealNew(sampleInput()), vault.sealNew(sampleInput())]);
    expect(results.filter((r) => r.duplicate)).toHaveLength(1);
    expect(results[0]?.id).toBe(results[1]?.id);
    expect((await vault.riskCount()).keys).toBe(1);
  });

  it('does not keep a listing that a write overtook: the next listing shows the new key', async () => {
    const { db } = await freshVault();
    // The details cache's stored box arrives only when released: the listing has read the
    // records and waits on it while the write runs to its end.
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const area = { load: () => gate.then(() => undefined), save: async () => undefined, clear: async () => undefined };
    const vault = new Vault(db, { kdfTarget: KDF_MINIMUM, detailsCache: area });
    const open = await vault.create('pw');
    await open.add(sampleInput({ apiKey: 'first-key-0001' }));
    // Resumed with the same key: a fresh open vault with no summaries yet, as after a worker restart.
    const resumed = await vault.resume(open.vaultKeyRaw.slice());
    const listing = resumed.listAll();
    const added = await resumed.add(sampleInput({ apiKey: 'second-key-0002' }));
    release();
    // That reading began before the write, so it lacks the new key: it may be returned, not kept.
    expect(await listing).toHaveLength(1);
    expect((await resumed.listAll()).map((key) => key.id).sort()).toEqual([...(await listing).map((key) => key.id), added.id].sort());
  });
});

describe('observations from the key list', () => {
  it('while locked: the badge hint never falls; a capture still waiting takes the whole reading at unlock', async () => {
    const { vault } = await freshVault();
    await vault.create('pw');
    const { id } = await vault.sealNew(sampleInput());
    expect(await vault.riskCount()).toEqual({ keys: 1, risky: 1 });
    const seen = {
      permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
      ipWhitelist: ['203.0.113.9'],
    };
    expect(await vault.observeLocked('htx', ` ${sampleInput().credentials.apiKey}`, seen)).toBe(true);
    expect(await vault.observeLocked('htx', 'not-a-stored-key', seen)).toBe(false);
    // Anything can send a key-list reading while locked: it may not take a warning away.
    expect(await vault.riskCount()).toEqual({ keys: 1, risky: 1 });
    const open = await vault.unlock('pw');
    // The capture and the reading both came sealed, equally unauthenticated: merged whole.
    const key = await open.get(id);
    expect(key.ipWhitelist).toEqual(['203.0.113.9']);
    expect(key.permissions?.withdraw).toBe(false);
    expect(key.label).toBe('grid bot');
    expect(await vault.riskCount()).toEqual({ keys: 1, risky: 0 });
  });

  it('while unlocked: updates only what changed', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    await open.add(sampleInput());
    const same = { permissions: sampleInput().details.permissions, ipWhitelist: [] };
    expect(await open.observe('htx', sampleInput().credentials.apiKey, same)).toBe('unchanged');
    expect(await open.observe('htx', sampleInput().credentials.apiKey, { permissions: null, ipWhitelist: ['198.51.100.1'] })).toBe('updated');
    expect(await open.observe('binance', sampleInput().credentials.apiKey, same)).toBe('unknown');
    expect((await open.list())[0]?.risk.noIpWhitelist).toBe(false);
  });
});
