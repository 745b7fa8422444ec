import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshVault, sampleInput } from '../vault/helpers';
import { backgroundFor } from './handler-setup';

const popup = { context: 'popup' as const, url: '' };

/** A vault with an old HTX key, its successor, and a key of another exchange. */
async function setup() {
  const { vault } = await freshVault();
  const { handlers } = backgroundFor(vault, { now: () => 5_000 });
  await handlers['vault.create']({ password: 'password-1' }, popup);
  const add = async (apiKey: string, exchange: 'htx' | 'okx' = 'htx') =>
    (await handlers['keys.add']({ input: { ...sampleInput({ apiKey }), exchange } }, popup)).key.id;
  return { handlers, old: await add('old-key-0001'), successor: await add('new-key-0002'), other: await add('okx-key-0003', 'okx') };
}

describe('rotating a key', () => {
  it('marks the old key retired in favour of its successor, keeps it, and can bring it back', async () => {
    const { handlers, old, successor } = await setup();
    const { key } = await handlers['keys.retire']({ id: old, successorId: successor }, popup);
    expect(key.retired).toEqual({ at: 5_000, successorId: successor });
    const listed = (await handlers['keys.list']({}, popup)).keys;
    expect(listed.map((k) => k.id)).toContain(old);
    const back = await handlers['keys.unretire']({ id: old }, popup);
    expect(back.key.retired).toBeUndefined();
  });

  it('refuses a successor that is the key itself, of another exchange, or retired', async () => {
    const { handlers, old, successor, other } = await setup();
    await expect(handlers['keys.retire']({ id: old, successorId: old }, popup)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(handlers['keys.retire']({ id: old, successorId: other }, popup)).rejects.toMatchObject({ code: 'invalid-input' });
    await handlers['keys.retire']({ id: successor, successorId: old }, popup);
    await expect(handlers['keys.retire']({ id: old, successorId: successor }, popup)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
