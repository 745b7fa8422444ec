import { describe, expect, it, vi } from 'vitest';
import { restrictSessionStorage } from '../../../src/background/session-access';

describe('storage.session, where the open vault key rests', () => {
  it('is set to trusted contexts only, so no content script can read it', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    expect(await restrictSessionStorage({ setAccessLevel })).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('says so where the browser has no such switch (its default keeps content scripts out)', async () => {
    expect(await restrictSessionStorage({})).toBe(false);
  });
});
