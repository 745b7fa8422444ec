/**
 * The payload of every request to the background, as a schema: the broker's validators
 * (background/validate.ts) and the TypeScript types both come from here. Strings are bounded so a
 * hostile sender cannot make us encrypt megabytes; anything unexpected is refused rather than
 * coerced. Objects that every sender builds field by field refuse unknown keys; the older, richer
 * ones ignore them (the handler reads only the fields named here).
 */
import {
  CREDENTIAL_FIELDS,
  KEY_INPUT_LIMITS,
  ipWhitelistSchema,
  newKeyInputSchema,
  permissionsSchema,
} from '../core/records';
import { isTradingScope } from '../core/preflight';
import { isExchangeId } from '../exchanges/registry';
import { type Infer, type ListBounds, array, boolean, guard, nullable, number, object, oneOf, optional, string } from '../core/schema';
import { FILL_RISKS } from './views';

const MAX_TEXT = KEY_INPUT_LIMITS.text;
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

const CAPTURE_LABELS: ListBounds = { count: CAPTURE_LIMITS.permissionLabels, length: CAPTURE_LIMITS.permissionLabel };
const CAPTURE_IPS: ListBounds = { count: CAPTURE_LIMITS.ips, length: CAPTURE_LIMITS.ip };
/** A key list page may show many keys; each is read like a key typed in. */
const SEEN_KEYS_MAX = 200;
/** What a bind form may ask to whitelist: plain IPv4 addresses or ranges, a few dozen at most. */
const PAGE_IPS_MAX = 40;
const IPV4_OR_RANGE = /^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?$/;

const exchangeId = guard('a known exchange', isExchangeId);
const text = string({ max: MAX_TEXT });
const password = string({ max: 1024 });
/** Record ids, picker tokens: random, short. */
const id = string({ max: 64 });
const hostName = string({ max: KEY_INPUT_LIMITS.bindings.length });
const address = string({ max: 512 });
const platformId = string({ max: 64 });

export const PASSWORD = object({ password }, { unknownKeys: 'ignore' });
export const PASSWORD_CHANGE = object({ current: password, next: password }, { unknownKeys: 'ignore' });
export const KEY_ID = object({ id }, { unknownKeys: 'ignore' });
export const KEY_RETIREMENT = object({ id, successorId: id }, { unknownKeys: 'ignore' });
export const KEY_FIELD = object({ id, field: oneOf(CREDENTIAL_FIELDS) }, { unknownKeys: 'ignore' });
export const NEW_KEY = object({ input: newKeyInputSchema(exchangeId, KEY_INPUT_LIMITS) }, { unknownKeys: 'ignore' });

export const KEY_DETAILS_PATCH = object({ label: optional(text), account: optional(text), notes: optional(text) });
export type KeyDetailsPatch = Infer<typeof KEY_DETAILS_PATCH>;
export const KEY_UPDATE = object({ id, patch: KEY_DETAILS_PATCH }, { unknownKeys: 'ignore' });
export const BINDING_REMOVAL = object({ id, platformHost: hostName, boundAt: number() }, { unknownKeys: 'ignore' });

export const BACKUP_EXPORT = object({ masterPassword: password, backupPassword: password }, { unknownKeys: 'ignore' });
export const BACKUP_IMPORT = object({ content: string({ max: MAX_BACKUP }), password }, { unknownKeys: 'ignore' });

/** A key as the capture watcher read it from an exchange page. */
export const CAPTURE = object(
  {
    exchange: exchangeId,
    apiKey: string({ max: CAPTURE_LIMITS.apiKey }),
    secret: string({ max: CAPTURE_LIMITS.secret }),
    passphrase: string({ max: CAPTURE_LIMITS.passphrase }),
    label: string({ max: CAPTURE_LIMITS.label }),
    account: string({ max: CAPTURE_LIMITS.account }),
    permissions: nullable(permissionsSchema(CAPTURE_LABELS)),
    ipWhitelist: ipWhitelistSchema(CAPTURE_IPS),
  },
  { unknownKeys: 'ignore' },
);
export type CaptureSubmission = Infer<typeof CAPTURE>;

/** A key as the exchange's key list shows it: permissions and IPs to refresh the stored record. */
const SEEN_KEY = object(
  {
    apiKey: string({ max: CAPTURE_LIMITS.apiKey }),
    permissions: nullable(permissionsSchema(KEY_INPUT_LIMITS.labels)),
    ipWhitelist: ipWhitelistSchema(KEY_INPUT_LIMITS.ips),
  },
  { unknownKeys: 'ignore' },
);
export type SeenKey = Infer<typeof SEEN_KEY>;
export const KEYS_SEEN = object({ exchange: exchangeId, keys: array(SEEN_KEY, { max: SEEN_KEYS_MAX }) }, { unknownKeys: 'ignore' });
export const WATCHER_LOAD = object({ exchange: exchangeId });
/**
 * The catalogue whose note words an exchange page wants: the page's language, not the browser's;
 * null when the page names none Keyward speaks, for the language chosen in Settings, if any.
 */
export const NOTE_LANGUAGE = object({ language: nullable(oneOf(['en', 'ru', 'zh_CN', 'zh_TW'] as const)) });

export const SITE = object({ address, platform: platformId });
export const SITE_ORIGIN = object({ origin: address });
export const TAB = object({ tabId: number({ integer: true, min: 0 }) });

export const FILL_OPEN = object({
  platform: platformId,
  exchange: nullable(exchangeId),
  /** The addresses the bind form itself tells the user to whitelist (advice only). */
  pageIps: array(string({ pattern: IPV4_OR_RANGE }), { max: PAGE_IPS_MAX }),
  /** The trading scope the form has selected, for the picker's permission preflight. */
  scope: nullable(guard('a trading scope', isTradingScope)),
  /**
   * The browser can prove a framed picker is seen whole (IntersectionObserver v2). Without it
   * (Firefox) the key is chosen in Keyward's own window. A false claim gains nothing: the framed
   * picker refuses clicks until the browser itself reports it visible.
   */
  canProveVisible: boolean(),
});
export type FillOpenRequest = Infer<typeof FILL_OPEN>;

export const PICKER_TOKEN = object({ token: id });
export const FILL_CHOICE = object({ token: id, keyId: id, confirmed: array(oneOf(FILL_RISKS), { max: FILL_RISKS.length }) });

/**
 * A paste or drop the leak guard thinks may be a secret (content/leak-guard.ts sends only
 * secret-shaped text): it is fingerprinted in the background and forgotten, never stored.
 */
export const LEAK_CANDIDATE = object({ candidate: string({ max: 512 }) });
/** The one-time token a matching paste got, to learn which key it was on the user's click. */
export const LEAK_TOKEN = object({ token: id });
