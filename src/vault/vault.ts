import type { IDBPTransaction } from 'idb';
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
import { SerialQueue } from '../core/serial';
import { type AeadBox, aeadDecrypt, aeadEncrypt, importAesKey, isAeadBox } from './aead';
import { type Bytes, equalBytes, fromBase64, randomBytes, toBase64, wipe } from './bytes';
import { type Observation, decodeJson, encodeJson, parseCredentials, parseDetails, parseObservation } from './codec';
import { DetailsCache, type DetailsCacheArea } from './details-cache';
import { VaultError, isVaultError } from './errors';
import { deriveIntegrityKey, importTagKey, openIndex, recordMac, sealIndex, verifyRecordMac } from './integrity';
import { KDF_TARGET, type KdfParams, assertUsableKdf, belowTarget, deriveKek } from './kdf';
import { CAPTURE_KEY_VERSION, type SealingHeader, loadCaptureKey, wrapCaptureKey } from './capture-key';
import { aad, apiKeyFingerprint, kekCheck, newRecordId } from './keys';
import { type SealedBox, generateSealKeyPair, isSealedBox, openSealed, seal } from './seal';
import type { StoredKey, VaultDb, VaultMeta, VaultSchema } from './store';
import { type PlainKey, plural, t } from '../i18n';

export interface VaultOptions {
  /** The parameters new vaults get and older ones are raised to at unlock. */
  kdfTarget?: KdfParams;
  now?: () => number;
  /** How many sealed records may wait for an unlock; MAX_PENDING unless a test says otherwise. */
  maxPending?: number;
  /** Where decrypted details are kept, sealed, for the next start of the background (details-cache.ts). */
  detailsCache?: DetailsCacheArea;
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

export type { Observation };

/**
 * The clear hint flags after the key list was seen while locked: raised, never lowered. Anything
 * can call this path with the vault locked (and anyone who can write the profile can edit the
 * flags anyway), so it may add a warning to the badge but never take one away.
 */
function raisedHint(current: RiskFlags, seen: Observation): RiskFlags {
  return {
    withdraw: current.withdraw || seen.permissions?.withdraw === true,
    transfer: current.transfer || seen.permissions?.transfer === true,
    noIpWhitelist: current.noIpWhitelist || (seen.ipWhitelist !== null && seen.ipWhitelist.length === 0),
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

/**
 * An observation sealed while locked, merged into a record that was already adopted. A sealed box
 * is unauthenticated (the public key is in clear), so it may only add risk or fill in what was
 * unknown: it can turn withdraw or transfer on and empty the whitelist, never the reverse. The
 * key list seen again while the vault is open says the rest.
 */
function applyLockedObservation(details: KeyDetails, seen: Observation): KeyDetails {
  const stored = details.permissions;
  let permissions = stored;
  if (seen.permissions) {
    permissions =
      stored === null
        ? observedPermissions(seen.permissions, null)
        : {
            ...stored,
            withdraw: stored.withdraw || seen.permissions.withdraw,
            transfer: stored.transfer || seen.permissions.transfer,
          };
  }
  const emptied = seen.ipWhitelist !== null && seen.ipWhitelist.length === 0;
  const ipWhitelist = seen.ipWhitelist && (details.ipWhitelist === null || emptied) ? seen.ipWhitelist : details.ipWhitelist;
  return { ...details, permissions, ipWhitelist };
}

export interface RiskCount {
  keys: number;
  risky: number;
}

function parseMeta(value: unknown): VaultMeta {
  if (typeof value !== 'object' || value === null) throw new VaultError('no-vault', t('vaultNone'));
  const meta = value as Partial<VaultMeta>;
  if (meta.format !== 'keyward-vault') throw new VaultError('corrupt', t('vaultHeaderForeign'));
  if (meta.version !== 1 && meta.version !== 2 && meta.version !== 3) {
    throw new VaultError('newer-format', t('vaultNewer'));
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
    throw new VaultError('corrupt', t('vaultHeaderIncomplete'));
  }
  return meta as VaultMeta;
}

function decodeField(text: string, what: string): Bytes {
  try {
    return fromBase64(text);
  } catch {
    throw new VaultError('corrupt', t('vaultFieldBase64Named', { field: what }));
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
      throw new VaultError('wrong-password', t('vaultWrongPassword'));
    }
    const kekKey = await importAesKey(kek, ['decrypt']);
    const raw = await aeadDecrypt(kekKey, meta.wrappedVaultKey, aad.vaultKey(meta.kdf, meta.salt)).catch(
      (error: unknown) => {
        throw error instanceof VaultError && error.code === 'tampered'
          ? new VaultError('tampered', t('vaultKeyAltered'))
          : error;
      },
    );
    if (raw.length !== 32) throw new VaultError('corrupt', t('vaultKeyLength'));
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
  private readonly sealing = new SerialQueue();
  /** The open vault, while there is one: risk is then counted from authenticated details. */
  private unlocked: UnlockedVault | null = null;
  /**
   * Adoptions and observations made while locked, one at a time: the page's key list may be
   * reported while an unlock adopts the capture it lists, and each would undo the other's write.
   */
  private readonly adopting = new SerialQueue();
  private readonly detailsCacheArea: DetailsCacheArea | undefined;

  constructor(
    private readonly db: VaultDb,
    options: VaultOptions = {},
  ) {
    this.detailsCacheArea = options.detailsCache;
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
    if (password.length === 0) throw new VaultError('invalid-input', t('vaultPasswordRequired'));
    if (await this.exists()) throw new VaultError('vault-exists', t('vaultExists'));
    const vaultKeyRaw = randomBytes(32);
    const vaultKey = await importAesKey(vaultKeyRaw);
    const pair = await generateSealKeyPair();
    const fingerprintSalt = randomBytes(32);
    const now = this.now();
    const integrityKey = deriveIntegrityKey(vaultKeyRaw);
    const meta: VaultMeta = {
      format: 'keyward-vault',
      version: CAPTURE_KEY_VERSION,
      ...(await wrapVaultKey(password, vaultKeyRaw, this.kdfTarget)),
      sealPublicKey: toBase64(pair.publicKeyRaw),
      wrappedSealPrivateKey: await wrapCaptureKey(vaultKey, pair.publicKeyRaw, fingerprintSalt, pair.privateKeyPkcs8),
      fingerprintSalt: toBase64(fingerprintSalt),
      createdAt: now,
      passwordChangedAt: now,
      adopted: sealIndex(integrityKey, []),
    };
    wipe(integrityKey);
    wipe(pair.privateKeyPkcs8);
    // add, not put: two racing creates must not overwrite each other's vault.
    await this.db.add('meta', meta, 'vault').catch(() => {
      throw new VaultError('vault-exists', t('vaultExists'));
    });
    return this.open(vaultKeyRaw, meta);
  }

  /** Checks the password; raises weak stored KDF parameters to the target by re-wrapping. */
  async unlock(password: string): Promise<UnlockedVault> {
    const meta = await this.meta();
    const vaultKeyRaw = await unwrapVaultKey(password, meta);
    let current = meta;
    if (belowTarget(meta.kdf, this.kdfTarget)) {
      current = await this.replaceMeta(meta, await wrapVaultKey(password, vaultKeyRaw, this.kdfTarget));
    }
    const unlocked = await this.open(vaultKeyRaw, current);
    // A warning that the capture key had been replaced was for the session in which that was
    // found (and put right); an unlock with the password starts the next one without it.
    if (!unlocked.replacedAtOpen.sealPublicKey && unlocked.sealKeyReplaced) {
      await unlocked.clearSealKeyNotice().catch((error: unknown) => {
        unlocked.close();
        throw error;
      });
    }
    // Captures sealed while locked, and observations of the key list, are taken in now; a record
    // that fails its checks is left as it is and shown as damaged.
    await unlocked.adoptSealed();
    return unlocked;
  }

  /** Re-opens with a vault key kept in session storage (service worker restarted). */
  async resume(vaultKeyRaw: Bytes): Promise<UnlockedVault> {
    return this.open(vaultKeyRaw, await this.meta());
  }

  /**
   * Rewraps the vault key: writes the new wrapping only if nobody changed it meanwhile (a password
   * change in another tab). Only these fields change: the rest of the header, the adopted index
   * above all, is taken as stored now, so an adoption during the KDF is not undone.
   */
  async replaceMeta(
    expected: VaultMeta,
    change: Pick<VaultMeta, 'kdf' | 'salt' | 'kekCheck' | 'wrappedVaultKey'> & { passwordChangedAt?: number },
  ): Promise<VaultMeta> {
    const tx = this.db.transaction('meta', 'readwrite');
    const stored = await tx.store.get('vault');
    if (!stored || stored.wrappedVaultKey.ct !== expected.wrappedVaultKey.ct) {
      tx.abort();
      throw new VaultError('corrupt', t('vaultHeaderChanged'));
    }
    const next: VaultMeta = { ...stored, ...change };
    await tx.store.put(next, 'vault');
    await tx.done;
    return next;
  }

  /**
   * Opens the vault with its key, at unlock and at resume alike. The clear public key and
   * fingerprint salt are checked against the copy the capture key's box holds (capture-key.ts):
   * a replaced one is not used, Keyward's own is written back, and the open vault says so
   * (replacedAtOpen, sealKeyReplaced) for the popup to warn.
   */
  private async open(vaultKeyRaw: Bytes, meta: VaultMeta): Promise<UnlockedVault> {
    const vaultKey = await importAesKey(vaultKeyRaw);
    const captureKey = await loadCaptureKey(vaultKey, meta);
    const { genuine } = captureKey;
    const replaced = {
      sealPublicKey: meta.sealPublicKey !== genuine.sealPublicKey,
      fingerprintSalt: meta.fingerprintSalt !== genuine.fingerprintSalt,
    };
    const change: HeaderChange = {
      version: CAPTURE_KEY_VERSION,
      ...genuine,
      wrappedSealPrivateKey: captureKey.rewrapped ?? meta.wrappedSealPrivateKey,
      ...(replaced.sealPublicKey ? { sealKeyReplacedAt: this.now() } : {}),
    };
    const unlocked = new UnlockedVault(
      this,
      this.db,
      meta,
      vaultKeyRaw,
      vaultKey,
      captureKey.privateKey,
      genuine,
      replaced,
      this.now,
      this.detailsCacheArea ? new DetailsCache(this.detailsCacheArea, vaultKey) : null,
    );
    try {
      if (captureKey.version === 1) {
        await unlocked.migrateFromVersion1(meta, change);
      } else if (captureKey.rewrapped || replaced.sealPublicKey || replaced.fingerprintSalt) {
        await unlocked.restoreHeader(meta, change);
      }
    } catch (error) {
      unlocked.close();
      throw error;
    }
    this.unlocked = unlocked;
    return unlocked;
  }

  /**
   * The public key and salt to seal with. While the vault is open, the authenticated ones it
   * holds: a swap made meanwhile reaches no capture before the next lock.
   */
  private async sealingHeader(): Promise<SealingHeader> {
    return this.unlocked?.sealingHeader ?? (await this.meta());
  }

  /** Called by UnlockedVault.close: the badge goes back to the clear hints. */
  forget(unlocked: UnlockedVault): void {
    if (this.unlocked === unlocked) this.unlocked = null;
    this.riskCache = null;
  }

  /**
   * Stores a captured key without the vault being open: sealed to the vault's public key.
   * The same API key captured twice stays one record.
   */
  async sealNew(input: NewKeyInput, options: SealOptions = {}): Promise<SealResult> {
    return this.sealing.run(() => this.sealOne(input, options));
  }

  private async sealOne(input: NewKeyInput, options: SealOptions): Promise<SealResult> {
    const meta = await this.sealingHeader();
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
        plural('vaultTooManyPending', this.maxPending),
      );
    }
    options.admit?.();
    const id = newRecordId();
    const publicKey = decodeField(meta.sealPublicKey, 'public key');
    const now = this.now();
    // No tag: the locked vault has no key. The adopted index is what says this id is new.
    const record: StoredKey = {
      v: 2,
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
   * The key list showed this key while the vault is locked: its clear risk flags may rise now (the
   * badge warns at once) but never fall, and the sealed observation is merged into its details at
   * unlock (for an adopted key, only where it adds risk). Returns false for a key Keyward does
   * not hold.
   */
  async observeLocked(exchange: ExchangeId, apiKey: string, seen: Observation): Promise<boolean> {
    return this.oneAtATime(() => this.observeLockedNow(exchange, apiKey, seen));
  }

  private async observeLockedNow(exchange: ExchangeId, apiKey: string, seen: Observation): Promise<boolean> {
    const meta = await this.sealingHeader();
    const fingerprint = await apiKeyFingerprint(
      decodeField(meta.fingerprintSalt, 'fingerprint salt'),
      exchange,
      normaliseCredential(apiKey),
    );
    // Written only over the record as it was read: an unlock adopting it meanwhile must not get
    // its sealed form back (that would be a sealed box over an adopted id: damaged). Read again
    // and sealed again if it changed.
    for (let attempt = 0; attempt < OBSERVE_ATTEMPTS; attempt++) {
      const record = await this.db.getFromIndex('keys', 'byFingerprint', fingerprint);
      if (!record) return false;
      const observed = await seal(
        decodeField(meta.sealPublicKey, 'public key'),
        encodeJson(seen),
        aad.observed(record.id, record.exchange),
      );
      const next: StoredKey = { ...record, risk: raisedHint(record.risk, seen), observed, updatedAt: this.now() };
      if (await this.replaceIfUnchanged(record, next)) {
        this.keysChanged();
        return true;
      }
    }
    throw new VaultError('corrupt', t('vaultKeyChurning'));
  }

  /** Puts `next` in one transaction, only if the stored record is still `before`. */
  private async replaceIfUnchanged(before: StoredKey, next: StoredKey): Promise<boolean> {
    const tx = this.db.transaction('keys', 'readwrite');
    const stored = await tx.store.get(before.id);
    if (!stored || JSON.stringify(stored) !== JSON.stringify(before)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return false;
    }
    await tx.store.put(next);
    await tx.done;
    return true;
  }

  /**
   * For the toolbar badge and the popup. While the vault is open, counted from the authenticated
   * details (a damaged record counts as risky: it needs the user's attention); while locked, from
   * the clear hint flags, the only thing readable then.
   */
  async riskCount(): Promise<RiskCount> {
    const open = this.unlocked;
    if (open) {
      const keys = await open.listAll().catch((error: unknown) => {
        if (isVaultError(error, 'locked')) return null;
        throw error;
      });
      if (keys) {
        return { keys: keys.length, risky: keys.filter((key) => key.damaged !== undefined || isRisky(key.risk)).length };
      }
    }
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
  /** Runs `work` after every adoption or locked observation queued before it. */
  oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    return this.adopting.run(work);
  }

  /** How many writes to the keys store so far: a reading begun at an older count may be stale. */
  get writeCount(): number {
    return this.writes;
  }

  keysChanged(pendingDelta?: number): void {
    this.riskCache = null;
    this.writes++;
    this.pendingCache =
      pendingDelta === undefined || this.pendingCache === null ? null : Math.max(0, this.pendingCache + pendingDelta);
  }
}

/** What open() writes into the header: Keyward's sealing header, and the capture key's box at version 3. */
type HeaderChange = Pick<VaultMeta, 'version' | 'sealPublicKey' | 'fingerprintSalt' | 'wrappedSealPrivateKey' | 'sealKeyReplacedAt'>;

/** Trims what a person may have pasted with stray spaces, and fills derived fields. */
export function normaliseInput(input: NewKeyInput): { credentials: Credentials; details: KeyDetails } {
  const credentials: Credentials = {
    apiKey: normaliseCredential(input.credentials.apiKey),
    secret: normaliseCredential(input.credentials.secret),
    passphrase: normaliseCredential(input.credentials.passphrase),
  };
  if (!credentials.apiKey || !credentials.secret) {
    throw new VaultError('invalid-input', t('vaultKeyAndSecretRequired'));
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

/** A locked observation re-reads a record that changed under it at most this often. */
const OBSERVE_ATTEMPTS = 5;
/** Adoption passes over records that changed under the previous one. */
const ADOPT_PASSES = 5;

type KeysAndMeta = IDBPTransaction<VaultSchema, ('keys' | 'meta')[], 'readwrite'>;

/** Ends a transaction that failed half way, so nothing of it is written. */
function abandon(tx: KeysAndMeta): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing was left to undo.
  }
}

/**
 * Why a record is shown as damaged: the message saying it to the user (vaultDamage…), read when
 * the record is judged, so it is in the language the user reads now.
 */
const DAMAGE = {
  sealedOverAdopted: 'vaultDamageSealedOverAdopted',
  mixed: 'vaultDamageMixed',
  unverifiable: 'vaultDamageUnverifiable',
  altered: 'vaultDamageAltered',
  unreadable: 'vaultDamageUnreadable',
  sealedElsewhere: 'vaultDamageSealedElsewhere',
} as const satisfies Record<string, PlainKey>;

/** The refusal to use a damaged record, with why it is damaged. */
function refusal(reason: string): string {
  return t('vaultDamagedRefusal', { reason });
}

type Verdict =
  | { kind: 'adopted'; capturedWhileLocked: boolean }
  | { kind: 'pending' }
  | { kind: 'damaged'; reason: string };

type Usable = Exclude<Verdict, { kind: 'damaged' }>;

/** The adopted ids, read when first needed: a record under the vault key never needs them. */
type AdoptedIds = () => Promise<Set<string> | null>;

interface Adoption {
  /** The record as read: it is written over only if it is still exactly this. */
  before: StoredKey;
  after: StoredKey;
  /** A sealed capture being adopted: its id must not be in the index yet, and goes into it. */
  capture: boolean;
  /** Stored by this worker just now, under a new random id, so it cannot have been adopted before. */
  fresh: boolean;
}

export interface AdoptOptions {
  /**
   * The ids are captures this worker has just sealed as new records while the vault was open: not
   * captured while locked, and known to be new even if the adopted index is damaged.
   */
  fresh?: boolean;
}

/** What the popup can show of a record that may not be used: its clear part, marked damaged. */
function damagedSummary(record: StoredKey, reason: string): KeySummary {
  return {
    label: '',
    account: '',
    permissions: null,
    ipWhitelist: null,
    source: { kind: 'manual' },
    bindings: [],
    notes: '',
    apiKeyTail: '',
    id: record.id,
    exchange: record.exchange,
    createdAt: Number.isFinite(record.createdAt) ? record.createdAt : 0,
    updatedAt: Number.isFinite(record.updatedAt) ? record.updatedAt : 0,
    risk: { withdraw: false, transfer: false, noIpWhitelist: false },
    pendingAdoption: false,
    damaged: reason,
  };
}

/**
 * The open vault. Held only by the background; dropped on lock. Keeps a decrypted index of
 * details (never credentials) so a popup listing a thousand keys does not decrypt a thousand boxes.
 *
 * Every record read is first judged (verdict): one under the vault key must carry a valid tag; one
 * sealed to the public key is a capture only if its id was never adopted. Anything else is shown
 * as damaged and never used, and its risk, like every key's, comes from the decrypted details.
 */
export class UnlockedVault {
  private summaries: Map<string, KeySummary> | undefined;
  /** The reading under way, with the store's write count when it began. */
  private listing: { writes: number; summaries: Promise<Map<string, KeySummary>> } | undefined;
  private closed = false;
  /** HMAC key for the records' tags and the adopted index; zeroed with the vault key on lock. */
  private readonly integrityKey: Bytes;
  /** The same key in WebCrypto, to check many records' tags at once (integrity.ts says why). */
  private readonly tagKey: Promise<CryptoKey>;

  constructor(
    readonly vault: Vault,
    private readonly db: VaultDb,
    private meta: VaultMeta,
    readonly vaultKeyRaw: Bytes,
    private readonly vaultKey: CryptoKey,
    private readonly sealPrivateKey: CryptoKey,
    /**
     * Keyward's own public key and fingerprint salt, from the capture key's authenticated box.
     * Kept apart from `meta` (the header as last read or written), which is taken from the store
     * again by other writers and may carry a swapped value.
     */
    readonly sealingHeader: Readonly<SealingHeader>,
    /** What this open found replaced in the clear header (and put back). */
    readonly replacedAtOpen: Readonly<{ sealPublicKey: boolean; fingerprintSalt: boolean }>,
    private readonly now: () => number,
    private readonly detailsCache: DetailsCache | null = null,
  ) {
    this.integrityKey = deriveIntegrityKey(vaultKeyRaw);
    this.tagKey = importTagKey(this.integrityKey);
  }

  get header(): Readonly<VaultMeta> {
    return this.meta;
  }

  /**
   * The capture key was found replaced, at this open or earlier in this session (the header keeps
   * the notice, so a resumed service worker still says it): the popup shows its warning.
   */
  get sealKeyReplaced(): boolean {
    return this.replacedAtOpen.sealPublicKey || typeof this.meta.sealKeyReplacedAt === 'number';
  }

  private publicKey(): Bytes {
    return decodeField(this.sealingHeader.sealPublicKey, 'public key');
  }

  /**
   * Called by lock: zeroes the raw vault key (and the key derived from it) so no copy outlives the
   * lock in this heap, and drops the decrypted index. The CryptoKeys cannot be overwritten
   * (WebCrypto keeps them outside script); they go with this object, and a handler still holding
   * it can no longer open a box.
   */
  close(): void {
    this.closed = true;
    wipe(this.vaultKeyRaw);
    wipe(this.integrityKey);
    this.summaries = undefined;
    this.listing = undefined;
    void this.detailsCache?.clear().catch(() => undefined);
    this.vault.forget(this);
  }

  /** After close the raw key is zeros: comparing a password against it would say "wrong". */
  private assertOpen(): void {
    if (this.closed) throw new VaultError('locked', t('vaultLocked'));
  }

  private async openBox(box: AeadBox | SealedBox, boxAad: string): Promise<Bytes> {
    this.assertOpen();
    if (isSealedBox(box)) return openSealed(this.sealPrivateKey, this.publicKey(), box, boxAad);
    return aeadDecrypt(this.vaultKey, box, boxAad);
  }

  /** The record as version 2, with its tag; after close the key is zeros, so this refuses. */
  private tagged(record: StoredKey): StoredKey {
    this.assertOpen();
    const next: StoredKey = { ...record, v: 2 };
    return { ...next, mac: recordMac(this.integrityKey, next) };
  }

  private adoptedIds(): AdoptedIds {
    let read: Promise<Set<string> | null> | undefined;
    return () => {
      read ??= this.db.get('meta', 'vault').then((meta) => {
        this.assertOpen();
        return openIndex(this.integrityKey, meta?.adopted);
      });
      return read;
    };
  }

  private async verdict(record: StoredKey, adopted: AdoptedIds): Promise<Verdict> {
    this.assertOpen();
    const sealedCredentials = isSealedBox(record.credentials);
    if (sealedCredentials !== isSealedBox(record.details)) return { kind: 'damaged', reason: t(DAMAGE.mixed) };
    if (sealedCredentials) {
      const ids = await adopted();
      if (ids === null) return { kind: 'damaged', reason: t(DAMAGE.unverifiable) };
      if (ids.has(record.id)) return { kind: 'damaged', reason: t(DAMAGE.sealedOverAdopted) };
      return { kind: 'pending' };
    }
    if (record.v !== 2) return { kind: 'damaged', reason: t(DAMAGE.altered) };
    const authentic = await verifyRecordMac(await this.tagKey, record);
    // Locked while the tag was checked: nothing read now may be used.
    this.assertOpen();
    if (!authentic) return { kind: 'damaged', reason: t(DAMAGE.altered) };
    return { kind: 'adopted', capturedWhileLocked: record.capturedWhileLocked === true };
  }

  /** Throws `tampered`, saying why, for a record that may not be used. */
  private async usable(record: StoredKey, adopted: AdoptedIds = this.adoptedIds()): Promise<Usable> {
    const verdict = await this.verdict(record, adopted);
    if (verdict.kind === 'damaged') throw new VaultError('tampered', refusal(verdict.reason));
    return verdict;
  }

  private async readDetails(record: StoredKey): Promise<KeyDetails> {
    return parseDetails(decodeJson(await this.openBox(record.details, aad.details(record.id, record.exchange))));
  }

  private async readObservation(record: StoredKey): Promise<Observation> {
    if (!record.observed) throw new VaultError('corrupt', t('vaultNoObservation'));
    return parseObservation(decodeJson(await this.openBox(record.observed, aad.observed(record.id, record.exchange))));
  }

  private async summarise(record: StoredKey, adopted: AdoptedIds): Promise<KeySummary> {
    const verdict = await this.verdict(record, adopted);
    if (verdict.kind === 'damaged') return damagedSummary(record, verdict.reason);
    let details: KeyDetails;
    try {
      details = await this.verifiedDetails(record, verdict);
    } catch (error) {
      if (isVaultError(error, 'locked')) throw error;
      // A sealed box that fails its check (rather than being malformed) was sealed to another key.
      const elsewhere = verdict.kind === 'pending' && isVaultError(error, 'tampered');
      return damagedSummary(record, t(elsewhere ? DAMAGE.sealedElsewhere : DAMAGE.unreadable));
    }
    const lockedCapture = verdict.kind === 'pending' || verdict.capturedWhileLocked;
    return {
      ...details,
      id: record.id,
      exchange: record.exchange,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      // From the details just decrypted and authenticated, never from the clear hint.
      risk: riskFlags(details),
      pendingAdoption: verdict.kind === 'pending',
      ...(lockedCapture
        ? { capturedWhileLocked: { at: record.createdAt, page: details.source.kind === 'capture' ? details.source.url : '' } }
        : {}),
    };
  }

  /**
   * An adopted record's details come from the cache only after its tag verified (verdict): the
   * tag covers the details box, so the cached details are those of exactly this box.
   */
  private async verifiedDetails(record: StoredKey, verdict: Verdict): Promise<KeyDetails> {
    const tag = verdict.kind === 'adopted' && this.detailsCache ? record.mac : undefined;
    if (tag === undefined) return this.readDetails(record);
    const cached = this.detailsCache?.get(tag);
    if (cached) return cached;
    const details = await this.readDetails(record);
    this.detailsCache?.put(tag, details);
    return details;
  }

  /** Every key, damaged ones included (marked): what the popup lists. */
  async listAll(): Promise<KeySummary[]> {
    if (this.summaries) return [...this.summaries.values()];
    // One reading for all who ask meanwhile: a restarted worker's badge and the popup's list
    // arrive together, and each used to decrypt every record.
    const listing = (this.listing ??= {
      writes: this.vault.writeCount,
      summaries: this.readAll().finally(() => {
        this.listing = undefined;
      }),
    });
    const summaries = await listing.summaries;
    // Kept only if nothing was written meanwhile: a write then found no summaries to update, and
    // the reading may predate it. This caller still gets the reading; the next one reads again.
    if (this.vault.writeCount === listing.writes) this.summaries ??= summaries;
    return [...(this.summaries ?? summaries).values()];
  }

  private async readAll(): Promise<Map<string, KeySummary>> {
    const [records] = await Promise.all([this.db.getAll('keys'), this.detailsCache?.load()]);
    const adopted = this.adoptedIds();
    const summaries = await Promise.all(records.map((record) => this.summarise(record, adopted)));
    const live = new Set(records.flatMap((record) => (typeof record.mac === 'string' ? [record.mac] : [])));
    // Not awaited: the list is not held back for the write; a lost write costs the next start time, not truth.
    void this.detailsCache?.save(live).catch(() => undefined);
    return new Map(summaries.map((summary) => [summary.id, summary]));
  }

  /** The keys that may be used, which is what a fill offers: a damaged record is left out. */
  async list(): Promise<KeySummary[]> {
    return (await this.listAll()).filter((key) => key.damaged === undefined);
  }

  private async record(id: string): Promise<StoredKey> {
    const record = await this.db.get('keys', id);
    if (!record) throw new VaultError('not-found', t('vaultKeyGone'));
    return record;
  }

  /** Read from the store each time and judged again, so a change since the list was made counts. */
  async get(id: string): Promise<KeySummary> {
    const summary = await this.summarise(await this.record(id), this.adoptedIds());
    if (summary.damaged !== undefined) throw new VaultError('tampered', refusal(summary.damaged));
    return summary;
  }

  async credentials(id: string): Promise<Credentials> {
    const record = await this.record(id);
    await this.usable(record);
    return parseCredentials(decodeJson(await this.openBox(record.credentials, aad.credentials(id, record.exchange))));
  }

  async fingerprint(exchange: ExchangeId, apiKey: string): Promise<string> {
    return apiKeyFingerprint(
      decodeField(this.sealingHeader.fingerprintSalt, 'fingerprint salt'),
      exchange,
      normaliseCredential(apiKey),
    );
  }

  /** Encrypts and tags a complete record under the vault key, ready to be written with addAdopted. */
  async encryptRecord(
    id: string,
    exchange: ExchangeId,
    credentials: Credentials,
    details: KeyDetails,
    times: { createdAt: number; updatedAt: number },
  ): Promise<StoredKey> {
    return this.tagged({
      v: 2,
      id,
      exchange,
      ...times,
      fingerprint: await this.fingerprint(exchange, credentials.apiKey),
      risk: riskFlags(details),
      credentials: await aeadEncrypt(this.vaultKey, encodeJson(credentials), aad.credentials(id, exchange)),
      details: await aeadEncrypt(this.vaultKey, encodeJson(details), aad.details(id, exchange)),
    });
  }

  async add(input: NewKeyInput): Promise<KeySummary> {
    const { credentials, details } = normaliseInput(input);
    const fingerprint = await this.fingerprint(input.exchange, credentials.apiKey);
    if (await this.db.getFromIndex('keys', 'byFingerprint', fingerprint)) {
      throw new VaultError('invalid-input', t('vaultDuplicate'));
    }
    const now = this.now();
    const record = await this.encryptRecord(newRecordId(), input.exchange, credentials, details, {
      createdAt: input.createdAt ?? now,
      updatedAt: now,
    });
    await this.addAdopted([record]).catch(async (error: unknown) => {
      if (await this.hasFingerprint(record.fingerprint)) {
        throw new VaultError('invalid-input', t('vaultDuplicate'));
      }
      throw error;
    });
    return this.remember(record);
  }

  /** Adds tagged records and lists their ids as adopted, in one transaction: all of it or none. */
  private async addAdopted(records: readonly StoredKey[]): Promise<void> {
    const tx = this.db.transaction(['keys', 'meta'], 'readwrite');
    const keys = tx.objectStore('keys');
    try {
      await Promise.all([
        ...records.map((record) => keys.add(record)),
        this.extendIndex(
          tx,
          records.map((record) => record.id),
        ),
        tx.done,
      ]);
    } catch (error) {
      abandon(tx);
      throw error;
    }
  }

  private async extendIndex(tx: KeysAndMeta, ids: readonly string[]): Promise<void> {
    const meta = await tx.objectStore('meta').get('vault');
    if (!meta) throw new VaultError('no-vault', t('vaultNone'));
    this.assertOpen();
    await this.writeIndex(tx, meta, openIndex(this.integrityKey, meta.adopted), ids);
  }

  /**
   * Writes the adopted index with `ids` added. Synchronous between its reads and its write (the
   * tags are computed in script), so the transaction stays open and two writers cannot lose each
   * other's ids. A damaged index is rebuilt from every id stored now: any of them may have been
   * adopted, so none may come back as a sealed capture.
   */
  private async writeIndex(tx: KeysAndMeta, meta: VaultMeta, known: Set<string> | null, ids: readonly string[]): Promise<void> {
    const next = new Set(known ?? (await tx.objectStore('keys').getAllKeys()));
    for (const id of ids) next.add(id);
    this.assertOpen();
    await tx.objectStore('meta').put({ ...meta, adopted: sealIndex(this.integrityKey, [...next]) }, 'vault');
  }

  private async remember(record: StoredKey): Promise<KeySummary> {
    this.vault.keysChanged();
    const summary = await this.summarise(record, this.adoptedIds());
    this.summaries?.set(summary.id, summary);
    return summary;
  }

  /** Changes details (label, notes, bindings...); credentials never change: a new key is a new record. */
  async updateDetails(id: string, change: (details: KeyDetails) => KeyDetails): Promise<KeySummary> {
    let record = await this.record(id);
    if (isSealedBox(record.credentials) && isSealedBox(record.details)) {
      // A capture not taken in yet: adopted first, so that what is written back is tagged.
      await this.adoptSealed([id]);
      record = await this.record(id);
    }
    if ((await this.usable(record)).kind !== 'adopted') {
      throw new VaultError('tampered', refusal(t(DAMAGE.unreadable)));
    }
    const current = await this.readDetails(record);
    const next = change(current);
    const updated = this.tagged({
      ...record,
      updatedAt: this.now(),
      risk: riskFlags(next),
      details: await aeadEncrypt(this.vaultKey, encodeJson(next), aad.details(id, record.exchange)),
    });
    const tx = this.db.transaction('keys', 'readwrite');
    const latest = await tx.store.get(id);
    if (!latest || latest.updatedAt !== record.updatedAt) {
      tx.abort();
      throw new VaultError('corrupt', t('vaultKeyChanged'));
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
   * Takes in records sealed to the public key (captures) and observations of the key list made
   * while locked, re-encrypting and tagging them under the vault key, so later reads are one AES
   * operation. A record that fails to open or to pass its checks is left as it is and reported.
   * With ids (a capture made while open) only those records are read: adopting each capture by
   * rescanning the whole store made a flood of captures cost quadratic time.
   */
  async adoptSealed(ids?: readonly string[], options: AdoptOptions = {}): Promise<{ adopted: number; failed: string[] }> {
    return this.vault.oneAtATime(() => this.adoptNow(ids, options));
  }

  private async adoptNow(ids: readonly string[] | undefined, options: AdoptOptions): Promise<{ adopted: number; failed: string[] }> {
    let records = ids ? await this.recordsById(ids) : await this.db.getAll('keys');
    const failed: StoredKey[] = [];
    let adopted = 0;
    // A record that changed between its read and the write (the page's key list noted while the
    // unlock runs) is read again and taken in on another pass, not left sealed until next time.
    for (let pass = 0; records.length > 0; pass++) {
      const { written, changed, failures } = await this.adoptPass(records, options);
      adopted += written;
      failed.push(...failures);
      if (changed.length === 0) break;
      if (pass + 1 >= ADOPT_PASSES) {
        failed.push(...changed);
        break;
      }
      records = await this.recordsById(changed.map((record) => record.id));
    }
    if (this.summaries && failed.length > 0) {
      const adoptedIds = this.adoptedIds();
      for (const record of failed) this.summaries.set(record.id, await this.summarise(record, adoptedIds));
    }
    return { adopted, failed: failed.map((record) => record.id) };
  }

  private async adoptPass(
    records: readonly StoredKey[],
    options: AdoptOptions,
  ): Promise<{ written: number; changed: StoredKey[]; failures: StoredKey[] }> {
    const failures: StoredKey[] = [];
    const adoptions: Adoption[] = [];
    for (const record of records) {
      const sealed = isSealedBox(record.credentials) || isSealedBox(record.details);
      if (!sealed && !record.observed) continue;
      try {
        adoptions.push(sealed ? await this.prepareCapture(record, options.fresh === true) : await this.prepareObservation(record));
      } catch (error) {
        if (isVaultError(error, 'locked')) throw error;
        failures.push(record);
      }
    }
    const { written, changed } = await this.commitAdoptions(adoptions);
    let capturesAdopted = 0;
    for (const adoption of adoptions) {
      if (changed.has(adoption.before.id)) continue;
      if (!written.has(adoption.before.id)) {
        failures.push(adoption.before);
        continue;
      }
      if (adoption.capture) capturesAdopted++;
      // Kept in step record by record: dropping the index would make the next list decrypt all.
      this.summaries?.set(adoption.after.id, await this.summarise(adoption.after, this.adoptedIds()));
    }
    if (written.size > 0) this.vault.keysChanged(-capturesAdopted);
    return {
      written: written.size,
      changed: adoptions.filter((adoption) => changed.has(adoption.before.id)).map((adoption) => adoption.before),
      failures,
    };
  }

  /** A capture: everything in it came sealed, its observation too, so the observation is taken whole. */
  private async prepareCapture(record: StoredKey, fresh: boolean): Promise<Adoption> {
    if (!isSealedBox(record.credentials) || !isSealedBox(record.details)) throw new VaultError('tampered', t(DAMAGE.mixed));
    const credentials = await this.openBox(record.credentials, aad.credentials(record.id, record.exchange));
    try {
      const { apiKey } = parseCredentials(decodeJson(credentials));
      let details = await this.readDetails(record);
      if (record.observed) details = applyObservation(details, await this.readObservation(record));
      const { observed: _merged, mac: _none, ...rest } = record;
      const after = this.tagged({
        ...rest,
        // Computed again under the authenticated salt: the clear one was stored by the locked
        // vault, under a salt a profile writer may have swapped (commitAdoptions keeps the stored
        // one if another record already holds this).
        fingerprint: await this.fingerprint(record.exchange, apiKey),
        risk: riskFlags(details),
        capturedWhileLocked: !fresh,
        credentials: await aeadEncrypt(this.vaultKey, credentials, aad.credentials(record.id, record.exchange)),
        details: await aeadEncrypt(this.vaultKey, encodeJson(details), aad.details(record.id, record.exchange)),
      });
      return { before: record, after, capture: true, fresh };
    } finally {
      wipe(credentials);
    }
  }

  /** An adopted record seen on the key list while locked: the observation may only add risk. */
  private async prepareObservation(record: StoredKey): Promise<Adoption> {
    await this.usable(record);
    const details = applyLockedObservation(await this.readDetails(record), await this.readObservation(record));
    const { observed: _merged, ...rest } = record;
    const after = this.tagged({
      ...rest,
      risk: riskFlags(details),
      details: await aeadEncrypt(this.vaultKey, encodeJson(details), aad.details(record.id, record.exchange)),
    });
    return { before: record, after, capture: false, fresh: false };
  }

  /**
   * Writes the prepared records in one transaction with the adopted index, each only if it is
   * unchanged since it was read; a capture only if its id was never adopted. Returns the ids written.
   */
  private async commitAdoptions(adoptions: readonly Adoption[]): Promise<{ written: Set<string>; changed: Set<string> }> {
    const written = new Set<string>();
    const changed = new Set<string>();
    if (adoptions.length === 0) return { written, changed };
    const tx = this.db.transaction(['keys', 'meta'], 'readwrite');
    const keys = tx.objectStore('keys');
    try {
      const byFingerprint = keys.index('byFingerprint');
      const [meta, current, holders] = await Promise.all([
        tx.objectStore('meta').get('vault'),
        Promise.all(adoptions.map((adoption) => keys.get(adoption.before.id))),
        Promise.all(
          adoptions.map(({ before, after }) =>
            after.fingerprint === before.fingerprint ? before.id : byFingerprint.getKey(after.fingerprint),
          ),
        ),
      ]);
      if (!meta) throw new VaultError('no-vault', t('vaultNone'));
      this.assertOpen();
      const known = openIndex(this.integrityKey, meta.adopted);
      const added: string[] = [];
      const writes: Promise<unknown>[] = [];
      const claimed = new Set<string>();
      adoptions.forEach((adoption, i) => {
        const stored = current[i];
        if (!stored) return;
        // Changed since it was read (an observation came meanwhile): read again for another pass.
        if (JSON.stringify(stored) !== JSON.stringify(adoption.before)) {
          changed.add(adoption.before.id);
          return;
        }
        if (adoption.capture) {
          // A sealed box is accepted only for an id never adopted. With the index damaged that
          // cannot be known, except for a capture this worker has just stored under a new id.
          if (known ? known.has(adoption.before.id) : !adoption.fresh) return;
          added.push(adoption.before.id);
        }
        let after = adoption.after;
        const holder = holders[i];
        if ((holder !== undefined && holder !== adoption.before.id) || claimed.has(after.fingerprint)) {
          // Another record holds this API key already: a capture made while the salt was swapped
          // was not seen as a duplicate. Both are kept (the user sees both), this one under its
          // stored fingerprint, so the unique index holds and the adoption does not fail.
          after = this.tagged({ ...after, fingerprint: adoption.before.fingerprint });
        }
        claimed.add(after.fingerprint);
        writes.push(keys.put(after));
        written.add(adoption.before.id);
      });
      if (added.length > 0) writes.push(this.writeIndex(tx, meta, known, added));
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      abandon(tx);
      throw error;
    }
    return { written, changed };
  }

  /**
   * Version 1 vaults tagged nothing. Every record stored under the vault key is tagged now and its
   * id listed as adopted; records still sealed stay captures, adopted (and marked as captured while
   * locked) right after, by adoptSealed.
   *
   * This trusts, once, whatever the profile holds at this unlock: a record written by Keyward
   * before this version cannot be told from one a profile writer changed before it, since nothing
   * authenticated either. That one-time trust is the migration's price; from here on nothing is
   * used that the vault key did not tag. (Putting back a copy of the profile taken before the
   * migration makes it run again; the version is bound into the capture key's box so that nothing
   * short of such a copy can.) The sealing header is made version 3 in the same write (capture-key.ts).
   */
  async migrateFromVersion1(expected: VaultMeta, change: HeaderChange): Promise<void> {
    const tx = this.db.transaction(['keys', 'meta'], 'readwrite');
    const keys = tx.objectStore('keys');
    const metaStore = tx.objectStore('meta');
    try {
      const [meta, records] = await Promise.all([metaStore.get('vault'), keys.getAll()]);
      if (!meta || meta.wrappedSealPrivateKey.ct !== expected.wrappedSealPrivateKey.ct) {
        throw new VaultError('corrupt', t('vaultHeaderChanged'));
      }
      const adopted: string[] = [];
      const writes: Promise<unknown>[] = [];
      for (const record of records) {
        const sealedCredentials = isSealedBox(record.credentials);
        const sealedDetails = isSealedBox(record.details);
        if (sealedCredentials && sealedDetails) continue;
        // Half sealed was never written by Keyward: listed, so its sealed half is refused, but not tagged.
        adopted.push(record.id);
        if (!sealedCredentials && !sealedDetails) writes.push(keys.put(this.tagged({ ...record, capturedWhileLocked: false })));
      }
      this.assertOpen();
      const next: VaultMeta = {
        ...meta,
        ...change,
        adopted: sealIndex(this.integrityKey, adopted),
      };
      writes.push(metaStore.put(next, 'vault'));
      await Promise.all([...writes, tx.done]);
      this.meta = next;
    } catch (error) {
      abandon(tx);
      throw error;
    }
  }

  /**
   * Writes Keyward's own public key and salt back over replaced ones (with the notice when the key
   * was), or an older vault's capture key as version 3. The rest of the header is taken as stored
   * now; the capture key's box must be the one this open read, or another open rewrapped it.
   */
  async restoreHeader(expected: VaultMeta, change: HeaderChange): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const stored = await tx.store.get('vault');
    if (!stored || stored.wrappedSealPrivateKey.ct !== expected.wrappedSealPrivateKey.ct) {
      tx.abort();
      throw new VaultError('corrupt', t('vaultHeaderChanged'));
    }
    const next: VaultMeta = { ...stored, ...change };
    await tx.store.put(next, 'vault');
    await tx.done;
    this.meta = next;
  }

  /** Drops the notice that the capture key had been replaced (the next unlock after it). */
  async clearSealKeyNotice(): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const stored = await tx.store.get('vault');
    if (!stored) {
      tx.abort();
      throw new VaultError('no-vault', t('vaultNone'));
    }
    const { sealKeyReplacedAt: _shown, ...next } = stored;
    await tx.store.put(next, 'vault');
    await tx.done;
    this.meta = next;
  }

  private async recordsById(ids: readonly string[]): Promise<StoredKey[]> {
    const records = await Promise.all(ids.map((id) => this.db.get('keys', id)));
    return records.filter((record): record is StoredKey => record !== undefined);
  }

  /** The key list showed this key: update its permissions and IPs if they changed. */
  async observe(exchange: ExchangeId, apiKey: string, seen: Observation): Promise<'updated' | 'unchanged' | 'unknown'> {
    const record = await this.db.getFromIndex('keys', 'byFingerprint', await this.fingerprint(exchange, apiKey));
    if (!record) return 'unknown';
    let current: KeyDetails;
    try {
      current = await this.get(record.id);
    } catch (error) {
      // A damaged record is never rewritten: what the page shows does not make it ours again.
      if (isVaultError(error, 'tampered')) return 'unchanged';
      throw error;
    }
    const next = applyObservation(current, seen);
    if (JSON.stringify([next.permissions, next.ipWhitelist]) === JSON.stringify([current.permissions, current.ipWhitelist])) {
      return 'unchanged';
    }
    await this.updateDetails(record.id, (details) => applyObservation(details, seen));
    return 'updated';
  }

  /** Re-wraps only the vault key: records are untouched, so a failure midway loses nothing. */
  async changePassword(currentPassword: string, nextPassword: string): Promise<void> {
    if (nextPassword.length === 0) throw new VaultError('invalid-input', t('vaultNewPasswordEmpty'));
    const stored = parseMeta(await this.db.get('meta', 'vault'));
    const check = await unwrapVaultKey(currentPassword, stored);
    try {
      const same = equalBytes(check, this.vaultKeyRaw);
      // Locked during the KDF: this.vaultKeyRaw is zeros now and proves nothing.
      this.assertOpen();
      if (!same) throw new VaultError('corrupt', t('vaultKeyMismatch'));
      // Wraps the copy just unwrapped, not this.vaultKeyRaw: a lock during the next KDF zeroes that.
      const wrapped = await wrapVaultKey(
        nextPassword,
        check,
        belowTarget(stored.kdf, this.vault.kdfTarget) ? this.vault.kdfTarget : stored.kdf,
      );
      this.meta = await this.vault.replaceMeta(stored, { ...wrapped, passwordChangedAt: this.now() });
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
    if (!same) throw new VaultError('wrong-password', t('vaultWrongPassword'));
  }

  /** Writes many records from encryptRecord in one transaction, with their ids: all of them or none. */
  async putAll(records: StoredKey[]): Promise<void> {
    await this.addAdopted(records);
    this.vault.keysChanged();
    this.summaries = undefined;
  }

  async hasFingerprint(fingerprint: string): Promise<boolean> {
    return (await this.db.getFromIndex('keys', 'byFingerprint', fingerprint)) !== undefined;
  }

  /**
   * Every key that may be used, opened: what a backup holds. A damaged record is left out, so a
   * planted or altered key never reaches a backup file; the popup lists it as damaged.
   */
  async exportable(): Promise<Array<{ record: StoredKey; credentials: Credentials; details: KeyDetails }>> {
    const adopted = this.adoptedIds();
    const out: Array<{ record: StoredKey; credentials: Credentials; details: KeyDetails }> = [];
    for (const record of await this.db.getAll('keys')) {
      try {
        await this.usable(record, adopted);
        const credentials = parseCredentials(
          decodeJson(await this.openBox(record.credentials, aad.credentials(record.id, record.exchange))),
        );
        out.push({ record, credentials, details: await this.readDetails(record) });
      } catch (error) {
        if (!isVaultError(error, 'tampered') && !isVaultError(error, 'corrupt')) throw error;
      }
    }
    return out;
  }
}
