import type { Binding, ExchangeId, KeyPermissions, NewKeyInput } from '../core/records';
import { isExchangeId } from '../exchanges/registry';
import { isTradingScope } from '../core/preflight';
import {
  type CaptureSubmission,
  FILL_RISKS,
  type FillOpenRequest,
  type FillRisk,
  type KeyDetailsPatch,
  SETTING_LIMITS,
  type SeenKey,
  type Settings,
} from '../messages';
import type { Validators } from './broker';

/**
 * Payload checks, one per message type. Strings are bounded so a hostile sender cannot make us
 * encrypt megabytes; anything unexpected is refused rather than coerced.
 */

type Json = Record<string, unknown>;
const MAX_TEXT = 4096;
const MAX_SECRET = 16384; // room for a PEM private key
const MAX_BACKUP = 64 * 1024 * 1024;

/**
 * Field caps for capture.submit, the one message a script on an exchange page can send. Each is
 * several times what any real key carries, and far below the 16 KB junk fields a flood used.
 */
export const CAPTURE_LIMITS = {
  // Exchange API keys are 32-64 characters; Coinbase's CDP key name
  // ("organizations/<uuid>/apiKeys/<uuid>") is about 95.
  apiKey: 512,
  // Most secrets are under 100 characters; the largest is a PEM private key: RSA-4096 PKCS#8 is
  // about 3.3 KB, RSA-8192 about 6.4 KB (Coinbase's EC key is about 230 characters).
  secret: 8192,
  // OKX, KuCoin and Bitget passphrases are at most 32 characters.
  passphrase: 256,
  // Exchanges cap key labels at 20-50 characters.
  label: 256,
  // A sub-account name or email; an email address is at most 254 characters.
  account: 256,
  // A permission as the page words it ("Enable Spot & Margin Trading") is under 60 characters.
  permissionLabel: 128,
  // The finest-grained create forms (Bybit's) list a few dozen permissions at most.
  permissionLabels: 64,
  // The longest address form, IPv4-mapped IPv6 written out with a /128 prefix, is 49 characters.
  ip: 64,
  // The largest per-key whitelist in Keyward's exchange modules is Binance's 30 (maxIps).
  ips: 100,
} as const;

/** How long a list may be and each entry in it. */
interface ListBounds {
  count: number;
  length: number;
}
const LABEL_BOUNDS: ListBounds = { count: 64, length: 200 };
const IP_BOUNDS: ListBounds = { count: 500, length: 100 };
const CAPTURE_LABELS: ListBounds = { count: CAPTURE_LIMITS.permissionLabels, length: CAPTURE_LIMITS.permissionLabel };
const CAPTURE_IPS: ListBounds = { count: CAPTURE_LIMITS.ips, length: CAPTURE_LIMITS.ip };

function obj(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Json, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

function text(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function empty(value: unknown): value is Record<string, never> {
  return obj(value) && Object.keys(value).length === 0;
}

function isPermissions(value: unknown, labels = LABEL_BOUNDS): value is KeyPermissions | null {
  if (value === null) return true;
  return (
    obj(value) &&
    typeof value.read === 'boolean' &&
    typeof value.trade === 'boolean' &&
    // Absent: the page showed no separate futures permission (and older senders never send it).
    (value.futures === undefined || typeof value.futures === 'boolean') &&
    typeof value.withdraw === 'boolean' &&
    typeof value.transfer === 'boolean' &&
    Array.isArray(value.labels) &&
    value.labels.length <= labels.count &&
    value.labels.every((label) => text(label, labels.length))
  );
}

function isIpList(value: unknown, bounds = IP_BOUNDS): value is string[] | null {
  return value === null || (Array.isArray(value) && value.length <= bounds.count && value.every((ip) => text(ip, bounds.length)));
}

function isBindings(value: unknown): value is Binding[] {
  return (
    Array.isArray(value) &&
    value.every((b) => obj(b) && text(b.platformHost, 255) && typeof b.boundAt === 'number')
  );
}

function isNewKeyInput(value: unknown): value is NewKeyInput {
  if (!obj(value) || !isExchangeId(value.exchange) || !obj(value.credentials) || !obj(value.details)) return false;
  const c = value.credentials;
  const d = value.details;
  const source = d.source;
  return (
    text(c.apiKey, MAX_SECRET) &&
    text(c.secret, MAX_SECRET) &&
    text(c.passphrase, MAX_TEXT) &&
    text(d.label) &&
    text(d.account) &&
    text(d.notes) &&
    isPermissions(d.permissions) &&
    isIpList(d.ipWhitelist) &&
    (d.bindings === undefined || isBindings(d.bindings)) &&
    obj(source) &&
    (source.kind === 'manual' || source.kind === 'import') &&
    (value.createdAt === undefined || typeof value.createdAt === 'number')
  );
}

function isSettingsPatch(value: unknown): value is Partial<Settings> {
  if (!obj(value) || !onlyKeys(value, Object.keys(SETTING_LIMITS))) return false;
  return Object.entries(value).every(([key, setting]) => {
    const limits = SETTING_LIMITS[key as keyof Settings];
    return typeof setting === 'number' && Number.isInteger(setting) && setting >= limits.min && setting <= limits.max;
  });
}

function isPatch(value: unknown): value is KeyDetailsPatch {
  return (
    obj(value) &&
    onlyKeys(value, ['label', 'account', 'notes']) &&
    Object.values(value).every((field) => text(field))
  );
}

function isCapture(value: unknown): value is CaptureSubmission {
  return (
    obj(value) &&
    isExchangeId(value.exchange) &&
    text(value.apiKey, CAPTURE_LIMITS.apiKey) &&
    text(value.secret, CAPTURE_LIMITS.secret) &&
    text(value.passphrase, CAPTURE_LIMITS.passphrase) &&
    text(value.label, CAPTURE_LIMITS.label) &&
    text(value.account, CAPTURE_LIMITS.account) &&
    isPermissions(value.permissions, CAPTURE_LABELS) &&
    isIpList(value.ipWhitelist, CAPTURE_IPS)
  );
}

function isSeenKeys(value: unknown): value is { exchange: ExchangeId; keys: SeenKey[] } {
  return (
    obj(value) &&
    isExchangeId(value.exchange) &&
    Array.isArray(value.keys) &&
    value.keys.length <= 200 &&
    value.keys.every((key) => obj(key) && text(key.apiKey, 512) && isPermissions(key.permissions) && isIpList(key.ipWhitelist))
  );
}

const isField = (value: unknown) => value === 'apiKey' || value === 'secret' || value === 'passphrase';
const password = (value: unknown) => text(value, 1024);

export const validators: Validators = {
  'vault.status': empty,
  'vault.create': (p): p is { password: string } => obj(p) && password(p.password),
  'vault.unlock': (p): p is { password: string } => obj(p) && password(p.password),
  'vault.lock': empty,
  'vault.changePassword': (p): p is { current: string; next: string } =>
    obj(p) && password(p.current) && password(p.next),
  'settings.update': isSettingsPatch,
  'keys.list': empty,
  'keys.add': (p): p is { input: NewKeyInput } => obj(p) && isNewKeyInput(p.input),
  'keys.update': (p): p is { id: string; patch: KeyDetailsPatch } => obj(p) && text(p.id, 64) && isPatch(p.patch),
  'keys.removeBinding': (p): p is { id: string; platformHost: string; boundAt: number } =>
    obj(p) && text(p.id, 64) && text(p.platformHost, 255) && typeof p.boundAt === 'number',
  'keys.reveal': (p): p is { id: string; field: 'apiKey' | 'secret' | 'passphrase' } =>
    obj(p) && text(p.id, 64) && isField(p.field),
  'keys.copy': (p): p is { id: string; field: 'apiKey' | 'secret' | 'passphrase' } =>
    obj(p) && text(p.id, 64) && isField(p.field),
  'keys.delete': (p): p is { id: string } => obj(p) && text(p.id, 64),
  'backup.export': (p): p is { masterPassword: string; backupPassword: string } =>
    obj(p) && password(p.masterPassword) && password(p.backupPassword),
  'backup.import': (p): p is { content: string; password: string } =>
    obj(p) && text(p.content, MAX_BACKUP) && password(p.password),
  'capture.submit': isCapture,
  'page.keysSeen': isSeenKeys,
  'sites.list': empty,
  'sites.expect': (p): p is { address: string; platform: string } =>
    obj(p) && onlyKeys(p, ['address', 'platform']) && text(p.address, 512) && text(p.platform, 64),
  'sites.add': (p): p is { address: string; platform: string } =>
    obj(p) && onlyKeys(p, ['address', 'platform']) && text(p.address, 512) && text(p.platform, 64),
  'sites.remove': (p): p is { origin: string } => obj(p) && onlyKeys(p, ['origin']) && text(p.origin, 512),
  'sites.probe': (p): p is { tabId: number } => obj(p) && onlyKeys(p, ['tabId']) && Number.isSafeInteger(p.tabId) && (p.tabId as number) >= 0,
  'fill.open': (p): p is FillOpenRequest =>
    obj(p) &&
    onlyKeys(p, ['platform', 'exchange', 'pageIps', 'scope', 'canProveVisible']) &&
    typeof p.canProveVisible === 'boolean' &&
    (p.scope === null || isTradingScope(p.scope)) &&
    text(p.platform, 64) &&
    (p.exchange === null || isExchangeId(p.exchange)) &&
    Array.isArray(p.pageIps) &&
    p.pageIps.length <= 40 &&
    p.pageIps.every((ip) => typeof ip === 'string' && /^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?$/.test(ip)),
  'picker.session': (p): p is { token: string } => obj(p) && onlyKeys(p, ['token']) && text(p.token, 64),
  'picker.toWindow': (p): p is { token: string } => obj(p) && onlyKeys(p, ['token']) && text(p.token, 64),
  'fill.choose': (p): p is { token: string; keyId: string; confirmed: FillRisk[] } =>
    obj(p) &&
    onlyKeys(p, ['token', 'keyId', 'confirmed']) &&
    text(p.token, 64) &&
    text(p.keyId, 64) &&
    Array.isArray(p.confirmed) &&
    p.confirmed.length <= FILL_RISKS.length &&
    p.confirmed.every((r) => (FILL_RISKS as readonly unknown[]).includes(r)),
  'page.loadWatcher': (p): p is { exchange: ExchangeId } => obj(p) && onlyKeys(p, ['exchange']) && isExchangeId(p.exchange),
};
