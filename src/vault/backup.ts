import { KEY_INPUT_LIMITS, type KeyBounds, credentialsSchema, keyDetailsSchema } from '../core/records';
import { isExchangeId } from '../exchanges/registry';
import { type Infer, guard, literal, number, object, string } from '../core/schema';
import { aeadDecrypt, aeadEncrypt, importAesKey } from './aead';
import { type Bytes, equalBytes, fromBase64, randomBytes, toBase64 } from './bytes';
import { decodeJson, encodeJson } from './codec';
import { VaultError } from './errors';
import { MAX_BACKUP_BYTES } from '../core/backup-policy';
import { type KdfParams, deriveKek, isValidKdfParams, kdfMaximumSubstitutions, meetsMinimum, withinMaximum } from './kdf';
import { kekCheck, newRecordId } from './keys';
import type { StoredKey } from './store';
import type { UnlockedVault } from './vault';
import { t } from '../i18n';

/**
 * Backup file: a clear header (format, KDF, salt, password check) and one AES-256-GCM box holding
 * every record in clear JSON. The header is the box's associated data, so editing it (a weaker
 * KDF, another salt) makes the file fail to open instead of opening weaker.
 */
const BACKUP_FILE = object(
  {
    format: literal('keyward-backup'),
    version: literal(1),
    createdAt: number(),
    kdf: guard('Argon2id parameters', isValidKdfParams),
    salt: string(),
    check: string(),
    iv: string(),
    ct: string(),
  },
  { unknownKeys: 'ignore' },
);

export type BackupFile = Infer<typeof BACKUP_FILE>;

export interface ImportReport {
  added: number;
  duplicates: number;
}

function headerAad(file: Pick<BackupFile, 'format' | 'version' | 'createdAt' | 'kdf' | 'salt' | 'check'>): string {
  const { kdf } = file;
  return [
    file.format,
    file.version,
    file.createdAt,
    kdf.algorithm,
    kdf.version,
    kdf.memoryKiB,
    kdf.iterations,
    kdf.parallelism,
    file.salt,
    file.check,
  ].join('|');
}

export async function exportBackup(vault: UnlockedVault, password: string, kdf: KdfParams): Promise<string> {
  if (password.length === 0) throw new VaultError('invalid-input', t('vaultBackupPasswordRequired'));
  const entries: BackupEntry[] = [];
  for (const { record, credentials, details } of await vault.exportable()) {
    entries.push({
      exchange: record.exchange,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      credentials,
      details,
    });
  }
  const saltBytes = randomBytes(16);
  const kek = await deriveKek(password, saltBytes, kdf);
  const header = {
    format: 'keyward-backup' as const,
    version: 1 as const,
    createdAt: Date.now(),
    kdf,
    salt: toBase64(saltBytes),
    check: await kekCheck(kek),
  };
  const box = await aeadEncrypt(await importAesKey(kek, ['encrypt']), encodeJson({ entries }), headerAad(header));
  kek.fill(0);
  const file: BackupFile = { ...header, iv: box.iv, ct: box.ct };
  return JSON.stringify(file, null, 1);
}

function parseFile(text: string): BackupFile {
  // Before JSON.parse: a huge file would cost memory and time before any other check could refuse it.
  // A Keyward backup is ASCII (base64 and numbers), so its length in characters is its size in bytes.
  if (text.length > MAX_BACKUP_BYTES) {
    throw new VaultError('backup-too-large', t('vaultBackupTooLarge'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A file that starts like ours but does not parse was cut short (an interrupted download).
    if (/^\s*\{\s*"format"\s*:\s*"keyward-backup"/.test(text)) {
      throw new VaultError('backup-truncated', t('vaultBackupTruncated'));
    }
    throw new VaultError('backup-format', t('vaultBackupNotBackup'));
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== 'keyward-backup') {
    throw new VaultError('backup-format', t('vaultBackupNotBackup'));
  }
  const file = value as Partial<BackupFile>;
  if (typeof file.version === 'number' && file.version > 1) {
    throw new VaultError('newer-format', t('vaultBackupNewer'));
  }
  const parsed = BACKUP_FILE.parse(value);
  if (!parsed.ok) {
    throw new VaultError('backup-tampered', t('vaultBackupDamaged'));
  }
  const header = parsed.value;
  if (!meetsMinimum(header.kdf)) {
    throw new VaultError('kdf-downgrade', t('vaultBackupKdfWeak'));
  }
  if (!withinMaximum(header.kdf)) {
    // Checked before the KDF runs: a hostile header could otherwise freeze the browser.
    throw new VaultError(
      'kdf-too-costly',
      t('vaultBackupKdfCostly', kdfMaximumSubstitutions()),
    );
  }
  return header;
}

function decode(text: string): Bytes {
  try {
    return fromBase64(text);
  } catch {
    throw new VaultError('backup-tampered', t('vaultBackupDamaged'));
  }
}

/** A backup entry as the file must hold it; anything else is a damaged or altered file. */
function entrySchema(bounds?: KeyBounds) {
  return object(
    {
      exchange: guard('a known exchange', isExchangeId),
      createdAt: number(),
      updatedAt: number(),
      credentials: credentialsSchema(bounds),
      details: keyDetailsSchema(bounds),
    },
    { unknownKeys: 'ignore' },
  );
}

type BackupEntry = Infer<ReturnType<typeof entrySchema>>;

const ENTRY = entrySchema();
/** An imported key may not be larger than one that could have been added by hand. */
const ENTRY_WITHIN_LIMITS = entrySchema(KEY_INPUT_LIMITS);

function parseEntry(entry: unknown): BackupEntry {
  const parsed = ENTRY.parse(entry);
  if (!parsed.ok) throw new VaultError('backup-tampered', t('vaultBackupEntryShape'));
  if (!ENTRY_WITHIN_LIMITS.is(parsed.value)) {
    throw new VaultError('backup-too-large', t('vaultBackupEntryTooLarge'));
  }
  return parsed.value;
}

function parseEntries(payload: unknown): BackupEntry[] {
  const entries = (payload as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw new VaultError('backup-tampered', t('vaultBackupContentsShape'));
  return entries.map(parseEntry);
}

/** Opens a backup and checks every entry; throws before anything is written. */
export async function readBackup(text: string, password: string): Promise<BackupEntry[]> {
  const file = parseFile(text);
  const kek = await deriveKek(password, decode(file.salt), file.kdf);
  try {
    if (!equalBytes(decode(await kekCheck(kek)), decode(file.check))) {
      throw new VaultError('backup-password', t('vaultBackupWrongPassword'));
    }
    const plain = await aeadDecrypt(
      await importAesKey(kek, ['decrypt']),
      { alg: 'A256GCM', iv: file.iv, ct: file.ct },
      headerAad(file),
    ).catch(() => {
      throw new VaultError('backup-tampered', t('vaultBackupDamaged'));
    });
    let payload: unknown;
    try {
      payload = decodeJson(plain);
    } finally {
      plain.fill(0);
    }
    return parseEntries(payload);
  } finally {
    kek.fill(0);
  }
}

/** Merges a backup: keys already in the vault (same exchange and API key) are skipped. */
export async function importBackup(vault: UnlockedVault, text: string, password: string): Promise<ImportReport> {
  const entries = await readBackup(text, password);
  const records: StoredKey[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const entry of entries) {
    const fingerprint = await vault.fingerprint(entry.exchange, entry.credentials.apiKey);
    if (seen.has(fingerprint) || (await vault.hasFingerprint(fingerprint))) {
      duplicates++;
      continue;
    }
    seen.add(fingerprint);
    records.push(
      await vault.encryptRecord(newRecordId(), entry.exchange, entry.credentials, entry.details, {
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
      }),
    );
  }
  await vault.putAll(records);
  return { added: records.length, duplicates };
}
