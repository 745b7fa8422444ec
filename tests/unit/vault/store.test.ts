import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isVaultError } from '../../../src/vault/errors';
import { MIGRATIONS, type Migration, openVaultDb } from '../../../src/vault/store';
import { Vault } from '../../../src/vault/vault';
import { KDF_MINIMUM } from '../../../src/vault/kdf';
import { sampleInput } from './helpers';

describe('vault store schema', () => {
  it('creates the current schema on a fresh database', async () => {
    const db = await openVaultDb('schema-fresh');
    expect(db.version).toBe(MIGRATIONS.length);
    expect([...db.objectStoreNames].sort()).toEqual(['keys', 'meta']);
    expect([...db.transaction('keys').store.indexNames].sort()).toEqual(['byExchange', 'byFingerprint']);
    db.close();
  });

  it('upgrades an existing database step by step, keeping its data', async () => {
    const name = 'schema-upgrade';
    const v1 = await openVaultDb(name, MIGRATIONS);
    const open = await new Vault(v1, { kdfTarget: KDF_MINIMUM }).create('pw');
    const added = await open.add(sampleInput());
    v1.close();

    // The next schema version: what a real future step looks like (an index added).
    const addIndex: Migration = (_db, tx) => {
      // The typed schema only knows today's indexes; a future step would extend it.
      const keys: { createIndex(name: string, keyPath: string): unknown } = tx.objectStore('keys');
      keys.createIndex('byUpdated', 'updatedAt');
    };
    const v2 = await openVaultDb(name, [...MIGRATIONS, addIndex]);
    expect(v2.version).toBe(MIGRATIONS.length + 1);
    expect([...v2.transaction('keys').store.indexNames].map(String)).toContain('byUpdated');
    const reopened = await new Vault(v2, { kdfTarget: KDF_MINIMUM }).unlock('pw');
    expect((await reopened.credentials(added.id)).apiKey).toBe(sampleInput().credentials.apiKey);
    v2.close();
  });

  it('refuses a database written by a newer version, without touching it', async () => {
    const name = 'schema-newer';
    const future = await openVaultDb(name, [...MIGRATIONS, () => undefined]);
    future.close();
    const error = await openVaultDb(name).catch((e: unknown) => e);
    expect(isVaultError(error, 'newer-format')).toBe(true);
    const again = await openVaultDb(name, [...MIGRATIONS, () => undefined]);
    expect(again.version).toBe(MIGRATIONS.length + 1);
    again.close();
  });
});
