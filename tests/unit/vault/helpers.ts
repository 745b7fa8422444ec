import 'fake-indexeddb/auto';
import type { NewKeyInput } from '../../../src/core/records';
import { KDF_MINIMUM } from '../../../src/vault/kdf';
import { openVaultDb } from '../../../src/vault/store';
import { Vault } from '../../../src/vault/vault';

let counter = 0;

/** A fresh vault in its own fake IndexedDB database, at the minimum KDF to keep tests quick. */
export async function freshVault(kdfTarget = KDF_MINIMUM) {
  const name = `keyward-test-${Date.now()}-${counter++}`;
  const db = await openVaultDb(name);
  return { db, name, vault: new Vault(db, { kdfTarget }) };
}

export function sampleInput(overrides: Partial<NewKeyInput['credentials']> = {}): NewKeyInput {
  return {
    exchange: 'htx',
    credentials: {
      apiKey: 'e2a1b2c3-99d4e5f6-84a7b8c9-7d0e1',
      secret: 'f1e2d3c4-b5a69788-12345678-9abcd',
      passphrase: '',
      ...overrides,
    },
    details: {
      label: 'grid bot',
      account: 'main',
      permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: ['Read', 'Trade', 'Withdraw'] },
      ipWhitelist: [],
      source: { kind: 'capture', url: 'https://www.htx.com/en-us/apikey/' },
      notes: '',
    },
  };
}
