import { describe, expect, it } from 'vitest';
import type { KeyPermissions, NewKeyInput } from '../../../src/core/records';
import { exportBackup, importBackup } from '../../../src/vault/backup';
import { parseDetails } from '../../../src/vault/codec';
import { isVaultError } from '../../../src/vault/errors';
import { KDF_MINIMUM } from '../../../src/vault/kdf';
import { freshVault, sampleInput } from './helpers';

const SPOT_ONLY: KeyPermissions = { read: true, trade: true, futures: false, withdraw: false, transfer: false, labels: ['Read', 'Trade'] };

function withPermissions(permissions: KeyPermissions, apiKey = 'htx-key-0001'): NewKeyInput {
  const input = sampleInput({ apiKey });
  return { ...input, details: { ...input.details, permissions } };
}

function storedDetails(permissions: unknown): Record<string, unknown> {
  return { label: '', account: 'main', notes: '', apiKeyTail: 'a1b2', ipWhitelist: null, source: { kind: 'manual' }, bindings: [], permissions };
}

describe('the record codec and futures', () => {
  it('reads details written before futures existed: the field stays absent, not false', () => {
    const old = { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read'] };
    const permissions = parseDetails(storedDetails(old)).permissions;
    expect(permissions).toEqual(old);
    expect(permissions && 'futures' in permissions).toBe(false);
  });

  it('keeps futures on and off', () => {
    expect(parseDetails(storedDetails({ ...SPOT_ONLY, futures: true })).permissions?.futures).toBe(true);
    expect(parseDetails(storedDetails(SPOT_ONLY)).permissions?.futures).toBe(false);
  });

  it('calls a futures field of another type corruption', () => {
    let code: unknown;
    try {
      parseDetails(storedDetails({ ...SPOT_ONLY, futures: 'no' }));
    } catch (error) {
      code = isVaultError(error) ? error.code : error;
    }
    expect(code).toBe('corrupt');
  });
});

describe('the vault and backups carry futures', () => {
  it('round-trips futures through add, lock and unlock; a key without it stays without', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    const spotOnly = await open.add(withPermissions(SPOT_ONLY));
    const unknown = await open.add(sampleInput());
    const again = await vault.unlock('pw');
    expect((await again.get(spotOnly.id)).permissions).toEqual(SPOT_ONLY);
    const before = (await again.get(unknown.id)).permissions;
    expect(before && 'futures' in before).toBe(false);
  });

  it('keeps futures of a key captured while locked, after adoption at unlock', async () => {
    const { vault } = await freshVault();
    await vault.create('pw');
    const { id } = await vault.sealNew(withPermissions({ ...SPOT_ONLY, futures: true }));
    const open = await vault.unlock('pw');
    expect((await open.get(id)).permissions?.futures).toBe(true);
  });

  it('exports and imports futures; keys without it import without it', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    await open.add(withPermissions(SPOT_ONLY));
    await open.add(sampleInput());
    const file = await exportBackup(open, 'backup pw', KDF_MINIMUM);
    const other = await (await freshVault()).vault.create('other');
    expect(await importBackup(other, file, 'backup pw')).toEqual({ added: 2, duplicates: 0 });
    const permissions = (await other.list()).map((k) => k.permissions);
    expect(permissions.map((p) => p?.futures)).toEqual(expect.arrayContaining([false, undefined]));
    expect(permissions.filter((p) => p && 'futures' in p)).toHaveLength(1);
  });
});

describe('a key list that shows no futures column', () => {
  it('keeps the futures permission an earlier reading saw, and takes a new one when shown', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    const added = await open.add(withPermissions(SPOT_ONLY));
    const { futures: _unseen, ...listed } = SPOT_ONLY;
    expect(await open.observe('htx', 'htx-key-0001', { permissions: listed, ipWhitelist: null })).toBe('unchanged');
    // The same permissions in another order are no change either.
    const reordered: KeyPermissions = { labels: ['Read', 'Trade'], transfer: false, withdraw: false, trade: true, read: true };
    expect(await open.observe('htx', 'htx-key-0001', { permissions: reordered, ipWhitelist: null })).toBe('unchanged');
    expect((await open.get(added.id)).permissions?.futures).toBe(false);
    expect(await open.observe('htx', 'htx-key-0001', { permissions: { ...listed, futures: true }, ipWhitelist: null })).toBe('updated');
    expect((await open.get(added.id)).permissions?.futures).toBe(true);
  });

  it('while locked: the sealed observation keeps the earlier futures reading too', async () => {
    const { vault } = await freshVault();
    await vault.create('pw');
    const { id } = await vault.sealNew(withPermissions(SPOT_ONLY));
    const { futures: _unseen, ...listed } = SPOT_ONLY;
    expect(await vault.observeLocked('htx', 'htx-key-0001', { permissions: { ...listed, withdraw: true }, ipWhitelist: null })).toBe(true);
    const open = await vault.unlock('pw');
    expect((await open.get(id)).permissions).toMatchObject({ futures: false, withdraw: true });
  });
});
