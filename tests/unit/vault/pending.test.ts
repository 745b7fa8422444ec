import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isVaultError } from '../../../src/vault/errors';
import { KDF_MINIMUM } from '../../../src/vault/kdf';
import { MAX_PENDING, Vault } from '../../../src/vault/vault';
import { countingDb } from './counting-db';
import { freshVault, sampleInput } from './helpers';

/** A distinct, well-formed HTX-style API key per index. */
function keyNumber(n: number) {
  const hex = n.toString(16).padStart(8, '0');
  return sampleInput({ apiKey: `${hex}-99d4e5f6-84a7b8c9-7d0e1` });
}

async function lockedVault(maxPending: number) {
  const { db, vault } = await freshVault();
  await vault.create('pw');
  // A fresh object, as after a service-worker restart: nothing cached, the vault locked.
  return { db, vault: new Vault(db, { kdfTarget: KDF_MINIMUM, maxPending }) };
}

describe('the cap on sealed records waiting for an unlock', () => {
  it('is a hundred by default', () => {
    expect(MAX_PENDING).toBe(100);
  });

  it('refuses a capture beyond the cap, with a clear code, and changes nothing stored', async () => {
    const { db, vault } = await lockedVault(3);
    for (let n = 0; n < 3; n++) await vault.sealNew(keyNumber(n));
    const before = await db.getAll('keys');
    const refused = await vault.sealNew(keyNumber(3)).catch((error: unknown) => error);
    expect(isVaultError(refused, 'too-many-pending')).toBe(true);
    expect(refused).toMatchObject({ message: expect.stringContaining('unlock it to store more') });
    expect(await db.getAll('keys')).toEqual(before);
  });

  it('still answers a duplicate of a stored key at the cap, and does not ask to admit it', async () => {
    const { vault } = await lockedVault(2);
    const first = await vault.sealNew(keyNumber(0));
    await vault.sealNew(keyNumber(1));
    await expect(vault.sealNew(keyNumber(2))).rejects.toMatchObject({ code: 'too-many-pending' });
    let admitted = 0;
    expect(await vault.sealNew(keyNumber(0), { admit: () => admitted++ })).toEqual({ id: first.id, duplicate: true });
    expect(admitted).toBe(0);
  });

  it('counts what an earlier worker stored, and makes room again once the records are adopted', async () => {
    const { db, vault } = await lockedVault(2);
    await vault.sealNew(keyNumber(0));
    await vault.sealNew(keyNumber(1));
    const restarted = new Vault(db, { kdfTarget: KDF_MINIMUM, maxPending: 2 });
    await expect(restarted.sealNew(keyNumber(2))).rejects.toMatchObject({ code: 'too-many-pending' });
    await restarted.unlock('pw');
    expect(await restarted.sealNew(keyNumber(2))).toMatchObject({ duplicate: false });
  });

  it('lets only one of two racing captures take the last place', async () => {
    const { db, vault } = await lockedVault(1);
    const results = await Promise.allSettled([vault.sealNew(keyNumber(0)), vault.sealNew(keyNumber(1))]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.count('keys')).toBe(1);
  });

  it('refuses a capture the caller does not admit, storing nothing', async () => {
    const { db, vault } = await lockedVault(10);
    const refusal = new Error('rate limited');
    await expect(vault.sealNew(keyNumber(0), { admit: () => { throw refusal; } })).rejects.toBe(refusal);
    expect(await db.count('keys')).toBe(0);
  });
});

describe('adoption is linear in the number of records', () => {
  it('adopting one capture reads that record only, however many the vault holds', async () => {
    const { db, vault: plain } = await freshVault();
    await plain.create('pw');
    const counting = countingDb(db);
    const vault = new Vault(counting.db, { kdfTarget: KDF_MINIMUM });
    const open = await vault.unlock('pw');
    for (let n = 0; n < 60; n++) await open.add(keyNumber(n));
    const { id } = await vault.sealNew(keyNumber(999));
    counting.reset();
    expect(await open.adoptSealed([id])).toEqual({ adopted: 1, failed: [] });
    expect(counting.counts.recordsRead).toBe(1);
    expect(counting.counts.calls).toBeLessThanOrEqual(3);
    expect((await open.credentials(id)).apiKey).toBe(keyNumber(999).credentials.apiKey);
  });

  it('capturing and adopting 200 keys on an open vault costs a fixed number of store calls each', async () => {
    const perCapture: number[] = [];
    for (const total of [50, 200]) {
      const { db, vault: plain } = await freshVault();
      await plain.create('pw');
      const counting = countingDb(db);
      const vault = new Vault(counting.db, { kdfTarget: KDF_MINIMUM, maxPending: 1000 });
      const open = await vault.unlock('pw');
      await open.list();
      counting.reset();
      for (let n = 0; n < total; n++) {
        const { id } = await vault.sealNew(keyNumber(n));
        await open.adoptSealed([id]);
      }
      perCapture.push(counting.counts.recordsRead / total);
      expect(counting.counts.calls / total).toBeLessThanOrEqual(8);
      // The popup's index was kept in step, not dropped: listing does not read the store again.
      counting.reset();
      expect(await open.list()).toHaveLength(total);
      expect(counting.counts.calls).toBe(0);
    }
    // Linear: the reads per capture do not grow with the number of records (quadratic: x4).
    const [small, large] = perCapture;
    expect(large).toBeLessThanOrEqual((small ?? 0) + 1);
    expect(large).toBeLessThanOrEqual(4);
  });

  it('adopting 200 sealed records at unlock takes store calls in proportion', async () => {
    const calls: number[] = [];
    for (const total of [100, 200]) {
      const { db, vault } = await lockedVault(1000);
      for (let n = 0; n < total; n++) await vault.sealNew(keyNumber(n));
      const counting = countingDb(db);
      const open = await new Vault(counting.db, { kdfTarget: KDF_MINIMUM }).unlock('pw');
      calls.push(counting.counts.calls);
      expect((await open.list()).every((key) => !key.pendingAdoption)).toBe(true);
    }
    const [hundred, twoHundred] = calls;
    expect(twoHundred).toBeLessThanOrEqual(2 * (hundred ?? 0) + 5);
  });
});
