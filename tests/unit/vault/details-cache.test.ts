import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewKeyInput } from '../../../src/core/records';
import type { DetailsCacheArea } from '../../../src/vault/details-cache';
import { KDF_MINIMUM } from '../../../src/vault/kdf';
import { type UnlockedVault, Vault } from '../../../src/vault/vault';
import { freshVault, sampleInput } from './helpers';

const KEYS = 12;

/** storage.session as the background sees it, in memory. */
function memoryArea(): DetailsCacheArea & { value: unknown } {
  const area = {
    value: undefined as unknown,
    load: async () => area.value,
    save: async (value: unknown) => {
      area.value = structuredClone(value);
    },
    clear: async () => {
      area.value = undefined;
    },
  };
  return area;
}

function input(i: number): NewKeyInput {
  const base = sampleInput({ apiKey: `cache-key-${i.toString().padStart(4, '0')}-aaaa-bbbb` });
  return { ...base, details: { ...base.details, label: `cache bot ${i}` } };
}

/** A vault with KEYS keys, listed once so the cache is written, as a worker leaves it when stopped. */
async function listedVault() {
  const { db } = await freshVault();
  const area = memoryArea();
  const first = new Vault(db, { kdfTarget: KDF_MINIMUM, detailsCache: area });
  const open = await first.create('pw');
  for (let i = 0; i < KEYS; i++) await open.add(input(i));
  const listed = await open.listAll();
  await vi.waitFor(() => expect(area.value).toBeDefined());
  const vaultKey = new Uint8Array(open.vaultKeyRaw);
  /** The vault as a restarted worker opens it: a new object, the kept key, the same cache area. */
  const restarted = (): Promise<UnlockedVault> => new Vault(db, { kdfTarget: KDF_MINIMUM, detailsCache: area }).resume(new Uint8Array(vaultKey));
  return { db, area, open, listed, restarted };
}

const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sealed details cache', () => {
  it('lists the same keys after a restart without decrypting each record', async () => {
    const { listed, restarted } = await listedVault();
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const again = await restarted();
    const opened = decrypt.mock.calls.length;
    expect(byId(await again.listAll())).toEqual(byId(listed));
    // The cache's one box, where there used to be one per record.
    expect(decrypt.mock.calls.length - opened).toBe(1);
  });

  it('takes in keys added after the listing, written once the additions pause', async () => {
    const { area, open, restarted } = await listedVault();
    const before = area.value;
    await open.add(input(KEYS));
    await open.add(input(KEYS + 1));
    await vi.waitFor(() => expect(area.value).not.toEqual(before), { timeout: 10_000 });
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const again = await restarted();
    const opened = decrypt.mock.calls.length;
    const labels = (await again.listAll()).map((key) => key.label);
    expect(labels).toEqual(expect.arrayContaining([`cache bot ${KEYS}`, `cache bot ${KEYS + 1}`]));
    expect(labels).toHaveLength(KEYS + 2);
    expect(decrypt.mock.calls.length - opened).toBe(1);
  });

  it('keeps no detail in clear', async () => {
    const { area } = await listedVault();
    expect(JSON.stringify(area.value)).not.toContain('cache bot');
    expect(JSON.stringify(area.value)).not.toContain('htx.com');
  });

  it('still shows a record whose details box was swapped, its tag kept, as damaged', async () => {
    const { db, listed, restarted } = await listedVault();
    const [victim, donor] = byId(listed);
    if (!victim || !donor) throw new Error('no keys');
    const stored = await db.get('keys', victim.id);
    const other = await db.get('keys', donor.id);
    if (!stored || !other) throw new Error('no records');
    await db.put('keys', { ...stored, details: other.details });
    const summary = (await (await restarted()).listAll()).find((key) => key.id === victim.id);
    expect(summary?.damaged).toContain('changed after Keyward wrote it');
    expect(summary?.label).toBe('');
  });

  it('shows details changed since the cache was written, not the cached ones', async () => {
    const { open, listed, restarted } = await listedVault();
    const [key] = byId(listed);
    if (!key) throw new Error('no keys');
    await open.updateDetails(key.id, (details) => ({ ...details, label: 'renamed bot' }));
    const summary = (await (await restarted()).listAll()).find((k) => k.id === key.id);
    expect(summary?.label).toBe('renamed bot');
    expect(summary?.damaged).toBeUndefined();
  });

  it('ignores a cache that does not open under the vault key, and lists from the records', async () => {
    const { area, listed, restarted } = await listedVault();
    const box = area.value as { ct: string };
    area.value = { ...box, ct: `${box.ct.slice(0, -4)}AAAA` };
    expect(byId(await (await restarted()).listAll())).toEqual(byId(listed));
    area.value = { nonsense: true };
    expect(byId(await (await restarted()).listAll())).toEqual(byId(listed));
  });

  it('is cleared at lock', async () => {
    const { area, open } = await listedVault();
    open.close();
    await vi.waitFor(() => expect(area.value).toBeUndefined());
  });

  it('reads the store once for a badge and a list asking together', async () => {
    const { restarted } = await listedVault();
    const again = await restarted();
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const [badge, list] = await Promise.all([again.listAll(), again.listAll()]);
    expect(badge).toEqual(list);
    expect(getAll.mock.contexts.filter((store) => store instanceof IDBObjectStore && store.name === 'keys')).toHaveLength(1);
  });
});
