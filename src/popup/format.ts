/**
 * Pure helpers for the popup: ages, dates, durations, IP list parsing and the password strength
 * estimate. No DOM; the only browser API is i18n's getMessage, for the words and the catalogue's
 * language. Ages are remembered per language and count, so a long list costs few lookups.
 */
import { catalogueLanguage, plural, t } from '../i18n';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A deadline in words: the phrase is core's (deadlinePhrase), the words the popup's. */
export { describeDeadline } from './deadline-words';

/** Whole days between createdAt and now (never negative). */
export function ageDays(createdAt: number, now: number): number {
  return Math.max(0, Math.floor((now - createdAt) / DAY_MS));
}

type AgeUnit = 'today' | 'days' | 'months' | 'years';

/** An age in the unit the list shows it in: days up to two months, months up to two years. */
function ageIn(createdAt: number, now: number): { unit: AgeUnit; count: number } {
  const days = ageDays(createdAt, now);
  if (days < 1) return { unit: 'today', count: 0 };
  if (days < 60) return { unit: 'days', count: days };
  if (days < 730) return { unit: 'months', count: Math.floor(days / 30) };
  return { unit: 'years', count: Math.floor(days / 365) };
}

/**
 * The words of an age, remembered by language, form and count: a thousand-row list has a few
 * dozen distinct ages, and each plural() builds Intl objects.
 */
const ageWords = new Map<string, string>();

function rememberedAge(form: 'compact' | 'spoken' | 'checked', age: { unit: AgeUnit; count: number }, say: () => string): string {
  const id = `${catalogueLanguage()}|${form}|${age.unit}|${age.count}`;
  let words = ageWords.get(id);
  if (words === undefined) {
    words = say();
    ageWords.set(id, words);
  }
  return words;
}

/** Compact age for list rows: "today", "3 d", "5 mo", "2 y". */
export function formatAge(createdAt: number, now: number): string {
  const age = ageIn(createdAt, now);
  return rememberedAge('compact', age, () => {
    if (age.unit === 'today') return t('fmtAgeToday');
    if (age.unit === 'days') return plural('fmtAgeDays', age.count);
    if (age.unit === 'months') return plural('fmtAgeMonths', age.count);
    return plural('fmtAgeYears', age.count);
  });
}

/** Spoken form of formatAge, for titles and screen readers: "created today", "3 days old". */
export function describeAge(createdAt: number, now: number): string {
  const age = ageIn(createdAt, now);
  return rememberedAge('spoken', age, () => {
    if (age.unit === 'today') return t('fmtAgeCreatedToday');
    if (age.unit === 'days') return plural('fmtAgeDaysOld', age.count);
    if (age.unit === 'months') return plural('fmtAgeMonthsOld', age.count);
    return plural('fmtAgeYearsOld', age.count);
  });
}

/** When a key was last checked, a whole sentence: "Last checked today.", "Last checked 3 days ago." */
export function describeLastChecked(checkedAt: number, now: number): string {
  const age = ageIn(checkedAt, now);
  return rememberedAge('checked', age, () => {
    if (age.unit === 'today') return t('checkLastCheckedToday');
    if (age.unit === 'days') return plural('checkLastCheckedDays', age.count);
    if (age.unit === 'months') return plural('checkLastCheckedMonths', age.count);
    return plural('checkLastCheckedYears', age.count);
  });
}

export function needsRotation(createdAt: number, now: number, rotationDays: number): boolean {
  return ageDays(createdAt, now) > rotationDays;
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };

/**
 * Dates in the language of the catalogue the words come from, not the browser's locale: a date
 * inside a Chinese sentence is written the Chinese way even in a browser set to another region.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(withTime: boolean): Intl.DateTimeFormat {
  const language = catalogueLanguage();
  const id = `${language}|${withTime ? 'time' : 'date'}`;
  let format = dateFormats.get(id);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, withTime ? DATE_TIME : DATE);
    dateFormats.set(id, format);
  }
  return format;
}

export function formatDate(ms: number): string {
  return dateFormat(false).format(ms);
}

export function formatDateTime(ms: number): string {
  return dateFormat(true).format(ms);
}

/**
 * A key sealed while the vault was locked could have been planted by anything able to write the
 * browser profile (the public key it is sealed to is stored in clear): the user is asked to check.
 */
export function capturedWhileLockedNote(captured: { at: number; page: string }): string {
  const when = formatDateTime(captured.at);
  return captured.page ? t('fmtCapturedWhileLocked', { page: captured.page, when }) : t('fmtCapturedWhileLockedNoPage', { when });
}

/** The first letter in upper case, for a phrase that starts a line. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "15 seconds", "1 minute", "90 seconds", "4 hours", "1 day". */
export function formatDuration(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return plural('fmtDurationDays', seconds / 86_400);
  if (seconds >= 3600 && seconds % 3600 === 0) return plural('fmtDurationHours', seconds / 3600);
  if (seconds >= 60 && seconds % 60 === 0) return plural('fmtDurationMinutes', seconds / 60);
  return plural('fmtDurationSeconds', seconds);
}

/** "0:25", "1:05", "12:00" for a countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return `${minutes}:${rest.toString().padStart(2, '0')}`;
}

/** IP whitelist as typed: separated by commas, spaces or new lines; empties dropped. */
export function parseIpList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export const MIN_PASSWORD_LENGTH = 8;

type StrengthLevel = 'too-short' | 'weak' | 'fair' | 'good' | 'strong';

interface PasswordStrength {
  level: StrengthLevel;
  /** Words shown to the user, in the catalogue's language. */
  label: string;
  /** 0..4, for the meter. */
  score: number;
  /** Rough entropy estimate in bits. */
  bits: number;
}

const COMMON_FRAGMENTS = [
  'password',
  'passwort',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'master',
  'bitcoin',
  'crypto',
  'keyward',
  'binance',
  'trading',
  '123456',
  'abc123',
  '111111',
];

/**
 * A length- and variety-based estimate: character pools used, times length, with repeated or
 * sequential characters and common fragments counted as nearly free. Deliberately simple and
 * conservative; it is a hint, not a gate beyond the minimum length.
 */
export function passwordStrength(password: string): PasswordStrength {
  const chars = [...password];
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(password)) pool += 33;
  if (/\s/.test(password)) pool += 1;
  if (/[^\x00-\x7f]/.test(password)) pool += 100;
  const perChar = pool > 0 ? Math.log2(pool) : 0;

  let effective = 0;
  for (let i = 0; i < chars.length; i++) {
    const prev = i > 0 ? chars[i - 1] : undefined;
    const cur = chars[i];
    if (prev !== undefined && cur !== undefined) {
      const delta = (cur.codePointAt(0) ?? 0) - (prev.codePointAt(0) ?? 0);
      if (delta === 0 || delta === 1 || delta === -1) {
        effective += 0.25;
        continue;
      }
    }
    effective += 1;
  }
  const lower = password.toLowerCase();
  for (const fragment of COMMON_FRAGMENTS) {
    if (lower.includes(fragment)) effective -= fragment.length * 0.75;
  }
  const bits = Math.max(0, Math.round(Math.max(effective, 0) * perChar));

  if (chars.length < MIN_PASSWORD_LENGTH) return { level: 'too-short', label: t('fmtStrengthTooShort'), score: 0, bits };
  if (bits < 40) return { level: 'weak', label: t('fmtStrengthWeak'), score: 1, bits };
  if (bits < 60) return { level: 'fair', label: t('fmtStrengthFair'), score: 2, bits };
  if (bits < 80) return { level: 'good', label: t('fmtStrengthGood'), score: 3, bits };
  return { level: 'strong', label: t('fmtStrengthStrong'), score: 4, bits };
}
