import { expect } from 'vitest';
import type { ExchangeId, KeySummary } from '../../src/core/records';
import type { ExtensionTab } from './driver';

/** A key an exchange "generated" in a fixture, which Keyward should have captured. */
export interface CapturedKey {
  id: ExchangeId;
  access: string;
  secret: string;
  passphrase?: string;
}

/** The one stored key of this exchange. */
export function storedKeyOf(stored: readonly KeySummary[], id: ExchangeId): KeySummary {
  const found = stored.filter((k) => k.exchange === id);
  expect(found, `${id}: one stored key`).toHaveLength(1);
  const [key] = found;
  if (!key) throw new Error(`no ${id} key in the vault`);
  return key;
}

/** The stored key came from a capture and holds exactly what the exchange showed. */
export async function expectCapturedExactly(popup: ExtensionTab, key: KeySummary, c: CapturedKey): Promise<void> {
  expect(key.apiKeyTail, `${c.id} tail`).toBe(c.access.slice(-4));
  expect(key.source.kind, `${c.id} source`).toBe('capture');
  const reveal = async (field: 'apiKey' | 'secret' | 'passphrase') => (await popup.call('keys.reveal', { id: key.id, field })).value;
  expect(await reveal('apiKey'), `${c.id} API key`).toBe(c.access);
  expect(await reveal('secret'), `${c.id} secret`).toBe(c.secret);
  if (c.passphrase !== undefined) expect(await reveal('passphrase'), `${c.id} passphrase`).toBe(c.passphrase);
}

/** Every credential of these keys, and the master password, named for findSecrets(). */
export function secretsOf(keys: readonly CapturedKey[], password: string): Record<string, string> {
  const secrets: Record<string, string> = { password };
  for (const c of keys) {
    secrets[`${c.id} key`] = c.access;
    secrets[`${c.id} secret`] = c.secret;
    if (c.passphrase) secrets[`${c.id} passphrase`] = c.passphrase;
  }
  return secrets;
}
