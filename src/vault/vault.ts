import {
  type Credentials,
  type ExchangeId,
  type KeyDetails,
  type KeyPermissions,
  type KeySummary,
  type RiskFlags,
  type NewKeyInput,
  apiKeyTail,
  isRisky,
  riskFlags,
} from '../core/records';
import { normaliseCredential } from '../core/credential-format';
import { type AeadBox, aeadDecrypt, aeadEncrypt, importAesKey, isAeadBox } from './aead';
import { type Bytes, equalBytes, fromBase64, randomBytes, toBase64, wipe } from './bytes';
import { decodeJson, encodeJson, parseCredentials, parseDetails } from './codec';
import { VaultError } from './errors';
import { KDF_TARGET, type KdfParams, assertUsableKdf, belowTarget, deriveKek } from './kdf';
import { aad, apiKeyFingerprint, kekCheck, newRecordId } from './keys';
import { type SealedBox, generateSealKeyPair, importSealPrivateKey, isSealedBox, openSealed, seal } from './seal';
import type { StoredKey, VaultDb, VaultMeta } from './store';

export interface VaultOptions {
  /** The parameters new vaults get and older ones are raised to at unlock. */
  kdfTarget?: KdfParams;
  now?: () => number;
  /** How many sealed records may wait for an unlock; MAX_PENDING unless a test says otherwise. */
  maxPending?: number;
}

/**
 * Sealed records waiting for an unlock. A person captures a handful of keys between unlocks; a
 * script flooding capture.submit while locked is stopped here instead of growing the store (and
 * the next unlock's work) without bound. Rate limits in the background are the first line.
 */
export const MAX_PENDING = 100;

/** What sealNew needs from its caller besides the key. */
export interface SealOptions {
  /**
   * Called once a capture is known to be new and within the pending cap, just before it is
   * stored; throwing refuses it. The background's rate limits live here, so a duplicate (which
   * stores nothing) never counts against them.
   */
  admit?: () => void;
}

/** Sealed by a capture and not yet re-encrypted under the vault key. */
function isPending(record: StoredKey): boolean {
  return isSealedBox(record.credentials) || isSealedBox(record.details);
}

export interface SealResult {
  id: string;
  /** True when the same API key was already in the vault; nothing new was stored. */
  duplicate: boolean;
}

/** Permissions and IPs as an exchange page showed them; null where the page did not say. */
export interface Observation {
  permissions: KeyPermissions | null;
  ipWhitelist: string[] | null;
}

function observedRisk(current: RiskFlags, seen: Observation): RiskFlags {
  return {
    withdraw: seen.permissions ? seen.permissions.withdraw : current.withdraw,
    transfer: seen.permissions ? seen.permissions.transfer : current.transfer,
    noIpWhitelist: seen.ipWhitelist ? seen.ipWhitelist.length === 0 : current.noIpWhitelist,
  };
}

/**
 * The permissions a page showed, in one canonical shape. A page that shows no futures permission
 * (a key list with fewer columns than the create form) keeps what an earlier reading saw: its
 * silence is not a "no".
 */
function observedPermissions(seen: KeyPermissions, stored: KeyPermissions | null): KeyPermissions {
  const futures = seen.futures ?? stored?.futures;
  return {
    read: seen.read,
    trade: seen.trade,
    ...(futures === undefined ? {} : { futures }),
    withdraw: seen.withdraw,
    transfer: seen.transfer,
    labels: seen.labels,
  };
}

function applyObservation(details: KeyDetails, seen: Observation): KeyDetails {
  return {
    ...details,
    permissions: seen.permissions ? observedPermissions(seen.permissions, details.permissions) : details.permissions,
    ipWhitelist: seen.ipWhitelist ?? details.ipWhitelist,
  };
}

function parseObservation(value: unknown): Observation {
  const v = value as Partial<Observation> | null;
  if (!v || !('permissions' in v) || !('ipWhitelist' in v)) throw new VaultError('corrupt', 'A stored observation has the wrong shape.');
  const probe = parseDetails({
    label: '',
    account: '',
    notes: '',
    apiKeyTail: '',
    source: { kind: 'manual' },
    bindings: [],
    permissions: v.permissions,
    ipWhitelist: v.ipWhitelist,
  });
  return { permissions: probe.permissions, ipWhitelist: probe.ipWhitelist };
}

export interface RiskCount {
  keys: number;
  risky: number;
}

function parseMeta(value: unknown): VaultMeta {
  if (typeof value !== 'object' || value === null) throw new VaultError('no-vault', 'No vault exists yet.');
  const meta = value as Partial<VaultMeta>;
  if (meta.format !== 'keyward-vault') throw new VaultError('corrupt', 'The stored vault header is not Keyward\'s.');
  if (meta.version !== 1) {
    throw new VaultError('newer-format', 'This vault was written by a newer Keyward; update the extension.');
  }
  assertUsableKdf(meta.kdf);
  if (
    typeof meta.salt !== 'string' ||
    typeof meta.kekCheck !== 'string' ||
    !isAeadBox(meta.wrappedVaultKey) ||
    typeof meta.sealPublicKey !== 'string' ||
    !isAeadBox(meta.wrappedSealPrivateKey) ||
    typeof meta.fingerprintSalt !== 'string'
  ) {
    throw new VaultError('corrupt', 'The stored vault header is incomplete.');
  }
  return meta as VaultMeta;
}

function decodeField(text: string, what: string): Bytes {
  try {
    return fromBase64(text);
  } catch {
    throw new VaultError('corrupt', `The vault's ${what} is not valid base64.`);
  }
}

/** Wraps a vault key under a password; used at creation, password change and KDF upgrade. */
async function wrapVaultKey(
  password: string,
  vaultKeyRaw: Bytes,
  kdf: KdfParams,
): Promise<Pick<VaultMeta, 'kdf' | 'salt' | 'kekCheck' | 'wrappedVaultKey'>> {
  const saltBytes = randomBytes(16);
  const salt = toBase64(saltBytes);
  const kek = await deriveKek(password, saltBytes, kdf);
  try {
    const kekKey = await importAesKey(kek, ['encrypt']);
    return {
      kdf,
      salt,
      kekCheck: await kekCheck(kek),
      wrappedVaultKey: await aeadEncrypt(kekKey, vaultKeyRaw, aad.vaultKey(kdf, salt)),
    };
  } finally {
    wipe(kek);
  }
}

/** Derives the KEK and opens the vault key, telling a wrong password from an altered header. */
async function unwrapVaultKey(password: string, meta: VaultMeta): Promise<Bytes> {
  const kek = await deriveKek(password, decodeField(meta.salt, 'salt'), meta.kdf);
  try {
    if (!equalBytes(decodeField(await kekCheck(kek), 'check'), decodeField(meta.kekCheck, 'password check'))) {
      throw new VaultError('wrong-password', 'Wrong password.');
    }
    const kekKey = await importAesKey(kek, ['decrypt']);
    const raw = await aeadDecrypt(kekKey, meta.wrappedVaultKey, aad.vaultKey(meta.kdf, meta.salt)).catch(
      (error: unknown) => {
        throw error instanceof VaultError && error.code === 'tampered'
          ? new VaultError('tampered', 'The wrapped vault key was altered; refusing to unlock.')
          : error;
      },
    );
    if (raw.length !== 32) throw new VaultError('corrupt', 'The vault key has the wrong length.');
    return raw;
  } finally {
    wipe(kek);
  }
}

/**
 * The vault as seen while locked: it can be created, unlocked, and sealed into, and it can say
 * how many keys are risky. Nothing here can read a credential.
 */
export class Vault {
  readonly kdfTarget: KdfParams;
  private readonly now: () => number;
  /** Only the background writes the store, through this object, so a cached count stays true. */
  private riskCache: RiskCount | null = null;
  private readonly maxPending: number;
  /** Pending records, counted once and then kept in step by each writer; null: count again. */
  private pendingCache: number | null = null;
  /** Bumped by every write, so a count that raced a write is not cached. */
  private writes = 0;
  /** Captures are stored one at a time, so two cannot both take the last pending place. */
  private sealing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: VaultDb,
    options: VaultOptions = {},
  ) {
    this.kdfTarget = options.kdfTarget ?? KDF_TARGET;
    this.now = options.now ?? Date.now;
    this.maxPending = options.maxPending ?? MAX_PENDING;
  }

  async exists(): Promise<boolean> {
    return (await this.db.get('meta', 'vault')) !== undefined;
  }

  private async meta(): Promise<VaultMeta> {
    return parseMeta(await this.db.get('meta', 'vault'));
  }

  async create(password: string): Promise<UnlockedVault> {
    if (password.length === 0) throw new VaultError('invalid-input', 'A master password is required.');
    if (await this.exists()) throw new VaultError('vault-exists', 'A vault already exists.');
    const vaultKeyRaw = randomBytes(32);
    const vaultKey = await importAesKey(vaultKeyRaw);
    const pair = await generateSealKeyPair();
    const now = this.now();
    const meta: VaultMeta = {
      format: 'keyward-vault',
      version: 1,
      ...(await wrapVaultKey(password, vaultKeyRaw, this.kdfTarget)),
      sealPublicKey: toBase64(pair.publicKeyRaw),
      wrappedSealPrivateKey: await aeadEncrypt(vaultKey, pair.privateKeyPkcs8, aad.sealPrivateKey()),
      fingerprintSalt: toBase64(randomBytes(32)),
      createdAt: now,
      passwordChangedAt: now,
    };
    wipe(pair.privateKeyPkcs8);
    // add, not put: two racing creates must not overwrite each other's vault.
    await this.db.add('meta', meta, 'vault').catch(() => {
      throw new VaultError('vault-exists', 'A vault already exists.');
    });
    return this.open(vaultKeyRaw, meta);
  }

  /** Checks the password; raises weak stored KDF parameters to the target by re-wrapping. */
  async unlock(password: string): Promise<UnlockedVault> {
    const meta = await this.meta();
    const vaultKeyRaw = await unwrapVaultKey(password, meta);
    let current = meta;
    if (belowTarget(meta.kdf, this.kdfTarget)) {
      current = { ...meta, ...(await wrapVaultKey(password, vaultKeyRaw, this.kdfTarget)) };
      await this.replaceMeta(meta, current);
    }
    const unlocked = await this.open(vaultKeyRaw, current);
    await unlocked.adoptSealed();
    return unlocked;
  }

  /** Re-opens with a vault key kept in session storage (service worker restarted). */
  async resume(vaultKeyRaw: Bytes): Promise<UnlockedVault> {
    return this.open(vaultKeyRaw, await this.meta());
  }

  /** Writes a new header only if nobody changed it meanwhile (a password change in another tab). */
  async replaceMeta(expected: VaultMeta, next: VaultMeta): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const stored = await tx.store.get('vault');
    if (stored?.wrappedVaultKey.ct !== expected.wrappedVaultKey.ct) {
      tx.abort();
      throw new VaultError('corrupt', 'The vault header changed during the operation; try again.');
    }
    await tx.store.put(next, 'vault');
    await tx.done;
  }

  private async open(vaultKeyRaw: Bytes, meta: VaultMeta): Promise<UnlockedVault> {
    const vaultKey = await importAesKey(vaultKeyRaw);
    const pkcs8 = await aeadDecrypt(vaultKey, meta.wrappedSealPrivateKey, aad.sealPrivateKey()).catch(
      (error: unknown) => {
        // The vault key itself checked out, so a failure here is not a wrong password.
        throw error instanceof VaultError && error.code === 'tampered'
          ? new VaultError('tampered', 'The vault\'s capture key was altered; refusing to unlock.')
          : error;
      },
    );
    const sealPrivateKey = await importSealPrivateKey(pkcs8);
    wipe(pkcs8);
    return new UnlockedVault(this, this.db, meta, vaultKeyRaw, vaultKey, sealPrivateKey, this.now);
  }

  /**
   * Stores a captured key without the vault being open: sealed to the vault's public key.
   * The same API key captured twice stays one record.
   */
  async sealNew(input: NewKeyInput, options: SealOptions = {}): Promise<SealResult> {
    const result = this.sealing.then(() => this.sealOne(input, options));
    this.sealing = result.catch(() => undefined);
    return result;
  }

  private async sealOne(input: NewKeyInput, options: SealOptions): Promise<SealResult> {
    const meta = await this.meta();
    const { credentials, details } = normaliseInput(input);
    const fingerprint = await apiKeyFingerprint(
      decodeField(meta.fingerprintSalt, 'fingerprint salt'),
      input.exchange,
      credentials.apiKey,
    );
    const existing = await this.db.getFromIndex('keys', 'byFingerprint', fingerprint);
    if (existing) return { id: existing.id, duplicate: true };
    if ((await this.pendingCount()) >= this.maxPending) {
      throw new VaultError(
        'too-many-pending',
        `Keyward already holds ${this.maxPending} captured keys waiting for the vault to be unlocked; unlock it to store more.`,
      );
    }
    options.admit?.();
    const id = newRecordId();
    const publicKey = decodeField(meta.sealPublicKey, 'public key');
    const now = this.now();
    const record: StoredKey = {
      v: 1,
      id,
      exchange: input.exchange,
      createdAt: input.createdAt ?? now,
      updatedAt: now,
      fingerprint,
      risk: riskFlags(details),
      credentials: await seal(publicKey, encodeJson(credentials), aad.credentials(id, input.exchange)),
      details: await seal(publicKey, encodeJson(details), aad.details(id, input.exchange)),
    };
    try {
      await this.db.add('keys', record);
    } catch (error) {
      const winner = await this.db.getFromIndex('keys', 'byFingerprint', fingerprint);
      if (winner) return { id: winner.id, duplicate: true };
      throw error;
    }
    this.keysChanged(1);
    return { id, duplicate: false };
  }

  /**
   * The key list showed this key while the vault is locked: its clear risk flags change now (the
   * badge is right at once), and the sealed observation is merged into its details at unlock.
   * Returns false for a key Keyward does not hold.
   */
  async observeLocked(exchange: ExchangeId, apiKey: string, seen: Observation): Promise<boolean> {
    const meta = await this.meta();
    const fingerprint = await apiKeyFingerprint(
      decodeField(meta.fingerprintSalt, 'fingerprint salt'),
      exchange,
      normaliseCredential(apiKey),
    );
    const record = await this.db.getFromIndex('keys', 'byFingerprint', fingerprint);
    if (!record) return false;
    const risk = observedRisk(record.risk, seen);
    const observed = await seal(
      decodeField(meta.sealPublicKey, 'public key'),
      encodeJson(seen),
      aad.observed(record.id, record.exchange),
    );
    await this.db.put('keys', { ...record, risk, observed, updatedAt: this.now() });
    this.keysChanged();
    return true;
  }

  /** Counts from the clear risk flags: works locked, for the toolbar badge and the popup. */
  async riskCount(): Promise<RiskCount> {
    if (!this.riskCache) {
      const all = await this.db.getAll('keys');
      this.riskCache = { keys: all.length, risky: all.filter((key) => isRisky(key.risk)).length };
    }
    return this.riskCache;
  }

  /**
   * Sealed records not yet adopted. Read from the store once, then kept in step by the writers'
   * deltas, so each capture costs O(1) reads rather than a scan of every record.
   */
  private async pendingCount(): Promise<number> {
    if (this.pendingCache !== null) return this.pendingCache;
    const writes = this.writes;
    const count = (await this.db.getAll('keys')).filter(isPending).length;
    if (writes === this.writes) this.pendingCache = count;
    return count;
  }

  /**
   * Every write to the keys store calls this, with how many pending records it added (negative:
   * adopted) when the writer knows; without it the pending count is read again when next needed.
   */
  keysChanged(pendingDelta?: number): void {
    this.riskCache = null;
    this.writes++;
    this.pendingCache =
      pendingDelta === undefined || this.pendingCache === null ? null : Math.max(0, this.pendingCache + pendingDelta);
  }
}

/** Trims what a person may have pasted with stray spaces, and fills derived fields. */
export function normaliseInput(input: NewKeyInput): { credentials: Credentials; details: KeyDetails } {
  const credentials: Credentials = {
    apiKey: normaliseCredential(input.credentials.apiKey),
    secret: normaliseCredential(input.credentials.secret),
    passphrase: normaliseCredential(input.credentials.passphrase),
  };
  if (!credentials.apiKey || !credentials.secret) {
    throw new VaultError('invalid-input', 'An API key and a secret are required.');
  }
  const details: KeyDetails = {
    ...input.details,
    label: input.details.label.trim(),
    account: input.details.account.trim() || 'main',
    notes: input.details.notes.trim(),
    ipWhitelist: input.details.ipWhitelist?.map((ip) => ip.trim()).filter(Boolean) ?? null,
    bindings: input.details.bindings ?? [],
    apiKeyTail: apiKeyTail(credentials.apiKey),
  };
  return { credentials, details };
}

/**
 * The open vault. Held only by the background; dropped on lock. Keeps a decrypted index of
 * details (never credentials) so a popup listing a thousand keys does not decrypt a thousand boxes.
 */
export class UnlockedVault {
  private summaries: Map<string, KeySummary> | undefined;
  private closed = false;

  constructor(
    readonly vault: Vault,
    private readonly db: VaultDb,
    private meta: VaultMeta,
    readonly vaultKeyRaw: Bytes,
    private readonly vaultKey: CryptoKey,
    private readonly sealPrivateKey: CryptoKey,
    private readonly now: () => number,
  ) {}

  get header(): Readonly<VaultMeta> {
    return this.meta;
  }

  private publicKey(): Bytes {
    return decodeField(this.meta.sealPublicKey, 'public key');
  }

  /**
   * Called by lock: zeroes the raw vault key so no copy outlives the lock in this heap, and drops
   * the decrypted index. The CryptoKeys cannot be overwritten (WebCrypto keeps them outside
   * script); they go with this object, and a handler still holding it can no longer open a box.
   */
  close(): void {
    this.closed = true;
    wipe(this.vaultKeyRaw);
    this.summaries = undefined;
  }

  /** After close the raw key is zeros: comparing a password against it would say "wrong". */
  private assertOpen(): void {
    if (this.closed) throw new VaultError('locked', 'The vault is locked. Unlock it first.');
  }

  private async openBox(box: AeadBox | SealedBox, boxAad: string): Promise<Bytes> {
    this.assertOpen();
    if (isSealedBox(box)) return openSealed(this.sealPrivateKey, this.publicKey(), box, boxAad);
    return aeadDecrypt(this.vaultKey, box, boxAad);
  }

  private async summarise(record: StoredKey): Promise<KeySummary> {
    const details = parseDetails(decodeJson(await this.openBox(record.details, aad.details(record.id, record.exchange))));
    return {
      ...details,
      id: record.id,
      exchange: record.exchange,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      risk: record.risk,
      pendingAdoption: isSealedBox(record.details) || isSealedBox(record.credentials),
    };
  }

  async list(): Promise<KeySummary[]> {
    if (!this.summaries) {
      const records = await this.db.getAll('keys');
      const summaries = await Promise.all(records.map((record) => this.summarise(record)));
      this.summaries = new Map(summaries.map((summary) => [summary.id, summary]));
    }
    return [...this.summaries.values()];
  }

  private async record(id: string): Promise<StoredKey> {
    const record = await this.db.get('keys', id);
    if (!record) throw new VaultError('not-found', 'That key is no longer in the vault.');
    return record;
  }

  async get(id: string): Promise<KeySummary> {
    return this.summarise(await this.record(id));
  }

  async credentials(id: string): Promise<Credentials> {
    const record = await this.record(id);
    return parseCredentials(decodeJson(await this.openBox(record.credentials, aad.credentials(id, record.exchange))));
  }

  async fingerprint(exchange: ExchangeId, apiKey: string): Promise<string> {
    return apiKeyFingerprint(
      decodeField(this.meta.fingerprintSalt, 'fingerprint salt'),
      exchange,
      normaliseCredential(apiKey),
    );
  }

  /** Encrypts a complete record under the vault key, ready to be written. */
  async encryptRecord(
    id: string,
    exchange: ExchangeId,
    credentials: Credentials,
    details: KeyDetails,
    times: { createdAt: number; updatedAt: number },
  ): Promise<StoredKey> {
    return {
      v: 1,
      id,
      exchange,
      ...times,
      fingerprint: await this.fingerprint(exchange, credentials.apiKey),
      risk: riskFlags(details),
      credentials: await aeadEncrypt(this.vaultKey, encodeJson(credentials), aad.credentials(id, exchange)),
      details: await aeadEncrypt(this.vaultKey, encodeJson(details), aad.details(id, exchange)),
    };
  }

  async add(input: NewKeyInput): Promise<KeySummary> {
    const { credentials, details } = normaliseInput(input);
    const fingerprint = await this.fingerprint(input.exchange, credentials.apiKey);
    if (await this.db.getFromIndex('keys', 'byFingerprint', fingerprint)) {
      throw new VaultError('invalid-input', 'This API key is already in the vault.');
    }
    const now = this.now();
    const record = await this.encryptRecord(newRecordId(), input.exchange, credentials, details, {
      createdAt: input.createdAt ?? now,
      updatedAt: now,
    });
    await this.db.add('keys', record).catch(async (error: unknown) => {
      if (await this.hasFingerprint(record.fingerprint)) {
        throw new VaultError('invalid-input', 'This API key is already in the vault.');
      }
      throw error;
    });
    return this.remember(record);
  }

  private async remember(record: StoredKey): Promise<KeySummary> {
    this.vault.keysChanged();
    const summary = await this.summarise(record);
    this.summaries?.set(summary.id, summary);
    return summary;
  }

  /** Changes details (label, notes, bindings...); credentials never change: a new key is a new record. */
  async updateDetails(id: string, change: (details: KeyDetails) => KeyDetails): Promise<KeySummary> {
    const record = await this.record(id);
    const current = parseDetails(decodeJson(await this.openBox(record.details, aad.details(id, record.exchange))));
    const next = change(current);
    const updated: StoredKey = {
      ...record,
      updatedAt: this.now(),
      risk: riskFlags(next),
      details: await aeadEncrypt(this.vaultKey, encodeJson(next), aad.details(id, record.exchange)),
    };
    const tx = this.db.transaction('keys', 'readwrite');
    const latest = await tx.store.get(id);
    if (!latest || latest.updatedAt !== record.updatedAt) {
      tx.abort();
      throw new VaultError('corrupt', 'That key changed meanwhile; nothing was saved. Try again.');
    }
    await tx.store.put(updated);
    await tx.done;
    return this.remember(updated);
  }

  async delete(id: string): Promise<void> {
    await this.record(id);
    await this.db.delete('keys', id);
    this.vault.keysChanged();
    this.summaries?.delete(id);
  }

  /**
   * Opens records sealed while locked and re-encrypts them under the vault key, so later reads
   * are one AES operation. A record that fails to open is left as it is and reported.
   * With ids (a capture made while open) only those records are read: adopting each capture by
   * rescanning the whole store made a flood of captures cost quadratic time.
   */
  async adoptSealed(ids?: readonly string[]): Promise<{ adopted: number; failed: string[] }> {
    const records = ids ? await this.recordsById(ids) : await this.db.getAll('keys');
    const failed: string[] = [];
    let adopted = 0;
    let pendingAdopted = 0;
    for (const record of records) {
      if (!isSealedBox(record.credentials) && !isSealedBox(record.details) && !record.observed) continue;
      try {
        const credentials = await this.openBox(record.credentials, aad.credentials(record.id, record.exchange));
        parseCredentials(decodeJson(credentials));
        let details = parseDetails(
          decodeJson(await this.openBox(record.details, aad.details(record.id, record.exchange))),
        );
        if (record.observed) {
          const seen = parseObservation(
            decodeJson(await this.openBox(record.observed, aad.observed(record.id, record.exchange))),
          );
          details = applyObservation(details, seen);
        }
        const { observed: _merged, ...rest } = record;
        const next: StoredKey = {
          ...rest,
          risk: riskFlags(details),
          credentials: await aeadEncrypt(this.vaultKey, credentials, aad.credentials(record.id, record.exchange)),
          details: await aeadEncrypt(this.vaultKey, encodeJson(details), aad.details(record.id, record.exchange)),
        };
        wipe(credentials);
        await this.db.put('keys', next);
        adopted++;
        if (isPending(record)) pendingAdopted++;
        // Kept in step record by record: dropping the index would make the next list decrypt all.
        this.summaries?.set(record.id, await this.summarise(next));
      } catch {
        failed.push(record.id);
      }
    }
    if (adopted > 0) this.vault.keysChanged(-pendingAdopted);
    return { adopted, failed };
  }

  private async recordsById(ids: readonly string[]): Promise<StoredKey[]> {
    const records = await Promise.all(ids.map((id) => this.db.get('keys', id)));
    return records.filter((record): record is StoredKey => record !== undefined);
  }

  /** The key list showed this key: update its permissions and IPs if they changed. */
  async observe(exchange: ExchangeId, apiKey: string, seen: Observation): Promise<'updated' | 'unchanged' | 'unknown'> {
    const record = await this.db.getFromIndex('keys', 'byFingerprint', await this.fingerprint(exchange, apiKey));
    if (!record) return 'unknown';
    const current = (await this.get(record.id)) as KeyDetails;
    const next = applyObservation(current, seen);
    if (JSON.stringify([next.permissions, next.ipWhitelist]) === JSON.stringify([current.permissions, current.ipWhitelist])) {
      return 'unchanged';
    }
    await this.updateDetails(record.id, (details) => applyObservation(details, seen));
    return 'updated';
  }

  /** Re-wraps only the vault key: records are untouched, so a failure midway loses nothing. */
  async changePassword(currentPassword: string, nextPassword: string): Promise<void> {
    if (nextPassword.length === 0) throw new VaultError('invalid-input', 'The new password is empty.');
    const stored = parseMeta(await this.db.get('meta', 'vault'));
    const check = await unwrapVaultKey(currentPassword, stored);
    try {
      const same = equalBytes(check, this.vaultKeyRaw);
      // Locked during the KDF: this.vaultKeyRaw is zeros now and proves nothing.
      this.assertOpen();
      if (!same) throw new VaultError('corrupt', 'The stored vault key does not match the open vault.');
      // Wraps the copy just unwrapped, not this.vaultKeyRaw: a lock during the next KDF zeroes that.
      const next: VaultMeta = {
        ...stored,
        ...(await wrapVaultKey(
          nextPassword,
          check,
          belowTarget(stored.kdf, this.vault.kdfTarget) ? this.vault.kdfTarget : stored.kdf,
        )),
        passwordChangedAt: this.now(),
      };
      await this.vault.replaceMeta(stored, next);
      this.meta = next;
    } finally {
      wipe(check);
    }
  }

  /** Checks the master password without changing anything (export asks for it again). */
  async verifyPassword(password: string): Promise<void> {
    const raw = await unwrapVaultKey(password, parseMeta(await this.db.get('meta', 'vault')));
    const same = equalBytes(raw, this.vaultKeyRaw);
    wipe(raw);
    // Locked during the KDF: the zeroed key says nothing about the password.
    this.assertOpen();
    if (!same) throw new VaultError('wrong-password', 'Wrong password.');
  }

  /** Writes many records in one transaction: all of them or none. */
  async putAll(records: StoredKey[]): Promise<void> {
    const tx = this.db.transaction('keys', 'readwrite');
    await Promise.all([...records.map((record) => tx.store.add(record)), tx.done]);
    this.vault.keysChanged();
    this.summaries = undefined;
  }

  async hasFingerprint(fingerprint: string): Promise<boolean> {
    return (await this.db.getFromIndex('keys', 'byFingerprint', fingerprint)) !== undefined;
  }

  async allRecords(): Promise<StoredKey[]> {
    return this.db.getAll('keys');
  }

  async openRecord(record: StoredKey): Promise<{ credentials: Credentials; details: KeyDetails }> {
    return {
      credentials: parseCredentials(
        decodeJson(await this.openBox(record.credentials, aad.credentials(record.id, record.exchange))),
      ),
      details: parseDetails(decodeJson(await this.openBox(record.details, aad.details(record.id, record.exchange)))),
    };
  }
}
