import { type DeadlinePhrase, type DeadlineWhen, deadlinePhrase } from '../core/deadline-words';
import type { KeyDeadline } from '../core/expiry';
import { plural, t } from '../i18n';

function sayWhen(when: DeadlineWhen): string {
  switch (when.kind) {
    case 'today':
      return t('dueToday');
    case 'today-at-earliest':
      return t('dueTodayAtEarliest');
    case 'in-days':
      return plural('dueInDays', when.count);
    case 'in-about-days-at-earliest':
      return plural('dueInAboutDaysAtEarliest', when.count);
    case 'passed-today':
      return t('deadlineAgoToday');
    case 'days-ago':
      return plural('deadlineDaysAgo', when.count);
  }
}

/** One message per effect and tense: the verb, its form and word order differ by language. */
const SAY: Record<DeadlinePhrase['tense'], Record<KeyDeadline['effect'], (when: string) => string>> = {
  coming: {
    expires: (when) => t('deadlineExpires', { when }),
    deactivated: (when) => t('deadlineDeactivated', { when }),
    deleted: (when) => t('deadlineDeleted', { when }),
    'spot-trading-removed': (when) => t('deadlineSpotTradingRemoved', { when }),
    'trading-removed': (when) => t('deadlineTradingRemoved', { when }),
  },
  done: {
    expires: (when) => t('deadlineExpired', { when }),
    deactivated: (when) => t('deadlineWasDeactivated', { when }),
    deleted: (when) => t('deadlineWasDeleted', { when }),
    'spot-trading-removed': (when) => t('deadlineSpotTradingWasRemoved', { when }),
    'trading-removed': (when) => t('deadlineTradingWasRemoved', { when }),
  },
  'maybe-done': {
    expires: (when) => t('deadlineMaybeExpired', { when }),
    deactivated: (when) => t('deadlineMaybeDeactivated', { when }),
    deleted: (when) => t('deadlineMaybeDeleted', { when }),
    'spot-trading-removed': (when) => t('deadlineMaybeSpotTradingRemoved', { when }),
    'trading-removed': (when) => t('deadlineMaybeTradingRemoved', { when }),
  },
};

/**
 * A deadline in words, lower case where the language has case: "expires in 5 days", "spot
 * trading removed in 12 days", "expired 3 days ago". One counted from the key's last use claims no
 * more than Keyward knows: "deactivated in about 3 days at the earliest", "may already be
 * deactivated: due 3 days ago at the earliest".
 */
export function describeDeadline(deadline: Pick<KeyDeadline, 'effect' | 'at' | 'certain'>, now: number): string {
  const phrase = deadlinePhrase(deadline, now);
  return SAY[phrase.tense][phrase.effect](sayWhen(phrase.when));
}
