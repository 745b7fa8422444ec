import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES } from '../../../src/core/backup-policy';
import type { NewKeyInput } from '../../../src/core/records';
import { exportBackup, importBackup } from '../../../src/vault/backup';
import { isVaultError } from '../../../src/vault/errors';
import { KDF_MINIMUM } from '../../../src/vault/kdf';
import { freshVault, sampleInput } from './helpers';

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => (isVaultError(e) ? e.code : e),
  );
}

async function vaultWithTwoKeys() {
  const { vault, db } = await freshVault();
  const open = await vault.create('master');
  await open.add(sampleInput());
  await open.add({ ...sampleInput({ apiKey: 'okx-key-0001', secret: 'okx-secret', passphrase: 'pp' }), exchange: 'okx' });
  return { vault, db, open };
}

describe('backup', () => {
  it('round-trips into another vault, and detects duplicates on a second import', async () => {
    const { open } = await vaultWithTwoKeys();
    const file = await exportBackup(open, 'backup pw', KDF_MINIMUM);
    expect(file).not.toContain('okx-secret');

    const other = await (await freshVault()).vault.create('other');
    expect(await importBackup(other, file, 'backup pw')).toEqual({ added: 2, duplicates: 0 });
    const keys = await other.list();
    const okx = keys.find((k) => k.exchange === 'okx');
    if (!okx) throw new Error('okx key missing');
    expect(await other.credentials(okx.id)).toEqual({ apiKey: 'okx-key-0001', secret: 'okx-secret', passphrase: 'pp' });
    expect(await importBackup(other, file, 'backup pw')).toEqual({ added: 0, duplicates: 2 });
  });

  it('merges: keys already present are skipped, new ones added', async () => {
    const { open } = await vaultWithTwoKeys();
    const file = await exportBackup(open, 'pw', KDF_MINIMUM);
    const other = await (await freshVault()).vault.create('other');
    await other.add(sampleInput());
    expect(await importBackup(other, file, 'pw')).toEqual({ added: 1, duplicates: 1 });
    expect(await other.list()).toHaveLength(2);
  });

  describe('refuses, leaving the vault unchanged', () => {
    async function setup() {
      const { open } = await vaultWithTwoKeys();
      const file = await exportBackup(open, 'pw', KDF_MINIMUM);
      const target = await freshVault();
      const vault = await target.vault.create('target');
      await vault.add(sampleInput({ apiKey: 'already-here', secret: 's' }));
      const before = await target.db.getAll('keys');
      return { file, vault, unchanged: async () => expect(await target.db.getAll('keys')).toEqual(before) };
    }

    it('a wrong password', async () => {
      const { file, vault, unchanged } = await setup();
      expect(await codeOf(importBackup(vault, file, 'not pw'))).toBe('backup-password');
      await unchanged();
    });

    it('a truncated file', async () => {
      const { file, vault, unchanged } = await setup();
      expect(await codeOf(importBackup(vault, file.slice(0, file.length / 2), 'pw'))).toBe('backup-truncated');
      await unchanged();
    });

    it('an altered ciphertext', async () => {
      const { file, vault, unchanged } = await setup();
      const parsed = JSON.parse(file) as { ct: string };
      const altered = JSON.stringify({ ...parsed, ct: `${parsed.ct.slice(0, 10)}${parsed.ct[10] === 'A' ? 'B' : 'A'}${parsed.ct.slice(11)}` });
      expect(await codeOf(importBackup(vault, altered, 'pw'))).toBe('backup-tampered');
      await unchanged();
    });

    it('an altered header (date bound as associated data)', async () => {
      const { file, vault, unchanged } = await setup();
      const parsed = JSON.parse(file) as { createdAt: number };
      const altered = JSON.stringify({ ...parsed, createdAt: parsed.createdAt + 1 });
      expect(await codeOf(importBackup(vault, altered, 'pw'))).toBe('backup-tampered');
      await unchanged();
    });

    it('a KDF weakened below the minimum', async () => {
      const { file, vault, unchanged } = await setup();
      const parsed = JSON.parse(file) as { kdf: object };
      const altered = JSON.stringify({ ...parsed, kdf: { ...parsed.kdf, memoryKiB: 8 } });
      expect(await codeOf(importBackup(vault, altered, 'pw'))).toBe('kdf-downgrade');
      await unchanged();
    });

    it('a file over the size limit, before parsing it', async () => {
      const { vault, unchanged } = await setup();
      // Would be "incomplete" if it were parsed: the size check must come first.
      const huge = `{"format":"keyward-backup",${' '.repeat(MAX_BACKUP_BYTES)}`;
      expect(await codeOf(importBackup(vault, huge, 'pw'))).toBe('backup-too-large');
      await unchanged();
    });

    const oversized: [string, (input: NewKeyInput) => NewKeyInput][] = [
      ['notes over 4096 characters', (i) => ({ ...i, details: { ...i.details, notes: 'n'.repeat(4097) } })],
      ['a secret over 16 KiB', (i) => ({ ...i, credentials: { ...i.credentials, secret: 's'.repeat(16385) } })],
      ['more than 500 IPs', (i) => ({ ...i, details: { ...i.details, ipWhitelist: Array.from({ length: 501 }, (_, n) => `10.0.${n >> 8}.${n & 255}`) } })],
      ['more than 500 bindings', (i) => ({ ...i, details: { ...i.details, bindings: Array.from({ length: 501 }, (_, n) => ({ platformHost: `p${n}.example`, boundAt: n })) } })],
    ];

    it.each(oversized)('an entry with %s (every entry is size-checked)', async (_what, grow) => {
      const source = await (await freshVault()).vault.create('master');
      await source.add(sampleInput());
      await source.add(grow(sampleInput({ apiKey: 'big-entry-key-0001', secret: 'big-secret' })));
      const file = await exportBackup(source, 'pw', KDF_MINIMUM);
      const { vault, unchanged } = await setup();
      expect(await codeOf(importBackup(vault, file, 'pw'))).toBe('backup-too-large');
      await unchanged();
    });

    it.each([
      ['another JSON format', '{"items":[{"login":{"password":"x"}}]}'],
      ['CSV', 'exchange,api key,secret\nhtx,a,b\n'],
      ['an empty file', ''],
      ['a newer Keyward', '{"format":"keyward-backup","version":2}'],
    ])('%s', async (what, text) => {
      const { vault, unchanged } = await setup();
      expect(await codeOf(importBackup(vault, text, 'pw'))).toBe(what === 'a newer Keyward' ? 'newer-format' : 'backup-format');
      await unchanged();
    });
  });
});
