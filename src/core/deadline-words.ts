import type { KeyDeadline } from './expiry';

const DAY_MS = 86_400_000;

/** Whole days from now to a coming deadline (0 on its last day). */
export function daysLeft(at: number, now: number): number {
  return Math.floor((at - now) / DAY_MS);
}

/**
 * When a deadline falls, as the catalogue words it: today, in N days, in about N days at the
 * earliest (counted from a last use Keyward cannot see), N days ago. The count is left for the
 * surface to say in the right plural form; core chooses no language.
 */
export type DeadlineWhen =
  | { kind: 'today' }
  | { kind: 'today-at-earliest' }
  | { kind: 'in-days'; count: number }
  | { kind: 'in-about-days-at-earliest'; count: number }
  | { kind: 'passed-today' }
  | { kind: 'days-ago'; count: number };

/**
 * A deadline as words to be said, not yet in a language: what happens (`effect`), whether it is
 * coming, done, or may already be done (counted from the key's last use, which Keyward cannot
 * see: "may already be deactivated: due 3 days ago at the earliest"), and when. The popup says it
 * (src/popup/deadline-words.ts); data, so no catalogue is bundled by what imports this.
 */
export interface DeadlinePhrase {
  effect: KeyDeadline['effect'];
  tense: 'coming' | 'done' | 'maybe-done';
  when: DeadlineWhen;
}

export function deadlinePhrase(deadline: Pick<KeyDeadline, 'effect' | 'at' | 'certain'>, now: number): DeadlinePhrase {
  const { effect } = deadline;
  if (deadline.at > now) {
    const count = daysLeft(deadline.at, now);
    if (deadline.certain) return { effect, tense: 'coming', when: count === 0 ? { kind: 'today' } : { kind: 'in-days', count } };
    return { effect, tense: 'coming', when: count === 0 ? { kind: 'today-at-earliest' } : { kind: 'in-about-days-at-earliest', count } };
  }
  const count = Math.floor((now - deadline.at) / DAY_MS);
  const when: DeadlineWhen = count === 0 ? { kind: 'passed-today' } : { kind: 'days-ago', count };
  return { effect, tense: deadline.certain ? 'done' : 'maybe-done', when };
}
