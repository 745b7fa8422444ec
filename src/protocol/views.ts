/**
 * What the background answers with: views of the vault made for one reader. None of these is
 * validated by its receiver, since only the background can answer a runtime message.
 */
import type { ReportDifference } from '../core/key-health';
import type { ExchangeId } from '../core/records';
import type { CheckOutcome, KeyReport } from '../core/self-query';
import type { PreflightIssue, TradingScope } from '../core/preflight';
import type { RefusedIp } from '../core/page-ips';
import type { Settings } from './settings';

export type VaultState = 'no-vault' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  /** While unlock is throttled after failures: when the next attempt is allowed (epoch ms). */
  retryAt: number | null;
  keyCount: number;
  riskyCount: number;
  settings: Settings;
  /**
   * Set while unlocked in a session whose unlock (or resume) found the vault's public key replaced
   * and put Keyward's back: keys captured while locked before it may have been read.
   */
  sealKeyReplaced?: boolean;
}

/**
 * Why the picker asks before filling: a risk to the user's funds or keys, or a Permission Denied
 * the platform will answer (the key's permissions against the form's trading scope).
 */
export type FillRisk = 'withdraw' | 'reuse' | 'other-exchange' | PreflightIssue;

export const FILL_RISKS: readonly FillRisk[] = ['withdraw', 'reuse', 'other-exchange', 'cannot-trade', 'no-futures'];

/** A key as the picker shows it: no credential, only what helps choose. */
export interface PickerKey {
  id: string;
  exchange: ExchangeId;
  label: string;
  account: string;
  apiKeyTail: string;
  risk: { withdraw: boolean; noIpWhitelist: boolean };
  /** Other platforms this key is bound to. */
  boundElsewhere: string[];
  /** The platform's published IPs (Keyward's own data) this key's whitelist lacks: the bind would fail. */
  missingIps: string[];
  /** IPs only the page lists (screened, never over-broad or private) that this key's whitelist lacks. */
  pageIpsMissing: string[];
  /** The Permission Denied the platform will answer for this key and the form's scope, if any. */
  preflight: PreflightIssue | null;
}

/** Where the key is chosen: framed in the page (Chromium, proven visible) or Keyward's window. */
export const PICKER_SURFACES = ['frame', 'window'] as const;
export type PickerSurface = (typeof PICKER_SURFACES)[number];

export interface PickerSession {
  host: string;
  /** The platform's id: the picker names it (brands as they are, "Other site" translated). */
  platform: string;
  /** The exchange the form has selected, if Keyward could map it. */
  exchange: ExchangeId | null;
  /** The trading scope the form has selected (Spot / Futures / Both), if it shows one. */
  scope: TradingScope | null;
  locked: boolean;
  keys: PickerKey[];
  surface: PickerSurface;
  /** What the page asked to whitelist that Keyward will not pass on as advice, and why. */
  refusedPageIps: RefusedIp[];
}

export type FillOutcome =
  | { status: 'filled'; host: string }
  | { status: 'confirm'; risks: FillRisk[] }
  | { status: 'refused'; reason: string };

/** The active tab as the popup sees it: a bind form on an https site the user may add. */
export interface SiteProbe {
  /** The tab's https origin, or null (not https, an exchange, a known platform, no access). */
  origin: string | null;
  /** Which user-site platform's reader found a form there: a self-hosted one or "generic". */
  found: string | null;
  /** The platform the site was already added as, if it was. */
  added: string | null;
}

/**
 * How a check of a key with its exchange ended, as the popup words it (issue 11). Nothing in it
 * comes from the exchange's text: only the report's facts, our own kinds, and numbers.
 */
export type CheckView =
  | { kind: 'ok'; report: KeyReport; differences: ReportDifference[] }
  | { kind: Exclude<CheckOutcome['kind'], 'ok' | 'rate-limited' | 'exchange-error'> }
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'exchange-error'; status: number }
  /** No answer within the time allowed. */
  | { kind: 'timeout' }
  /** The request did not reach the exchange (no network, refused connection, bad certificate). */
  | { kind: 'offline' }
  /** The exchange documents no self-query (the popup says so in the user's language). */
  | { kind: 'unsupported' }
  /** The user has not yet allowed Keyward to contact these API hosts. */
  | { kind: 'needs-permission'; origins: string[] }
  /** The stored credentials cannot make this exchange's request (a passphrase missing, a malformed key). */
  | { kind: 'cannot-sign' };

export type CheckKind = CheckView['kind'];

export interface KeyCheckView {
  id: string;
  at: number;
  result: CheckView;
}

/** The answer to a paste: match or not, and nothing about which key until the user asks. */
export type LeakVerdict = { match: false } | { match: true; token: string };

/** Which key leaked, given once for a token, on the user's click in the note. */
export interface LeakReport {
  exchangeName: string;
  label: string;
  field: 'secret' | 'passphrase';
  apiPageUrl: string;
}
