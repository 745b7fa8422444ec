import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { ExchangeId, RiskFlags } from '../core/records';
import type { AeadBox } from './aead';
import { VaultError } from './errors';
import type { KdfParams } from './kdf';
import type { SealedBox } from './seal';
import { t } from '../i18n';

/**
 * The ids of every record ever adopted (written under the vault key), with an HMAC under the
 * vault's integrity key. A sealed box is accepted only for a record whose id is not here.
 */
export interface AdoptedIndex {
  ids: string[];
  mac: string;
}

/**
 * Version 1: records carry no tag. Version 2: adopted records carry one, and `adopted` lists
 * them. Version 3: the wrapped capture key also holds an authenticated copy of `sealPublicKey`
 * and `fingerprintSalt` (capture-key.ts). The clear number only keeps older Keyward builds out;
 * which version a vault really is comes from the associated data of its wrapped capture key (see
 * aad.sealPrivateKey), which a profile writer cannot change back.
 */
export type VaultVersion = 1 | 2 | 3;

/** The vault's clear header: how to derive the key, and the wrapped keys. */
export interface VaultMeta {
  format: 'keyward-vault';
  version: VaultVersion;
  kdf: KdfParams;
  salt: string;
  /** HMAC of a constant under the key-encryption key: tells a wrong password from tampering. */
  kekCheck: string;
  wrappedVaultKey: AeadBox;
  /**
   * What captures are sealed to while the vault is locked. In clear, because the locked vault
   * needs it; checked at every unlock against the copy inside wrappedSealPrivateKey.
   */
  sealPublicKey: string;
  wrappedSealPrivateKey: AeadBox;
  /** Salt for API-key fingerprints, so duplicates are found while the vault is locked; checked like sealPublicKey. */
  fingerprintSalt: string;
  createdAt: number;
  passwordChangedAt: number;
  /** Version 2. Absent or failing its tag: no sealed record is trusted until it is rebuilt. */
  adopted?: AdoptedIndex;
  /**
   * When an unlock (or resume) found sealPublicKey replaced and put Keyward's back: the popup
   * warns for the rest of that session. Cleared by the next unlock with the password. Not
   * authenticated: a writer can only raise a false alarm, or remove a warning while the browser
   * runs with the vault open (see SECURITY.md).
   */
  sealKeyReplacedAt?: number;
}

export interface StoredKey {
  /** 1: written before records were authenticated (migrated at unlock); 2: tagged when adopted. */
  v: 1 | 2;
  id: string;
  exchange: ExchangeId;
  createdAt: number;
  updatedAt: number;
  /** HMAC-SHA256(fingerprintSalt, exchange + API key): finds the same key twice, reveals nothing. */
  fingerprint: string;
  /**
   * A hint for the toolbar badge while locked, and nothing more: anyone who can write the profile
   * can change it, so every decision reads the risk of the decrypted, authenticated details.
   */
  risk: RiskFlags;
  credentials: AeadBox | SealedBox;
  details: AeadBox | SealedBox;
  /** What the exchange's key list showed while the vault was locked; merged at the next unlock. */
  observed?: SealedBox;
  /** Adopted records: HMAC-SHA256 under the vault's integrity key (integrity.ts says over what). */
  mac?: string;
  /** Adopted from a capture sealed while the vault was locked: shown so the user checks it. */
  capturedWhileLocked?: boolean;
}

export interface VaultSchema extends DBSchema {
  meta: { key: 'vault'; value: VaultMeta };
  keys: {
    key: string;
    value: StoredKey;
    indexes: { byFingerprint: string; byExchange: string };
  };
}

export type VaultDb = IDBPDatabase<VaultSchema>;
type UpgradeTx = IDBPTransaction<VaultSchema, ('meta' | 'keys')[], 'versionchange'>;

/**
 * Schema migrations, one per version, run in order from the stored version. Never edit a
 * published step: add the next one. The index is the version it upgrades to, minus one.
 */
export type Migration = (db: VaultDb, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    db.createObjectStore('meta');
    const keys = db.createObjectStore('keys', { keyPath: 'id' });
    // Unique: two captures of the same key racing each other still make one record.
    keys.createIndex('byFingerprint', 'fingerprint', { unique: true });
    keys.createIndex('byExchange', 'exchange');
  },
];

export const DB_NAME = 'keyward';

export async function openVaultDb(
  name: string = DB_NAME,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<VaultDb> {
  try {
    return await openDB<VaultSchema>(name, migrations.length, {
      upgrade(db, oldVersion, _newVersion, tx) {
        for (let version = oldVersion; version < migrations.length; version++) {
          migrations[version]?.(db, tx);
        }
      },
      blocking(_current, _next, event) {
        // Another context wants a newer schema: let it, rather than hold it up forever.
        (event.target as IDBDatabase | null)?.close();
      },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new VaultError(
        'newer-format',
        t('vaultNewerStore'),
      );
    }
    throw error;
  }
}
