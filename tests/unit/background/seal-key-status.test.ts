import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../src/background/broker';
import { freshVault, sampleInput } from '../vault/helpers';
import { swapSealPublicKey } from '../vault/profile-writer';
import { backgroundFor } from './handler-setup';

/** What the popup is told when an unlock found the vault's public key replaced. */

const PASSWORD = 'password-1';
const popup: Caller = { context: 'popup', url: 'chrome-extension://x/src/popup/popup.html' };

describe('the vault status after the public key was swapped while locked', () => {
  it('carries sealKeyReplaced from the unlock for that session only; the damaged capture is listed', async () => {
    const { db, vault } = await freshVault();
    const { handlers } = backgroundFor(vault);
    expect((await handlers['vault.create']({ password: PASSWORD }, popup)).sealKeyReplaced).toBeUndefined();
    await handlers['vault.lock']({}, popup);
    await swapSealPublicKey(db);
    const exchangePage: Caller = { context: 'exchange-content', url: 'https://www.htx.com/en-us/apikey/', tabId: 5, frameId: 0 };
    const { apiKey, secret } = sampleInput().credentials;
    const { id } = await handlers['capture.submit'](
      { exchange: 'htx', apiKey, secret, passphrase: '', label: 'bot', account: 'main', permissions: null, ipWhitelist: null },
      exchangePage,
    );
    expect((await handlers['vault.status']({}, popup)).sealKeyReplaced).toBeUndefined();

    const unlocked = await handlers['vault.unlock']({ password: PASSWORD }, popup);
    expect(unlocked).toMatchObject({ state: 'unlocked', sealKeyReplaced: true });
    expect((await handlers['vault.status']({}, popup)).sealKeyReplaced).toBe(true);
    const { keys } = await handlers['keys.list']({}, popup);
    expect(keys.find((key) => key.id === id)?.damaged).toEqual(expect.any(String));

    // Locked, nothing to say; the next unlock starts a session without the warning.
    expect((await handlers['vault.lock']({}, popup)).sealKeyReplaced).toBeUndefined();
    expect((await handlers['vault.unlock']({ password: PASSWORD }, popup)).sealKeyReplaced).toBeUndefined();
  });
});
