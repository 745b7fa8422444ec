import { dueSoon } from '../../core/expiry';
import type { KeySummary } from '../../core/records';
import { ATTENTION_DAYS, deadlinesOf } from '../../exchanges/expiry-rules';
import { exchangeName } from '../exchange-info';
import { describeDeadline, formatDate, sentence } from '../format';
import { Card } from './Card';
import { t } from '../../i18n';

/** A list row names a deadline this close (or passed); the detail names every one. */
export const ROW_WINDOW_DAYS = 30;

/**
 * A list row's countdown: the soonest deadline within ROW_WINDOW_DAYS, or nothing. A render
 * function, as the rows are: a thousand-key list creates no component for it.
 */
export function renderDeadlineNote(key: KeySummary, now: number) {
  const soon = dueSoon(deadlinesOf(key, now), ROW_WINDOW_DAYS);
  if (soon === undefined) return null;
  const urgent = soon.daysLeft <= ATTENTION_DAYS;
  return (
    <span class={urgent ? 'row-deadline row-deadline-urgent' : 'row-deadline'} title={formatDate(soon.at)}>
      {sentence(describeDeadline(soon, now))}
    </span>
  );
}

/**
 * Every deadline of one key, with its date and where the date comes from: the exchange's own word
 * (a key check's validUntil), a count from the key's creation, or the earliest date of a count from
 * its last use, which Keyward cannot see.
 */
export function KeyDeadlines({ keySummary: key, now }: { keySummary: KeySummary; now: number }) {
  const deadlines = deadlinesOf(key, now);
  if (deadlines.length === 0) return null;
  const name = exchangeName(key.exchange);
  // Typed in without its optional "Created on" date, a key carries the day it was added: created
  // earlier on the exchange, any count from creation comes sooner than shown.
  const typedIn = key.source.kind === 'manual' ? t('deadlineTypedIn', { exchange: name }) : null;
  const origin = (certain: boolean): string => {
    if (key.validUntil !== undefined) return t('deadlineOriginChecked', { exchange: name });
    const counted = certain ? t('deadlineOriginCreated', { exchange: name }) : t('deadlineOriginLastUse', { exchange: name });
    return typedIn === null ? counted : t('detailLeadText', { lead: counted, text: typedIn });
  };
  return (
    <Card titleId="deadlines-title" title={t('deadlineTitle')}>
      <ul class="deadlines">
        {deadlines.map((deadline) => (
          <li key={`${deadline.effect}-${deadline.at}`} class={deadline.daysLeft <= ATTENTION_DAYS ? 'deadline deadline-urgent' : 'deadline'}>
            <strong>{sentence(describeDeadline(deadline, now))}</strong>{' '}
            <span class="deadline-date">
              {deadline.certain
                ? t('deadlineDate', { date: formatDate(deadline.at) })
                : t('deadlineDateAtEarliest', { date: formatDate(deadline.at) })}
            </span>
            <span class="muted small deadline-origin">{origin(deadline.certain)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
