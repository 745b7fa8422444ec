import type { KeyDeadline } from './expiry';

const DAY_MS = 86_400_000;

/** Whole days from now to a coming deadline (0 on its last day). */
export function daysLeft(at: number, now: number): number {
  return Math.floor((at - now) / DAY_MS);
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** What happens at a deadline, before and after it: "expires" / "expired", "deleted" / "deleted". */
const DEADLINE_WORDS: Record<KeyDeadline['effect'], { coming: string; done: string }> = {
  expires: { coming: 'expires', done: 'expired' },
  deactivated: { coming: 'deactivated', done: 'deactivated' },
  deleted: { coming: 'deleted', done: 'deleted' },
  'spot-trading-removed': { coming: 'spot trading removed', done: 'spot trading removed' },
  'trading-removed': { coming: 'trading removed', done: 'trading removed' },
};

/**
 * A deadline in words, lower case: "expires in 5 days", "spot trading removed in 12 days",
 * "expired 3 days ago". One counted from the key's last use, which Keyward cannot see, claims no
 * more than it knows: "deactivated in about 3 days at the earliest", "may already be deactivated:
 * due 3 days ago at the earliest".
 */
export function describeDeadline(deadline: Pick<KeyDeadline, 'effect' | 'at' | 'certain'>, now: number): string {
  const words = DEADLINE_WORDS[deadline.effect];
  if (deadline.at > now) {
    const count = daysLeft(deadline.at, now);
    if (deadline.certain) return `${words.coming} ${count === 0 ? 'today' : `in ${days(count)}`}`;
    return `${words.coming} ${count === 0 ? 'today' : `in about ${days(count)}`} at the earliest`;
  }
  const count = Math.floor((now - deadline.at) / DAY_MS);
  const ago = count === 0 ? 'today' : `${days(count)} ago`;
  return deadline.certain ? `${words.done} ${ago}` : `may already be ${words.done}: due ${ago} at the earliest`;
}

