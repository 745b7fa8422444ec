import { type Infer, boolean, number, object, oneOf, partial } from '../core/schema';
import { LANGUAGE_CHOICES } from '../i18n/languages';

/** Bounds the broker enforces; the popup offers a subset. */
export const SETTING_LIMITS = {
  autoLockSeconds: { min: 15, max: 24 * 60 * 60 },
  clipboardClearSeconds: { min: 5, max: 600 },
  rotationDays: { min: 1, max: 3650 },
} as const;

export const SETTINGS_SCHEMA = object({
  /** Lock after this long without use of the vault (seconds; the popup offers minutes). */
  autoLockSeconds: number({ integer: true, ...SETTING_LIMITS.autoLockSeconds }),
  /** Clear a copied value from the clipboard after this long, if it is still there. */
  clipboardClearSeconds: number({ integer: true, ...SETTING_LIMITS.clipboardClearSeconds }),
  /** Remind to rotate keys older than this. */
  rotationDays: number({ integer: true, ...SETTING_LIMITS.rotationDays }),
  /** A browser notification 7 days and 1 day before an exchange retires a key (background/expiry-notices.ts). */
  expiryNotifications: boolean(),
  /** The popup's, picker's and background's language: 'auto' is the browser's (src/i18n/language.ts). */
  language: oneOf(LANGUAGE_CHOICES),
});

/** Where the settings live in storage.local; the pages read the language from there directly. */
export const SETTINGS_STORAGE_KEY = 'settings';

export type Settings = Infer<typeof SETTINGS_SCHEMA>;

/** What settings.update may change: any of them, each within its limits, nothing else. */
export const SETTINGS_PATCH = partial(SETTINGS_SCHEMA);

export const DEFAULT_SETTINGS: Settings = {
  autoLockSeconds: 15 * 60,
  clipboardClearSeconds: 30,
  rotationDays: 90,
  expiryNotifications: true,
  language: 'auto',
};
