import { describe, expect, it } from 'vitest';
import { DAY_MS, describeDeadline, formatAge, formatDuration, needsRotation, parseIpList, passwordStrength, sentence } from './format';

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

describe('describeDeadline', () => {
  const now = Date.UTC(2026, 5, 1, 12);
  const day = 86_400_000;

  it('counts whole days to a sure deadline, and says when it passed', () => {
    expect(describeDeadline({ effect: 'expires', at: now + 5 * day + 60_000, certain: true }, now)).toBe('expires in 5 days');
    expect(describeDeadline({ effect: 'spot-trading-removed', at: now + 12 * day, certain: true }, now)).toBe('spot trading removed in 12 days');
    expect(describeDeadline({ effect: 'expires', at: now + day, certain: true }, now)).toBe('expires in 1 day');
    expect(describeDeadline({ effect: 'expires', at: now + 3_600_000, certain: true }, now)).toBe('expires today');
    expect(describeDeadline({ effect: 'expires', at: now - 3 * day, certain: true }, now)).toBe('expired 3 days ago');
    expect(describeDeadline({ effect: 'deleted', at: now - 3_600_000, certain: true }, now)).toBe('deleted today');
  });

  it('claims no certainty for a date counted from a last use Keyward cannot see', () => {
    expect(describeDeadline({ effect: 'deactivated', at: now + 3 * day + 5, certain: false }, now)).toBe(
      'deactivated in about 3 days at the earliest',
    );
    expect(describeDeadline({ effect: 'deactivated', at: now - 2 * day, certain: false }, now)).toBe(
      'may already be deactivated: due 2 days ago at the earliest',
    );
  });

  it('starts a line with a capital', () => {
    expect(sentence('expires in 5 days')).toBe('Expires in 5 days');
  });
});
