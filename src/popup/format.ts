/**
 * Pure helpers for the popup: ages, dates, durations, IP list parsing and the password strength
 * estimate. No DOM, no browser API, so they are cheap enough to call once per row of a long list.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A deadline in words: the phrase is core's (deadlinePhrase), the words the popup's. */
export { describeDeadline } from './deadline-words';

/** Whole days between createdAt and now (never negative). */
export function ageDays(createdAt: number, now: number): number {
  return Math.max(0, Math.floor((now - createdAt) / DAY_MS));
}

/** Compact age for list rows: "today", "3 d", "5 mo", "2 y". */
export function formatAge(createdAt: number, now: number): string {
  const days = ageDays(createdAt, now);
  if (days < 1) return 'today';
  if (days < 60) return `${days} d`;
  if (days < 730) return `${Math.floor(days / 30)} mo`;
  return `${Math.floor(days / 365)} y`;
}

/** Spoken form of formatAge, for titles and screen readers. */
export function describeAge(createdAt: number, now: number): string {
  const days = ageDays(createdAt, now);
  if (days < 1) return 'created today';
  if (days < 60) return `${days} ${days === 1 ? 'day' : 'days'} old`;
  if (days < 730) {
    const months = Math.floor(days / 30);
    return `${months} ${months === 1 ? 'month' : 'months'} old`;
  }
  const years = Math.floor(days / 365);
  return `${years} ${years === 1 ? 'year' : 'years'} old`;
}

export function needsRotation(createdAt: number, now: number, rotationDays: number): boolean {
  return ageDays(createdAt, now) > rotationDays;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDate(ms: number): string {
  return dateFormat.format(ms);
}

export function formatDateTime(ms: number): string {
  return dateTimeFormat.format(ms);
}

/**
 * A key sealed while the vault was locked could have been planted by anything able to write the
 * browser profile (the public key it is sealed to is stored in clear): the user is asked to check.
 */
export function capturedWhileLockedNote(captured: { at: number; page: string }): string {
  return `Captured while the vault was locked, from ${captured.page || 'a page it does not name'} at ${formatDateTime(captured.at)}: check it is yours.`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** The first letter in upper case, for a phrase that starts a line. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "15 seconds", "1 minute", "90 seconds", "4 hours", "1 day". */
export function formatDuration(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds >= 3600 && seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  if (seconds >= 60 && seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return plural(seconds, 'second');
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
  /** Words shown to the user. */
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

  if (chars.length < MIN_PASSWORD_LENGTH) return { level: 'too-short', label: 'too short', score: 0, bits };
  if (bits < 40) return { level: 'weak', label: 'weak', score: 1, bits };
  if (bits < 60) return { level: 'fair', label: 'fair', score: 2, bits };
  if (bits < 80) return { level: 'good', label: 'good', score: 3, bits };
  return { level: 'strong', label: 'strong', score: 4, bits };
}
