import { describe, expect, it } from 'vitest';
import type { NewKeyInput } from '../../../src/core/records';
import { exportBackup, readBackup } from '../../../src/vault/backup';
import { isVaultError } from '../../../src/vault/errors';
import { KDF_MINIMUM } from '../../../src/vault/kdf';
import type { StoredKey } from '../../../src/vault/store';
import { Vault } from '../../../src/vault/vault';
import { freshVault, sampleInput } from './helpers';
import { plantedDetails, rewrite, sealOver, sealedBoxes, toVersion1 } from './profile-writer';

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (isVaultError(error) ? error.code : error),
  );
}

const SAFE_INPUT: NewKeyInput = (() => {
  const input = sampleInput({ apiKey: 'a9b8c7d6-11112222-33334444-5555' });
  return {
    ...input,
    details: {
      ...input.details,
      label: 'safe bot',
      permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
      ipWhitelist: ['198.51.100.7'],
    },
  };
})();

/** A vault with two adopted keys (one with withdraw on), locked again: as a profile writer finds it. */
/** A vault created with the password 'pw', open, holding one sample key. */
async function openWithKey() {
  const { db, vault } = await freshVault();
  const open = await vault.create('pw');
  const key = await open.add(sampleInput());
  return { db, vault, open, key };
}

async function lockedWithKeys() {
  const { db, vault, open, key: risky } = await openWithKey();
  const safe = await open.add(SAFE_INPUT);
  open.close();
  return { db, vault: new Vault(db, { kdfTarget: KDF_MINIMUM }), risky, safe };
}

describe('an adopted record rewritten with boxes sealed to the public key', () => {
  it('is reported damaged after unlock; its credentials and details are refused and it is not re-encrypted', async () => {
    const { db, vault, risky, safe } = await lockedWithKeys();
    const forged = await sealOver(db, risky.id);
    const otherBefore = await db.get('keys', safe.id);

    const open = await vault.unlock('pw');
    const listed = await open.listAll();
    const shown = listed.find((key) => key.id === risky.id);
    expect(shown?.damaged).toMatch(/sealed with the vault’s public key/);
    expect(shown?.label).toBe('');
    expect((await open.list()).map((key) => key.id)).toEqual([safe.id]);
    expect(await codeOf(open.get(risky.id))).toBe('tampered');
    expect(await codeOf(open.credentials(risky.id))).toBe('tampered');
    expect(await codeOf(open.updateDetails(risky.id, (d) => ({ ...d, label: 'mine' })))).toBe('tampered');
    // Left exactly as the writer left it, and nothing else changed.
    expect(await db.get('keys', risky.id)).toEqual(forged);
    expect(await db.get('keys', safe.id)).toEqual(otherBefore);
    expect((await open.credentials(safe.id)).apiKey).toBe(SAFE_INPUT.credentials.apiKey);
    // Still refused after another lock and unlock: nothing made it look genuine meanwhile.
    open.close();
    const again = await vault.unlock('pw');
    expect(await codeOf(again.credentials(risky.id))).toBe('tampered');
  });

  it('is left out of a backup', async () => {
    const { db, vault, risky } = await lockedWithKeys();
    await sealOver(db, risky.id);
    const open = await vault.unlock('pw');
    const entries = await readBackup(await exportBackup(open, 'backup pw', KDF_MINIMUM), 'backup pw');
    expect(entries.map((entry) => entry.details.label)).toEqual([SAFE_INPUT.details.label]);
    expect(entries[0]?.credentials.apiKey).toBe(SAFE_INPUT.credentials.apiKey);
  });

  it('can be deleted, and its id is never accepted as a capture again', async () => {
    const { db, vault, risky } = await lockedWithKeys();
    const forged = await sealOver(db, risky.id);
    const open = await vault.unlock('pw');
    await open.delete(risky.id);
    expect((await open.listAll()).map((key) => key.id)).not.toContain(risky.id);
    await db.put('keys', forged);
    open.close();
    const again = await vault.unlock('pw');
    expect((await again.listAll()).find((key) => key.id === risky.id)?.damaged).toBeDefined();
  });

  it('is refused at once when it happens while the vault is open', async () => {
    const { db, vault, open, key } = await openWithKey();
    await sealOver(db, key.id);
    expect(await codeOf(open.get(key.id))).toBe('tampered');
    expect(await codeOf(open.credentials(key.id))).toBe('tampered');
  });
});

describe('each covered field of an adopted record', () => {
  it.each<[string, (record: StoredKey) => StoredKey]>([
    ['exchange', (r) => ({ ...r, exchange: 'binance' })],
    ['creation date', (r) => ({ ...r, createdAt: r.createdAt + 1 })],
    ['fingerprint', (r) => ({ ...r, fingerprint: 'AAAA' })],
    ['format version', (r) => ({ ...r, v: 1 })],
    ['captured-while-locked mark', (r) => ({ ...r, capturedWhileLocked: true })],
    ['tag (removed)', (r) => {
      const { mac: _removed, ...rest } = r;
      return rest;
    }],
    // Object.assign: the stored shape is whatever the writer puts there, not the type's.
    ['box kind (algorithm renamed)', (r) => ({ ...r, details: Object.assign({}, r.details, { alg: 'A256GCM-X' }) })],
    ['details box (swapped for the other key’s)', (r) => r],
  ])('is checked: a changed %s makes the record damaged', async (what, change) => {
    const { db, vault, risky, safe } = await lockedWithKeys();
    if (what.startsWith('details box')) {
      const other = await db.get('keys', safe.id);
      if (!other) throw new Error('missing');
      await rewrite(db, risky.id, (r) => ({ ...r, details: other.details }));
    } else {
      await rewrite(db, risky.id, change);
    }
    const open = await vault.unlock('pw');
    expect((await open.listAll()).find((key) => key.id === risky.id)?.damaged).toBeDefined();
    expect(await codeOf(open.credentials(risky.id))).toBe('tampered');
    expect(await codeOf(open.get(safe.id))).toBe('resolved');
  });

  it('is checked: a record moved to another id is damaged', async () => {
    const { db, vault, risky } = await lockedWithKeys();
    const record = await db.get('keys', risky.id);
    if (!record) throw new Error('missing');
    await db.delete('keys', risky.id);
    await db.put('keys', { ...record, id: 'moved-id' });
    const open = await vault.unlock('pw');
    expect(await codeOf(open.credentials('moved-id'))).toBe('tampered');
  });

  it('only one part sealed (the details box swapped for a sealed one) is damaged', async () => {
    const { db, vault, risky } = await lockedWithKeys();
    const record = await db.get('keys', risky.id);
    if (!record) throw new Error('missing');
    const { details } = await sealedBoxes(db, record);
    await db.put('keys', { ...record, details });
    const open = await vault.unlock('pw');
    expect((await open.listAll()).find((key) => key.id === risky.id)?.damaged).toMatch(/Part of it/);
    expect(await codeOf(open.credentials(risky.id))).toBe('tampered');
  });
});

describe('risk comes from the authenticated details', () => {
  it('clearing the stored withdraw flag while open changes neither get nor list', async () => {
    const { db, vault, open, key } = await openWithKey();
    await open.list();
    await rewrite(db, key.id, (r) => ({ ...r, risk: { withdraw: false, transfer: false, noIpWhitelist: false } }));
    expect((await open.get(key.id)).risk.withdraw).toBe(true);
    expect((await open.list())[0]?.risk.withdraw).toBe(true);
    // The badge counts from the open vault too.
    expect(await vault.riskCount()).toEqual({ keys: 1, risky: 1 });
  });

  it('clearing it while locked changes nothing after unlock', async () => {
    const { db, vault, risky } = await lockedWithKeys();
    await rewrite(db, risky.id, (r) => ({ ...r, risk: { withdraw: false, transfer: false, noIpWhitelist: false } }));
    const open = await vault.unlock('pw');
    expect((await open.get(risky.id)).risk).toEqual({ withdraw: true, transfer: false, noIpWhitelist: true });
    expect((await open.list()).find((key) => key.id === risky.id)?.risk.withdraw).toBe(true);
  });
});

describe('the key list seen while locked', () => {
  const noWithdraw = {
    permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
    ipWhitelist: ['203.0.113.9'],
  };

  it('does not clear the hint of an adopted key, nor lower its risk at unlock', async () => {
    const { db, vault, risky } = await lockedWithKeys();
    expect(await vault.riskCount()).toEqual({ keys: 2, risky: 1 });
    expect(await vault.observeLocked('htx', sampleInput().credentials.apiKey, noWithdraw)).toBe(true);
    expect((await db.get('keys', risky.id))?.risk).toEqual({ withdraw: true, transfer: false, noIpWhitelist: true });
    expect(await vault.riskCount()).toEqual({ keys: 2, risky: 1 });
    const open = await vault.unlock('pw');
    const key = await open.get(risky.id);
    expect(key.risk).toEqual({ withdraw: true, transfer: false, noIpWhitelist: true });
    expect(key.permissions?.withdraw).toBe(true);
    expect(key.ipWhitelist).toEqual([]);
    expect((await db.get('keys', risky.id))?.observed).toBeUndefined();
  });

  it('raises the hint at once, and the key’s risk at unlock, when it shows more risk', async () => {
    const { vault, safe } = await lockedWithKeys();
    const seen = { permissions: { ...noWithdraw.permissions, withdraw: true, transfer: true }, ipWhitelist: [] };
    expect(await vault.observeLocked('htx', SAFE_INPUT.credentials.apiKey, seen)).toBe(true);
    expect(await vault.riskCount()).toEqual({ keys: 2, risky: 2 });
    const open = await vault.unlock('pw');
    const key = await open.get(safe.id);
    expect(key.risk).toEqual({ withdraw: true, transfer: true, noIpWhitelist: true });
    expect(key.label).toBe('safe bot');
  });
});

describe('captures made while locked', () => {
  it('are adopted at unlock, tagged, and marked as captured while locked with their page and time', async () => {
    const { db, vault } = await lockedWithKeys();
    const input = { ...sampleInput({ apiKey: 'c0ffee00-11112222-33334444-5555' }), createdAt: 1_700_000_000_000 };
    const { id } = await vault.sealNew(input);
    const open = await vault.unlock('pw');
    const key = await open.get(id);
    expect(key.capturedWhileLocked).toEqual({ at: 1_700_000_000_000, page: 'https://www.htx.com/en-us/apikey/' });
    expect(key.pendingAdoption).toBe(false);
    const stored = await db.get('keys', id);
    expect(stored?.credentials.alg).toBe('A256GCM');
    expect(stored?.capturedWhileLocked).toBe(true);
    expect((await db.get('meta', 'vault'))?.adopted?.ids).toContain(id);
    expect((await open.credentials(id)).apiKey).toBe(input.credentials.apiKey);
    // The keys added while open carry no such mark.
    expect((await open.list()).filter((k) => k.capturedWhileLocked).map((k) => k.id)).toEqual([id]);
  });

  it('a planted capture for a new id is shown the same way: the user is asked to check it', async () => {
    const { db, vault } = await lockedWithKeys();
    const planted: StoredKey = {
      v: 2,
      id: 'planted-id',
      exchange: 'htx',
      createdAt: 1,
      updatedAt: 1,
      fingerprint: 'planted',
      risk: { withdraw: false, transfer: false, noIpWhitelist: false },
      ...(await sealedBoxes(db, { id: 'planted-id', exchange: 'htx' }, plantedDetails({ source: { kind: 'capture', url: 'https://evil.example/' } }))),
    };
    await db.put('keys', planted);
    const open = await vault.unlock('pw');
    expect((await open.get('planted-id')).capturedWhileLocked).toEqual({ at: 1, page: 'https://evil.example/' });
  });
});

describe('the key list seen while the unlock is adopting', () => {
  // The page reports its key list (page.keysSeen) as it pleases; while the unlock is adopting, the
  // background still treats the vault as locked. Neither may undo the other.
  it('a capture is adopted whole and stays usable, whatever the list writes meanwhile', async () => {
    for (let round = 0; round < 6; round++) {
      const { vault } = await lockedWithKeys();
      const apiKey = `c0ffee0${round}-11112222-33334444-5555`;
      const { id } = await vault.sealNew(sampleInput({ apiKey }));
      const seen = {
        permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
        ipWhitelist: ['203.0.113.9'],
      };
      let done = false;
      const unlocking = vault.unlock('pw').finally(() => {
        done = true;
      });
      // Observations land at every point of the adoption, a few macrotasks apart.
      const observing = (async () => {
        for (let i = 0; !done && i < 400; i++) {
          await vault.observeLocked('htx', apiKey, seen);
          for (let wait = 0; wait < round; wait++) await new Promise((resolve) => setTimeout(resolve, 0));
        }
      })();
      const open = await unlocking;
      await observing;
      const listed = await open.list();
      const key = listed.find((k) => k.id === id);
      expect(key, `round ${round}: ${JSON.stringify((await open.listAll()).map((k) => [k.id, k.damaged]))}`).toBeDefined();
      expect(key?.pendingAdoption, `round ${round}: still waiting sealed after the unlock`).toBe(false);
      expect((await open.get(id)).label).toBe('grid bot');
      expect((await open.credentials(id)).apiKey).toBe(apiKey);
    }
  });
});

describe('the adopted index', () => {
  it('once altered, no sealed record is trusted; adopted keys still work; the next write rebuilds it', async () => {
    const { db, vault, risky, safe } = await lockedWithKeys();
    const forged = await sealOver(db, risky.id);
    const meta = await db.get('meta', 'vault');
    if (!meta?.adopted) throw new Error('no index');
    // Dropping the id from the list (a writer cannot tag the result).
    await db.put('meta', { ...meta, adopted: { ...meta.adopted, ids: [safe.id] } }, 'vault');
    const { id: capture } = await vault.sealNew(sampleInput({ apiKey: 'c0ffee00-11112222-33334444-5555' }));
    const open = await vault.unlock('pw');
    expect((await open.listAll()).find((k) => k.id === risky.id)?.damaged).toMatch(/list of adopted keys was altered/);
    expect((await open.listAll()).find((k) => k.id === capture)?.damaged).toBeDefined();
    expect((await open.credentials(safe.id)).apiKey).toBe(SAFE_INPUT.credentials.apiKey);
    expect(await db.get('keys', risky.id)).toEqual(forged);

    await open.add(sampleInput({ apiKey: 'added-after-1111' }));
    const rebuilt = (await db.get('meta', 'vault'))?.adopted?.ids ?? [];
    expect(rebuilt).toEqual(expect.arrayContaining([risky.id, safe.id, capture]));
    open.close();
    const again = await vault.unlock('pw');
    expect((await again.listAll()).find((k) => k.id === risky.id)?.damaged).toMatch(/already been taken into the vault/);
  });

  it('a header set back to version 1 does not make Keyward migrate (trust) the records again', async () => {
    const { db, vault, risky } = await lockedWithKeys();
    await sealOver(db, risky.id);
    const meta = await db.get('meta', 'vault');
    if (!meta) throw new Error('no vault');
    const { adopted: _dropped, ...header } = meta;
    await db.put('meta', { ...header, version: 1 }, 'vault');
    const open = await vault.unlock('pw');
    expect(await codeOf(open.credentials(risky.id))).toBe('tampered');
    expect((await db.get('keys', risky.id))?.mac).toBeUndefined();
  });

  it('keeps ids adopted during a password change', async () => {
    const { db, vault } = await freshVault();
    const open = await vault.create('old password');
    const changing = open.changePassword('old password', 'new password');
    const added = await open.add(sampleInput());
    await changing;
    open.close();
    const again = await vault.unlock('new password');
    expect((await again.get(added.id)).label).toBe('grid bot');
    await sealOver(db, added.id);
    expect(await codeOf(again.credentials(added.id))).toBe('tampered');
  });
});

describe('a vault written before records were authenticated (version 1)', () => {
  it('migrates at the next unlock: keys keep working, are tagged and listed, waiting captures are adopted and marked', async () => {
    const { db, vault, open, key: added } = await openWithKey();
    const raw = new Uint8Array(open.vaultKeyRaw);
    open.close();
    const locked = new Vault(db, { kdfTarget: KDF_MINIMUM });
    const { id: waiting } = await locked.sealNew(SAFE_INPUT);
    await toVersion1(db, raw);
    expect((await db.get('meta', 'vault'))?.version).toBe(1);
    expect((await db.get('keys', added.id))?.mac).toBeUndefined();

    const migrated = await locked.unlock('pw');
    const meta = await db.get('meta', 'vault');
    expect(meta?.version).toBe(3);
    expect(meta?.adopted?.ids).toEqual(expect.arrayContaining([added.id, waiting]));
    expect((await db.get('keys', added.id))?.mac).toEqual(expect.any(String));
    expect((await migrated.credentials(added.id)).secret).toBe(sampleInput().credentials.secret);
    expect((await migrated.get(added.id)).capturedWhileLocked).toBeUndefined();
    expect((await migrated.get(waiting)).capturedWhileLocked).toBeDefined();
    expect((await migrated.credentials(waiting)).apiKey).toBe(SAFE_INPUT.credentials.apiKey);

    // From now on the records are protected like any other.
    migrated.close();
    await sealOver(db, added.id);
    const again = await locked.unlock('pw');
    expect(await codeOf(again.credentials(added.id))).toBe('tampered');
  });

  it('migrates on a resumed session too', async () => {
    const { db, vault, open, key: added } = await openWithKey();
    const raw = new Uint8Array(open.vaultKeyRaw);
    open.close();
    await toVersion1(db, raw);
    const resumed = await new Vault(db, { kdfTarget: KDF_MINIMUM }).resume(new Uint8Array(raw));
    expect((await resumed.get(added.id)).risk.withdraw).toBe(true);
    expect((await db.get('meta', 'vault'))?.version).toBe(3);
  });
});
