/**
 * storage.session holds the vault key while the vault is open. Content scripts must never read
 * it: Chromium's default already says so, but the default is one browser's choice, so Keyward says
 * it explicitly, and Firefox (where the method may be missing) keeps content scripts out anyway.
 */
export interface SessionAccessApi {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/** True when the browser confirmed the restriction; false where it has no such switch. */
export async function restrictSessionStorage(area: SessionAccessApi): Promise<boolean> {
  if (typeof area.setAccessLevel !== 'function') return false;
  await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}
