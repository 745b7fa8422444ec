/**
 * The one message protocol between Keyward's contexts. Each message type names the contexts
 * allowed to send it; the background's broker refuses anything else before a handler runs.
 *
 * Directions: extension pages (popup, picker, offscreen) -> background; content scripts ->
 * background. The background never pushes a secret anywhere except as the reply to the one
 * request that asked for it.
 */
import type {
  CredentialField,
  ExchangeId,
  KeyPermissions,
  KeySummary,
  NewKeyInput,
} from './core/records';
import type { PreflightIssue, TradingScope } from './core/preflight';
import type { UserSite } from './core/sites';
import type { RefusedIp } from './core/page-ips';

/**
 * Who sent a message, as the broker establishes it from the browser's sender info (senders.ts).
 * Each extension page is its own context, so a page framed into a website (the picker) never has
 * the popup's rights:
 * - popup: the vault's UI, top level (the toolbar popup, or popup.html in a tab of its own);
 * - picker-frame: the key picker framed into a platform's page (Chromium, unlocked only);
 * - picker-window: the key picker in a window of its own that the background opened for a fill;
 *   the one place besides the popup where the master password may be typed;
 * - offscreen: Chromium's clipboard page, which sends no messages at all.
 */
export type SenderContext =
  | 'popup'
  | 'picker-frame'
  | 'picker-window'
  | 'offscreen'
  | 'exchange-content'
  | 'platform-content';

export interface Settings {
  /** Lock after this long without use of the vault (seconds; the popup offers minutes). */
  autoLockSeconds: number;
  /** Clear a copied value from the clipboard after this long, if it is still there. */
  clipboardClearSeconds: number;
  /** Remind to rotate keys older than this. */
  rotationDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockSeconds: 15 * 60,
  clipboardClearSeconds: 30,
  rotationDays: 90,
};

/** Bounds the broker enforces; the popup offers a subset. */
export const SETTING_LIMITS = {
  autoLockSeconds: { min: 15, max: 24 * 60 * 60 },
  clipboardClearSeconds: { min: 5, max: 600 },
  rotationDays: { min: 1, max: 3650 },
} as const satisfies Record<keyof Settings, { min: number; max: number }>;

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

/** A key as the capture watcher read it from an exchange page (issue: exchange pages). */
export interface CaptureSubmission {
  exchange: ExchangeId;
  apiKey: string;
  secret: string;
  passphrase: string;
  label: string;
  account: string;
  permissions: KeyPermissions | null;
  ipWhitelist: string[] | null;
}

/** A key as the exchange's key list shows it: permissions and IPs to refresh the stored record. */
export interface SeenKey {
  apiKey: string;
  permissions: KeyPermissions | null;
  ipWhitelist: string[] | null;
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

export interface PickerSession {
  host: string;
  platformName: string;
  /** The exchange the form has selected, if Keyward could map it. */
  exchange: ExchangeId | null;
  /** The trading scope the form has selected (Spot / Futures / Both), if it shows one. */
  scope: TradingScope | null;
  locked: boolean;
  keys: PickerKey[];
  /** Where the key is chosen: framed in the page (Chromium, proven visible) or Keyward's window. */
  surface: PickerSurface;
  /** What the page asked to whitelist that Keyward will not pass on as advice, and why. */
  refusedPageIps: RefusedIp[];
}

export type PickerSurface = 'frame' | 'window';

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

export interface FillOpenRequest {
  platform: string;
  exchange: ExchangeId | null;
  pageIps: string[];
  scope: TradingScope | null;
  /**
   * The browser can prove a framed picker is seen whole (IntersectionObserver v2). Without it
   * (Firefox) the key is chosen in Keyward's own window. A false claim gains nothing: the framed
   * picker refuses clicks until the browser itself reports it visible.
   */
  canProveVisible: boolean;
}

export interface KeyDetailsPatch {
  label?: string;
  account?: string;
  notes?: string;
}

export interface Requests {
  'vault.status': { req: Record<string, never>; res: VaultStatus };
  'vault.create': { req: { password: string }; res: VaultStatus };
  'vault.unlock': { req: { password: string }; res: VaultStatus };
  'vault.lock': { req: Record<string, never>; res: VaultStatus };
  'vault.changePassword': { req: { current: string; next: string }; res: VaultStatus };
  'settings.update': { req: Partial<Settings>; res: VaultStatus };
  'keys.list': { req: Record<string, never>; res: { keys: KeySummary[] } };
  'keys.add': { req: { input: NewKeyInput }; res: { key: KeySummary } };
  'keys.update': { req: { id: string; patch: KeyDetailsPatch }; res: { key: KeySummary } };
  'keys.removeBinding': { req: { id: string; platformHost: string; boundAt: number }; res: { key: KeySummary } };
  'keys.reveal': { req: { id: string; field: CredentialField }; res: { value: string } };
  'keys.copy': { req: { id: string; field: CredentialField }; res: { clearsAfterSeconds: number } };
  'keys.delete': { req: { id: string }; res: Record<string, never> };
  'backup.export': { req: { masterPassword: string; backupPassword: string }; res: { fileName: string; content: string } };
  'backup.import': { req: { content: string; password: string }; res: { added: number; duplicates: number } };
  'capture.submit': { req: CaptureSubmission; res: { id: string; duplicate: boolean } };
  'page.keysSeen': { req: { exchange: ExchangeId; keys: SeenKey[] }; res: { updated: number; known: number } };
  'page.loadWatcher': { req: { exchange: ExchangeId }; res: Record<string, never> };
  'sites.list': { req: Record<string, never>; res: { sites: UserSite[] } };
  'sites.expect': { req: { address: string; platform: string }; res: Record<string, never> };
  'sites.add': { req: { address: string; platform: string }; res: { sites: UserSite[] } };
  'sites.remove': { req: { origin: string }; res: { sites: UserSite[] } };
  'sites.probe': { req: { tabId: number }; res: SiteProbe };
  /**
   * pageIps: the addresses the bind form itself tells the user to whitelist (advice only).
   * scope: the trading scope the form has selected, for the picker's permission preflight.
   */
  'fill.open': { req: FillOpenRequest; res: { token: string; surface: PickerSurface } };
  'picker.session': { req: { token: string }; res: PickerSession };
  /** The framed picker hands its session to Keyward's window (locked vault, visibility unproven). */
  'picker.toWindow': { req: { token: string }; res: Record<string, never> };
  'fill.choose': { req: { token: string; keyId: string; confirmed: FillRisk[] }; res: FillOutcome };
}

export type MessageType = keyof Requests;
export type RequestOf<T extends MessageType> = Requests[T]['req'];
export type ResponseOf<T extends MessageType> = Requests[T]['res'];

export const MESSAGE_SENDERS = {
  'vault.status': ['popup'],
  'vault.create': ['popup'],
  'vault.unlock': ['popup', 'picker-window'],
  'vault.lock': ['popup'],
  'vault.changePassword': ['popup'],
  'settings.update': ['popup'],
  'keys.list': ['popup'],
  'keys.add': ['popup'],
  'keys.update': ['popup'],
  'keys.removeBinding': ['popup'],
  'keys.reveal': ['popup'],
  'keys.copy': ['popup'],
  'keys.delete': ['popup'],
  'backup.export': ['popup'],
  'backup.import': ['popup'],
  'capture.submit': ['exchange-content'],
  'page.keysSeen': ['exchange-content'],
  'page.loadWatcher': ['exchange-content'],
  'sites.list': ['popup'],
  'sites.expect': ['popup'],
  'sites.add': ['popup'],
  'sites.remove': ['popup'],
  'sites.probe': ['popup'],
  'fill.open': ['platform-content'],
  'picker.session': ['picker-frame', 'picker-window'],
  'fill.choose': ['picker-frame', 'picker-window'],
  'picker.toWindow': ['picker-frame'],
} as const satisfies Record<MessageType, readonly SenderContext[]>;

/** Where a content script's frame sits in its tab, as the background can tell (senders.ts). */
export type FramePlacement = 'top' | 'same-origin' | 'other';

/**
 * The frames a content script may speak from. Keys are captured and seen only in the page itself;
 * a bind form may sit in a frame of the page's own origin (the fill goes to exactly that frame).
 */
export const CONTENT_FRAMES = {
  'capture.submit': ['top'],
  'page.keysSeen': ['top'],
  'page.loadWatcher': ['top'],
  'fill.open': ['top', 'same-origin'],
} as const satisfies Partial<Record<MessageType, readonly FramePlacement[]>>;

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(MESSAGE_SENDERS, value);
}

export interface Envelope<T extends MessageType = MessageType> {
  keyward: 1;
  type: T;
  payload: RequestOf<T>;
}

export interface ErrorInfo {
  code: string;
  message: string;
}

export type Reply<T extends MessageType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: ErrorInfo };

/** Background -> the content script of the frame that opened the picker, after the user chose. */
export interface FillValuesMessage {
  keyward: 1;
  type: 'fill.values';
  token: string;
  /** Where the user chose: a framed picker must still be seen whole; a window needs no such check. */
  surface: PickerSurface;
  values: { apiKey: string; secret: string; passphrase: string };
}

export type FillValuesReply = { ok: true } | { ok: false; reason: string };

/** Thrown by the client side when the background refuses or fails; carries the error code. */
export class KeywardError extends Error {
  override readonly name = 'KeywardError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
