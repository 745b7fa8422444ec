import { beforeEach, describe, expect, it, vi } from 'vitest';
import { argon2id } from 'hash-wasm';
import { exportBackup, importBackup } from '../../../src/vault/backup';
import { isVaultError } from '../../../src/vault/errors';
import { KDF_MAXIMUM, KDF_MINIMUM, type KdfParams } from '../../../src/vault/kdf';
import { freshVault, sampleInput } from './helpers';

// A spy around the real Argon2id: the tests prove a costly header is refused before it runs.
vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof import('hash-wasm')>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});
const argon = vi.mocked(argon2id);

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => (isVaultError(e) ? e.code : e),
  );
}

const tooCostly: [string, Partial<KdfParams>][] = [
  ['memory over 256 MiB', { memoryKiB: KDF_MAXIMUM.memoryKiB + 1024 }],
  ['more than 10 passes', { iterations: KDF_MAXIMUM.iterations + 1 }],
  ['more than 4 lanes', { parallelism: KDF_MAXIMUM.parallelism + 1 }],
  ['4 GiB and 1000 passes', { memoryKiB: 4 * 1024 * 1024, iterations: 1000 }],
];

describe('KDF parameters above the maximum', () => {
  beforeEach(() => {
    argon.mockClear();
  });

  it.each(tooCostly)('a stored vault with %s is refused before Argon2id runs, and nothing changes', async (_what, change) => {
    const { db, vault } = await freshVault();
    await vault.create('pw');
    const meta = await db.get('meta', 'vault');
    if (!meta) throw new Error('no meta');
    const hostile = { ...meta, kdf: { ...meta.kdf, ...change } };
    await db.put('meta', hostile, 'vault');
    argon.mockClear();
    expect(await codeOf(vault.unlock('pw'))).toBe('kdf-too-costly');
    expect(argon).not.toHaveBeenCalled();
    expect(await db.get('meta', 'vault')).toEqual(hostile);
  });

  it.each(tooCostly)('a backup header with %s is refused before Argon2id runs, and nothing is imported', async (_what, change) => {
    const source = await (await freshVault()).vault.create('master');
    await source.add(sampleInput());
    const file = JSON.parse(await exportBackup(source, 'backup pw', KDF_MINIMUM)) as { kdf: KdfParams };
    const hostile = JSON.stringify({ ...file, kdf: { ...file.kdf, ...change } });
    const target = await freshVault();
    const open = await target.vault.create('target');
    argon.mockClear();
    const refusal = await importBackup(open, hostile, 'backup pw').catch((e: unknown) => e);
    expect(isVaultError(refusal, 'kdf-too-costly')).toBe(true);
    expect(String((refusal as Error).message)).toContain('at most 256 MiB');
    expect(argon).not.toHaveBeenCalled();
    expect(await target.db.getAll('keys')).toEqual([]);
  });

  it('the maximum itself is allowed (refusal starts above it)', async () => {
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    // Argon2id is not run for real here: the bounds check comes first, then the spy answers.
    argon.mockClear();
    argon.mockRejectedValueOnce(new Error('stop after the bounds check'));
    const atMaximum: KdfParams = { ...KDF_MINIMUM, ...KDF_MAXIMUM };
    await expect(exportBackup(open, 'backup pw', atMaximum)).rejects.toThrow('stop after the bounds check');
    expect(argon).toHaveBeenCalledTimes(1);
  });
});
