/**
 * The shapes every context agrees on. A key record has a small clear part (what the toolbar badge
 * needs while the vault is locked) and sealed parts (everything a thief could use or learn from).
 */

/**
 * The exchanges Keyward supports, by id. Core names no exchange: src/exchanges/registry.ts fills
 * this interface in (declaration merging) from its list of exchange folders, so the registry stays
 * the only list and core imports nothing from the site folders. Check unknown values with the
 * registry's isExchangeId().
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the registry
export interface SupportedExchanges {}

export type ExchangeId = keyof SupportedExchanges & string;

export interface Credentials {
  apiKey: string;
  secret: string;
  /** Only exchanges that use one (OKX, KuCoin, Bitget); empty otherwise. */
  passphrase: string;
}

export type CredentialField = keyof Credentials;

/** Permissions as normalised flags, plus the exchange's own words for them. */
export interface KeyPermissions {
  read: boolean;
  trade: boolean;
  /**
   * Futures, swap or other derivatives trading, where the exchange grants it apart from spot
   * trading. Absent when the page showed no such permission (unknown, or covered by `trade`).
   */
  futures?: boolean;
  withdraw: boolean;
  transfer: boolean;
  /** Labels as the exchange shows them, e.g. ["Read", "Trade"]. */
  labels: string[];
}

export interface Binding {
  platformHost: string;
  boundAt: number;
}

export type KeySource =
  | { kind: 'capture'; url: string }
  | { kind: 'manual' }
  | { kind: 'import' };

/** Everything about a key that is not a credential. Encrypted at rest, readable when unlocked. */
export interface KeyDetails {
  label: string;
  /** "main", or the sub-account's name. */
  account: string;
  /** null: not known (a manual add that did not say). */
  permissions: KeyPermissions | null;
  /** null: not known; []: the key has no IP restriction. */
  ipWhitelist: string[] | null;
  source: KeySource;
  bindings: Binding[];
  notes: string;
  /** The API key's last characters, for telling keys apart in lists. */
  apiKeyTail: string;
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

export interface NewKeyInput {
  exchange: ExchangeId;
  credentials: Credentials;
  details: Omit<KeyDetails, 'apiKeyTail' | 'bindings'> & { bindings?: Binding[] };
  /** When the exchange showed the key (capture) or when the user added it. */
  createdAt?: number;
}

export const API_KEY_TAIL_LENGTH = 4;

export function apiKeyTail(apiKey: string): string {
  return apiKey.slice(-API_KEY_TAIL_LENGTH);
}
