import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { KeySummary } from '../../core/records';
import { isDueSoon } from '../../exchanges/expiry-rules';
import { plural, t } from '../../i18n';
import { ErrorAlert } from '../components/Alert';
import { renderDeadlineNote } from '../components/Deadlines';
import { PlusIcon, SearchIcon } from '../components/Icons';
import { renderRiskBadges } from '../components/RiskBadges';
import { exchangeName } from '../exchange-info';
import { capturedWhileLockedNote, describeAge, formatAge, needsRotation } from '../format';
import { useReadyMarker } from '../hooks';
import { BusyButton } from '../components/BusyButton';
import { checkWords } from '../check-words';
import type { KeyChecks } from '../key-checks';
import type { KeyCheckView } from '../../protocol/views';

interface ListItem {
  key: KeySummary;
  exchangeName: string;
  /** Exchange name, label and account, lower-cased once, for the search box. */
  haystack: string;
}

interface ListGroup {
  exchange: string;
  name: string;
  items: ListItem[];
}

/**
 * Rows drawn in the first frame; the rest follow one task later. A popup shows about ten rows, so
 * the user can read and act at once while a thousand-key list finishes drawing below the fold.
 */
const FIRST_FRAME_ROWS = 60;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorted once per key list: by exchange name, then label (unnamed last), newest first. */
function indexKeys(keys: readonly KeySummary[]): ListItem[] {
  const items = keys.map((key) => {
    const name = exchangeName(key.exchange);
    return { key, exchangeName: name, haystack: `${name}\n${key.label}\n${key.account}`.toLowerCase() };
  });
  // The dozen exchange names are ranked once: a thousand keys cost half the collator calls.
  const names = [...new Set(items.map((item) => item.exchangeName))].sort(collator.compare);
  const rank = new Map(names.map((name, i) => [name, i]));
  items.sort(
    (a, b) =>
      (rank.get(a.exchangeName) ?? 0) - (rank.get(b.exchangeName) ?? 0) ||
      Number(a.key.label === '') - Number(b.key.label === '') ||
      collator.compare(a.key.label, b.key.label) ||
      b.key.createdAt - a.key.createdAt,
  );
  return items;
}

/** Every whitespace-separated term must occur in the exchange name, label or account. */
function filterItems(items: readonly ListItem[], query: string): ListItem[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return items.slice();
  return items.filter((item) => terms.every((term) => item.haystack.includes(term)));
}

function groupItems(items: readonly ListItem[]): ListGroup[] {
  const groups: ListGroup[] = [];
  let current: ListGroup | undefined;
  for (const item of items) {
    if (!current || current.exchange !== item.key.exchange) {
      current = { exchange: item.key.exchange, name: item.exchangeName, items: [] };
      groups.push(current);
    }
    current.items.push(item);
  }
  return groups;
}

function needsAttention(key: KeySummary, now: number, rotationDays: number): boolean {
  return (
    key.damaged !== undefined ||
    key.risk.withdraw ||
    key.risk.noIpWhitelist ||
    needsRotation(key.createdAt, now, rotationDays) ||
    isDueSoon(key, now)
  );
}

export interface KeyListProps {
  keys: readonly KeySummary[] | null;
  loadError: string | null;
  onRetry: () => void;
  rotationDays: number;
  query: string;
  onQuery: (query: string) => void;
  attentionOnly: boolean;
  onAttentionOnly: (value: boolean) => void;
  onOpen: (id: string) => void;
  onAdd: () => void;
  /** The row to put focus back on when returning from its detail. */
  focusId: string | null;
  /** This session's unlock found the vault's public key replaced (VaultStatus.sealKeyReplaced), not yet dismissed. */
  sealKeyAlert?: boolean;
  onDismissSealKeyAlert?: () => void;
  /** This popup's checks with the exchanges, and Check all; absent in tests that do not need them. */
  keyChecks?: KeyChecks;
}

/** Unlocked home: keys grouped by exchange, with search. */
export function KeyList({
  keys,
  loadError,
  onRetry,
  rotationDays,
  query,
  onQuery,
  attentionOnly,
  onAttentionOnly,
  onOpen,
  onAdd,
  focusId,
  sealKeyAlert = false,
  onDismissSealKeyAlert,
  keyChecks,
}: KeyListProps) {
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
  const now = Date.now();

  const items = useMemo(() => (keys ? indexKeys(keys) : []), [keys]);
  const attentionCount = useMemo(
    () => items.reduce((n, item) => n + (needsAttention(item.key, now, rotationDays) ? 1 : 0), 0),
    // `now` moves every render; the count only needs to follow the keys and the setting.
    [items, rotationDays],
  );
  const filtered = useMemo(() => {
    const byText = filterItems(items, query);
    return attentionOnly ? byText.filter((item) => needsAttention(item.key, now, rotationDays)) : byText;
  }, [items, query, attentionOnly, rotationDays]);
  const groups = useMemo(() => groupItems(filtered), [filtered]);

  // Coming back to a row further down needs every row drawn before focusing it.
  const [rowLimit, setRowLimit] = useState(focusId ? Number.POSITIVE_INFINITY : FIRST_FRAME_ROWS);
  useEffect(() => {
    if (keys === null || rowLimit === Number.POSITIVE_INFINITY) return;
    const timer = setTimeout(() => setRowLimit(Number.POSITIVE_INFINITY), 0);
    return () => clearTimeout(timer);
  }, [keys, rowLimit]);
  let rowBudget = rowLimit;

  useReadyMarker('list', keys !== null);

  // Focus once the keys are there: the row we came back from, else the search box.
  useLayoutEffect(() => {
    if (focused.current || keys === null) return;
    focused.current = true;
    if (focusId) {
      const row = listRef.current?.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(focusId)}"]`);
      if (row) {
        row.focus();
        return;
      }
    }
    searchRef.current?.focus();
  }, [keys, focusId]);

  const onListClick = (event: MouseEvent): void => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const row = target.closest('button[data-id]');
    const id = row?.getAttribute('data-id');
    if (id) onOpen(id);
  };

  const total = keys?.length ?? 0;
  const trimmedQuery = query.trim();

  return (
    <main class="view view-list" aria-labelledby="list-title">
      <h1 id="list-title" class="visually-hidden">
        {t('listTitle')}
      </h1>
      {sealKeyAlert ? (
        <div class="alert alert-error seal-key-alert" role="alert">
          <p>{t('listSealKeyReplaced')}</p>
          {onDismissSealKeyAlert ? (
            <button type="button" class="btn btn-small" onClick={onDismissSealKeyAlert}>
              {t('commonDismiss')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div class="list-tools">
        <div class="search">
          <label for="key-search" class="visually-hidden">
            {t('listSearchLabel')}
          </label>
          <SearchIcon />
          <input
            id="key-search"
            ref={searchRef}
            class="input search-input"
            type="search"
            placeholder={t('listSearchPlaceholder')}
            value={query}
            onInput={(e) => onQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query !== '') {
                e.preventDefault();
                onQuery('');
              }
            }}
            autoComplete="off"
            spellcheck={false}
            aria-controls="key-groups"
          />
        </div>
        {attentionCount > 0 || attentionOnly ? (
          <button
            type="button"
            class={attentionOnly ? 'chip chip-on' : 'chip'}
            aria-pressed={attentionOnly ? 'true' : 'false'}
            onClick={() => onAttentionOnly(!attentionOnly)}
          >
            {t('listNeedsAttention', { count: attentionCount })}
          </button>
        ) : null}
      </div>

      {keyChecks && keys !== null && keys.length > 0 ? <CheckAllBar keys={keys} keyChecks={keyChecks} /> : null}

      <ErrorAlert message={loadError} />
      {loadError ? (
        <button type="button" class="btn" onClick={onRetry}>
          {t('commonTryAgain')}
        </button>
      ) : null}

      {keys === null && !loadError ? (
        <p class="empty-state" role="status">
          {t('listLoading')}
        </p>
      ) : null}

      {keys !== null && total === 0 ? (
        <div class="empty-state">
          <p>
            <strong>{t('listEmptyTitle')}</strong>
          </p>
          <p>{t('listEmptyBody')}</p>
          <button type="button" class="btn btn-primary" onClick={onAdd}>
            <PlusIcon /> {t('commonAddKey')}
          </button>
        </div>
      ) : null}

      {keys !== null && total > 0 ? (
        <p class="list-summary" role="status" aria-live="polite">
          {filtered.length === total ? plural('listKeyCount', total) : plural('listKeyCountShown', total, { shown: filtered.length })}
        </p>
      ) : null}

      {keys !== null && total > 0 && filtered.length === 0 ? (
        <div class="empty-state">
          <p>{noMatchWords(trimmedQuery, attentionOnly)}</p>
          <button
            type="button"
            class="btn"
            onClick={() => {
              onQuery('');
              onAttentionOnly(false);
              searchRef.current?.focus();
            }}
          >
            {t('listShowAll')}
          </button>
        </div>
      ) : null}

      <div id="key-groups" class="groups" ref={listRef} onClick={onListClick}>
        {groups.map((group) => (
          <section class="group" key={group.exchange} aria-labelledby={`group-${group.exchange}`}>
            <h2 class="group-title" id={`group-${group.exchange}`}>
              {group.name}
              {/* The number is seen; screen readers hear it as a whole phrase ("3 keys") instead. */}
              <span class="count">
                <span aria-hidden="true">{group.items.length}</span>
                <span class="visually-hidden"> {plural('listKeyCount', group.items.length)}</span>
              </span>
            </h2>
            <ul class="rows">
              {group.items.slice(0, Math.max(0, rowBudget)).map((item) => {
                rowBudget--;
                return renderRow(item, now, rotationDays, keyChecks?.checks[item.key.id]);
              })}
            </ul>
          </section>
        ))}
      </div>
    </main>
  );
}

/** Why the list is empty: one whole sentence per case, the search quoted in it. */
function noMatchWords(query: string, attentionOnly: boolean): string {
  if (query !== '') return attentionOnly ? t('listNoMatchQueryAttention', { query }) : t('listNoMatchQuery', { query });
  return attentionOnly ? t('listNoMatchAttention') : t('listNoMatch');
}

/** A record that failed its integrity check: only what its clear part says, and that it is not used. */
function renderDamagedRow(item: ListItem, now: number) {
  const { key } = item;
  return (
    <li key={key.id}>
      <button type="button" class="row row-damaged" data-id={key.id}>
        <span class="row-title">{t('listTamperedTitle')}</span>
        <span class="age" title={describeAge(key.createdAt, now)}>
          {formatAge(key.createdAt, now)}
        </span>
        <span class="row-sub">
          <span class="row-exchange">{item.exchangeName}</span>
        </span>
        <span class="row-note row-note-danger">{t('listTamperedNote')}</span>
        <span class="badges">
          <span class="badge badge-danger">{t('listTamperedBadge')}</span>
        </span>
      </button>
    </li>
  );
}

/** One row. A render function, not a component: no hooks, no effects, nothing async. */
function renderRow(item: ListItem, now: number, rotationDays: number, check: KeyCheckView | undefined) {
  const { key } = item;
  if (key.damaged !== undefined) return renderDamagedRow(item, now);
  const rotate = needsRotation(key.createdAt, now, rotationDays);
  return (
    <li key={key.id}>
      <button type="button" class="row" data-id={key.id}>
        <span class={key.label ? 'row-title' : 'row-title unnamed'}>{key.label || t('unnamedKey')}</span>
        <span class="age" title={describeAge(key.createdAt, now)}>
          {formatAge(key.createdAt, now)}
        </span>
        <span class="row-sub">
          <span class="row-exchange">{item.exchangeName}</span>
          {key.account && key.account !== 'main' ? <span class="row-account">{key.account}</span> : null}
          <span class="mono row-tail">…{key.apiKeyTail}</span>
        </span>
        {key.capturedWhileLocked ? <span class="row-note">{capturedWhileLockedNote(key.capturedWhileLocked)}</span> : null}
        {renderDeadlineNote(key, now)}
        {renderRiskBadges(key.risk, rotate, rotationDays)}
        {key.retired ? (
          <span class="badge badge-info" title={t('listRetiredTitle')}>
            {t('listRetired')}
          </span>
        ) : null}
        {check ? renderCheckChip(check, item.exchangeName) : null}
      </button>
    </li>
  );
}

/** How this key's check in this popup ended, in a few words coloured by what it means. */
function renderCheckChip(check: KeyCheckView, exchangeName: string) {
  const words = checkWords(check.result, exchangeName);
  const tone = words.tone === 'good' ? 'badge-good' : `badge-${words.tone}`;
  return (
    <span class={`badge check-chip ${tone}`} data-check={check.result.kind} title={words.text}>
      {words.short}
    </span>
  );
}

/** Keys a check can ask about: not a tampered record. */
function checkableIds(keys: readonly KeySummary[]): string[] {
  return keys.filter((key) => key.damaged === undefined).map((key) => key.id);
}

/** "Check all": progress while it runs, then what came back, and one prompt for the hosts still needed. */
function CheckAllBar({ keys, keyChecks }: { keys: readonly KeySummary[]; keyChecks: KeyChecks }) {
  const { checks, progress, error, waiting } = keyChecks;
  const done = Object.values(checks);
  const counts = { good: 0, info: 0, warn: 0, danger: 0 };
  for (const check of done) {
    const key = keys.find((candidate) => candidate.id === check.id);
    if (key) counts[checkWords(check.result, exchangeName(key.exchange)).tone]++;
  }
  return (
    <div class="check-all">
      <BusyButton
        type="button"
        class="btn btn-small"
        busy={progress !== null}
        busyLabel={progress ? t('listCheckingProgress', { done: progress.done, total: progress.total }) : t('listChecking')}
        onClick={() => void keyChecks.checkAll(checkableIds(keys))}
      >
        {t('listCheckAll')}
      </BusyButton>
      {progress === null && done.length > 0 ? (
        <p class="muted small" role="status">
          {counts.danger > 0
            ? t('listCheckSummaryUrgent', { checked: done.length, good: counts.good, info: counts.info, look: counts.warn + counts.danger, urgent: counts.danger })
            : t('listCheckSummary', { checked: done.length, good: counts.good, info: counts.info, look: counts.warn + counts.danger })}
        </p>
      ) : null}
      {waiting.origins.length > 0 && progress === null ? (
        <div class="callout callout-info" data-check="needs-permission">
          {waiting.origins.length === 1
            ? plural('listNeedsPermission', waiting.ids.length)
            : plural('listNeedsPermissionApis', waiting.ids.length, { apis: waiting.origins.length })}{' '}
          <button type="button" class="btn btn-small" onClick={() => void keyChecks.allowWaiting()}>
            {t('listAllowAndCheck')}
          </button>
        </div>
      ) : null}
      <ErrorAlert message={error} />
    </div>
  );
}
