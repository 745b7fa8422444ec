import { describe, expect, it } from 'vitest';
import { DAY_MS, formatAge, formatDuration, needsRotation, parseIpList, passwordStrength } from './format';

describe('format', () => {
  it('formats ages compactly', () => {
    const now = Date.UTC(2025, 0, 1);
    expect(formatAge(now - 2 * 3600_000, now)).toBe('today');
    expect(formatAge(now - 3 * DAY_MS, now)).toBe('3 d');
    expect(formatAge(now - 150 * DAY_MS, now)).toBe('5 mo');
    expect(formatAge(now - 800 * DAY_MS, now)).toBe('2 y');
    expect(needsRotation(now - 91 * DAY_MS, now, 90)).toBe(true);
    expect(needsRotation(now - 90 * DAY_MS, now, 90)).toBe(false);
  });

  it('names durations', () => {
    expect(formatDuration(15)).toBe('15 seconds');
    expect(formatDuration(60)).toBe('1 minute');
    expect(formatDuration(14_400)).toBe('4 hours');
    expect(formatDuration(90)).toBe('90 seconds');
  });

  it('splits IP lists on commas, spaces and new lines', () => {
    expect(parseIpList('')).toEqual([]);
    expect(parseIpList(' 1.2.3.4,5.6.7.8\n 10.0.0.0/8  ')).toEqual(['1.2.3.4', '5.6.7.8', '10.0.0.0/8']);
  });

  it('rates passwords by length and variety', () => {
    expect(passwordStrength('abc').level).toBe('too-short');
    expect(passwordStrength('aaaaaaaa').level).toBe('weak');
    expect(passwordStrength('password123').level).toBe('weak');
    expect(passwordStrength('Tr0ub4dor&3').level).not.toBe('weak');
    expect(passwordStrength('correct horse battery staple').level).toBe('strong');
  });
});
