// The languages Keyward speaks and the choice a user makes among them. No imports: the protocol
// (which content scripts bundle) validates the setting with these, and must not pull in a catalogue.

/** A catalogue folder under public/_locales. */
export const LANGUAGES = ['en', 'ru', 'zh_CN', 'zh_TW'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The `language` setting: 'auto' follows the browser's language, else one catalogue. */
export const LANGUAGE_CHOICES = ['auto', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/**
 * Each language named in itself, never translated: someone who cannot read the current language
 * must still find their own in the list.
 */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский', zh_CN: '简体中文', zh_TW: '繁體中文' };
