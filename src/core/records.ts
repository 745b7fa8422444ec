/**
 * The shapes every context agrees on. A key record has a small clear part (what the toolbar badge
 * needs while the vault is locked) and sealed parts (everything a thief could use or learn from).
 * The sealed parts are described once, as schemas (core/schema.ts): their types come from them,
 * and so do the checks of a record read back (vault/codec.ts) and of a key sent in (protocol/).
 */
import {
  type Infer,
  type ListBounds,
  type Schema,
  UNBOUNDED,
  array,
  boolean,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
  texts,
  union,
} from './schema';

/**
 * The exchanges Keyward supports, by id. Core names no exchange: src/exchanges/registry.ts fills
 * this interface in (declaration merging) from its list of exchange folders, so the registry stays
 * the only list and core imports nothing from the site folders. Check unknown values with the
 * registry's isExchangeId().
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the registry
export interface SupportedExchanges {}

export type ExchangeId = keyof SupportedExchanges & string;

/** Bounds on a key's fields where a sender or a file could make them huge (see KEY_INPUT_LIMITS). */
export interface KeyBounds {
  /** The API key and secret (a secret may be a PEM private key). */
  secret: number;
  /** Every other text: passphrase, label, account, notes, a capture's page, the key's tail. */
  text: number;
  labels: ListBounds;
  ips: ListBounds;
  bindings: ListBounds;
}

const KEY_UNBOUNDED: KeyBounds = {
  secret: Number.POSITIVE_INFINITY,
  text: Number.POSITIVE_INFINITY,
  labels: UNBOUNDED,
  ips: UNBOUNDED,
  bindings: UNBOUNDED,
};

/**
 * The largest key Keyward takes in, typed into the popup or imported from a backup: an imported
 * key may not be larger than one that could have been added by hand.
 */
export const KEY_INPUT_LIMITS: KeyBounds = {
  secret: 16384, // room for a PEM private key
  text: 4096,
  labels: { count: 64, length: 200 },
  ips: { count: 500, length: 100 },
  // bindings.length: a platform's host name is at most 255 characters.
  bindings: { count: 500, length: 255 },
};

/* @__NO_SIDE_EFFECTS__ */
export function credentialsSchema(bounds: KeyBounds = KEY_UNBOUNDED) {
  return object(
    {
      apiKey: string({ max: bounds.secret }),
      secret: string({ max: bounds.secret }),
      /** Only exchanges that use one (OKX, KuCoin, Bitget); empty otherwise. */
      passphrase: string({ max: bounds.text }),
    },
    { unknownKeys: 'ignore' },
  );
}

export type Credentials = Infer<ReturnType<typeof credentialsSchema>>;

export type CredentialField = keyof Credentials;

export const CREDENTIAL_FIELDS = ['apiKey', 'secret', 'passphrase'] as const satisfies readonly CredentialField[];

/** Permissions as normalised flags, plus the exchange's own words for them (e.g. ["Read", "Trade"]). */
/* @__NO_SIDE_EFFECTS__ */
export function permissionsSchema(labels: ListBounds = UNBOUNDED) {
  return object(
    {
      read: boolean(),
      trade: boolean(),
      /**
       * Futures, swap or other derivatives trading, where the exchange grants it apart from spot
       * trading. Absent when the page showed no such permission (unknown, or covered by `trade`);
       * records and backups from before futures was read have none, and it stays absent, never
       * false, so no bind warning is made up for them.
       */
      futures: optional(boolean()),
      withdraw: boolean(),
      transfer: boolean(),
      labels: texts(labels),
    },
    { unknownKeys: 'ignore' },
  );
}

export type KeyPermissions = Infer<ReturnType<typeof permissionsSchema>>;

/** An IP whitelist. null: not known; []: the key has no IP restriction. */
/* @__NO_SIDE_EFFECTS__ */
export function ipWhitelistSchema(bounds: ListBounds = UNBOUNDED) {
  return nullable(texts(bounds));
}

/* @__NO_SIDE_EFFECTS__ */
export function bindingsSchema(bounds: ListBounds = UNBOUNDED) {
  const binding = object({ platformHost: string({ max: bounds.length }), boundAt: number() }, { unknownKeys: 'ignore' });
  return array(binding, { max: bounds.count });
}

export type Binding = Infer<ReturnType<typeof bindingsSchema>>[number];

const CAPTURED = object({ kind: oneOf(['capture']), url: string() }, { unknownKeys: 'ignore' });
const MANUAL = object({ kind: oneOf(['manual']) }, { unknownKeys: 'ignore' });
const IMPORTED = object({ kind: oneOf(['import']) }, { unknownKeys: 'ignore' });

/** Where a key came from. Only a capture names a page, and only the background makes one. */
export const KEY_SOURCE = union(CAPTURED, MANUAL, IMPORTED);
/** A key the user typed in or imported: never one that claims to be a capture. */
export const ADDED_KEY_SOURCE = union(MANUAL, IMPORTED);

export type KeySource = Infer<typeof KEY_SOURCE>;

/** The fields of a key's details that a new key and a stored one share. */
/* @__NO_SIDE_EFFECTS__ */
function detailFields(bounds: KeyBounds) {
  return {
    label: string({ max: bounds.text }),
    /** "main", or the sub-account's name. */
    account: string({ max: bounds.text }),
    /** null: not known (a manual add that did not say). */
    permissions: nullable(permissionsSchema(bounds.labels)),
    ipWhitelist: ipWhitelistSchema(bounds.ips),
    notes: string({ max: bounds.text }),
  };
}

/** Everything about a key that is not a credential. Encrypted at rest, readable when unlocked. */
/* @__NO_SIDE_EFFECTS__ */
export function keyDetailsSchema(bounds: KeyBounds = KEY_UNBOUNDED) {
  const fields = detailFields(bounds);
  const captured = object({ kind: oneOf(['capture']), url: string({ max: bounds.text }) }, { unknownKeys: 'ignore' });
  return object(
    {
      label: fields.label,
      account: fields.account,
      permissions: fields.permissions,
      ipWhitelist: fields.ipWhitelist,
      source: union(captured, MANUAL, IMPORTED),
      bindings: bindingsSchema(bounds.bindings),
      notes: fields.notes,
      /** The API key's last characters, for telling keys apart in lists. */
      apiKeyTail: string({ max: bounds.text }),
      /** The last check with the exchange (issue 11): when, and how it ended (CheckOutcome's kind). */
      lastCheck: optional(object({ at: number(), outcome: string({ max: 40 }) }, { unknownKeys: 'ignore' })),
      /** When the exchange itself said the key ends (a self-query's validDays or expiredAt). */
      validUntil: optional(number()),
      /**
       * Replaced by a successor in a rotation: kept, shown as retired, never offered for a fill,
       * until the user confirms the old key is deleted on the exchange.
       */
      retired: optional(object({ at: number(), successorId: string({ max: 64 }) }, { unknownKeys: 'ignore' })),
    },
    { unknownKeys: 'ignore' },
  );
}

export type KeyDetails = Infer<ReturnType<typeof keyDetailsSchema>>;

/**
 * A key to add: typed into the popup, or handed over by the capture inbox. Which exchanges are
 * known is the registry's to say (`exchange`): core names none.
 */
/* @__NO_SIDE_EFFECTS__ */
export function newKeyInputSchema(
  exchange: Schema<ExchangeId>,
  bounds: KeyBounds = KEY_INPUT_LIMITS,
  source: Schema<KeySource> = ADDED_KEY_SOURCE,
) {
  return object(
    {
      exchange,
      credentials: credentialsSchema(bounds),
      details: object({ ...detailFields(bounds), source, bindings: optional(bindingsSchema(bounds.bindings)) }, { unknownKeys: 'ignore' }),
      /** When the exchange showed the key (capture) or when the user added it. */
      createdAt: optional(number()),
    },
    { unknownKeys: 'ignore' },
  );
}

/** Readable while locked: only what the toolbar badge and risk counts need. */
export interface RiskFlags {
  withdraw: boolean;
  transfer: boolean;
  noIpWhitelist: boolean;
}

export function riskFlags(details: Pick<KeyDetails, 'permissions' | 'ipWhitelist'>): RiskFlags {
  return {
    withdraw: details.permissions?.withdraw ?? false,
    transfer: details.permissions?.transfer ?? false,
    noIpWhitelist: details.ipWhitelist !== null && details.ipWhitelist.length === 0,
  };
}

export function isRisky(flags: RiskFlags): boolean {
  return flags.withdraw || flags.noIpWhitelist;
}

/** What the popup lists: details plus the clear fields, never a credential. */
export interface KeySummary extends KeyDetails {
  id: string;
  exchange: ExchangeId;
  createdAt: number;
  updatedAt: number;
  /** Computed from the decrypted, authenticated permissions and IP whitelist. */
  risk: RiskFlags;
  /** Still sealed to the capture key: opened and re-encrypted at the next unlock. */
  pendingAdoption: boolean;
  /**
   * Captured while the vault was locked: sealed to the public key, which anyone able to write the
   * browser profile can use too, so the user is asked to check the key is theirs. `page` is where
   * the record says it was captured, `at` when.
   */
  capturedWhileLocked?: { at: number; page: string };
  /**
   * Set when the stored record failed its integrity check (words for the user). Such a key is
   * never filled, revealed, copied, exported or re-encrypted; only its id, exchange and date are
   * filled in, from the record's clear part, and the rest of the summary is empty.
   */
  damaged?: string;
}

export type NewKeyInput = Infer<ReturnType<typeof newKeyInputSchema>>;

export const API_KEY_TAIL_LENGTH = 4;

export function apiKeyTail(apiKey: string): string {
  return apiKey.slice(-API_KEY_TAIL_LENGTH);
}
