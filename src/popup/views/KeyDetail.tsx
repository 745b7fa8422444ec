import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Binding, CredentialField, KeySummary } from '../../core/records';
import { request } from '../api';
import { ErrorAlert, StatusNote } from '../components/Alert';
import { BusyButton } from '../components/BusyButton';
import { CredentialRow } from '../components/CredentialRow';
import { Field } from '../components/Field';
import { DeleteCard } from '../components/DeleteCard';
import { ViewHead } from '../components/ViewHead';
import { exchangeDefinition, exchangeName } from '../exchange-info';
import { ageDays, capturedWhileLockedNote, describeAge, formatDate, formatDateTime, needsRotation } from '../format';
import { useAlive, useEscape, useFocusOnMount, useNow, useReadyMarker, useTask } from '../hooks';
import { Card } from '../components/Card';
import { CheckPanel } from '../components/CheckPanel';
import { RotationCard } from '../components/RotationCard';
import type { KeyCheckView } from '../../protocol/views';
import { KeyDeadlines } from '../components/Deadlines';
import { fieldName } from '../check-words';
import { leadThen, part, withParts } from '../message-parts';
import { plural, t } from '../../i18n';

interface KeyDetailProps {
  keySummary: KeySummary;
  rotationDays: number;
  onBack: () => void;
  onChanged: (key: KeySummary) => void;
  onDeleted: (id: string) => void;
  /** This key's last check with its exchange in this popup. */
  check?: KeyCheckView;
  onChecked?: (check: KeyCheckView) => void;
  onCheckApplied?: (key: KeySummary) => void;
  /** Every key in the vault, for choosing a successor in a rotation. */
  keys?: readonly KeySummary[];
}

/** The delete confirmation names the key so the user knows exactly what goes. */
function deleteQuestion(key: KeySummary): string {
  return t('detailDeleteQuestion', { exchange: exchangeName(key.exchange), label: key.label || t('unnamedKey'), tail: key.apiKeyTail });
}

/** One permission and its state, said in words as well as colour. */
function PermissionItem({ name, on, onClass = 'perm on' }: { name: string; on: boolean; onClass?: string }) {
  return (
    <li class={on ? onClass : 'perm off'}>
      {name} <span class="perm-state">{on ? t('detailPermOn') : t('detailPermOff')}</span>
    </li>
  );
}

function bindingId(binding: Binding): string {
  return `${binding.platformHost}|${binding.boundAt}`;
}

/**
 * One key: a usable one, or a record that failed its integrity check. Two components, so a key
 * whose state changes on a reload is drawn afresh rather than through the other's hooks.
 */
export function KeyDetail(props: KeyDetailProps) {
  return props.keySummary.damaged !== undefined ? <DamagedKeyDetail {...props} /> : <UsableKeyDetail {...props} />;
}

/**
 * A record that failed its integrity check. Nothing in it is shown as data (it may be planted):
 * only the exchange its clear part names, when it was stored, why it is refused, and delete.
 */
function DamagedKeyDetail({ keySummary: key, onBack, onDeleted }: KeyDetailProps) {
  const name = exchangeName(key.exchange);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useFocusOnMount(headingRef);
  useReadyMarker('detail');
  const [confirming, setConfirming] = useState(false);
  const deleteTask = useTask();
  useLayoutEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  useEscape(() => {
    if (confirming) setConfirming(false);
    else onBack();
  });
  const confirmDelete = async (): Promise<void> => {
    const result = await deleteTask.run(() => request('keys.delete', { id: key.id }));
    if (result.ok) onDeleted(key.id);
  };

  return (
    <main class="view view-detail" aria-labelledby="detail-title">
      <ViewHead
        titleId="detail-title"
        title={t('detailTamperedTitle')}
        sub={t('detailTamperedSub', { exchange: name })}
        onBack={onBack}
        headingRef={headingRef}
      />

      <div class="callout callout-danger" role="alert">
        {leadThen(<strong>{t('detailTamperedLead')}</strong>, t('detailTamperedText', { reason: key.damaged ?? '' }))}
      </div>
      <p class="muted small">{t('detailTamperedAdvice', { exchange: name })}</p>

      <Card titleId="info-title" title={t('detailRecordSays')}>
        <dl class="facts">
          <dt>{t('detailExchange')}</dt>
          <dd>{name}</dd>
          <dt>{t('detailStored')}</dt>
          <dd>
            <span title={formatDateTime(key.createdAt)}>{formatDate(key.createdAt)}</span>
          </dd>
        </dl>
      </Card>

      <DeleteCard
        kind="record"
        question={t('detailDeleteTampered', { exchange: name })}
        confirming={confirming}
        onAsk={() => setConfirming(true)}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void confirmDelete()}
        task={deleteTask}
        cancelRef={cancelRef}
      />
    </main>
  );
}

/**
 * A usable key. Revealed credentials live only in this component's state: leaving the view
 * unmounts it and drops them; hiding the page (popup closed, tab switched) hides them too.
 */
function UsableKeyDetail({ keySummary: key, rotationDays, onBack, onChanged, onDeleted, check, onChecked, onCheckApplied, keys = [] }: KeyDetailProps) {
  const exchange = exchangeDefinition(key.exchange);
  const name = exchangeName(key.exchange);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cancelDeleteRef = useRef<HTMLButtonElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  const alive = useAlive();
  useFocusOnMount(headingRef);
  useReadyMarker('detail');

  // Credentials ------------------------------------------------------------------------------
  const [revealed, setRevealed] = useState<Partial<Record<CredentialField, string>>>({});
  const [credBusy, setCredBusy] = useState<{ field: CredentialField; action: 'reveal' | 'copy' } | null>(null);
  const [copied, setCopied] = useState<{ field: CredentialField; until: number } | null>(null);
  const credTask = useTask();
  useNow(copied !== null && copied.until > Date.now());
  const copySecondsLeft = copied ? Math.ceil((copied.until - Date.now()) / 1000) : 0;

  useEffect(() => {
    const hide = (): void => {
      if (document.visibilityState === 'hidden') setRevealed({});
    };
    document.addEventListener('visibilitychange', hide);
    return () => document.removeEventListener('visibilitychange', hide);
  }, []);

  const reveal = async (field: CredentialField): Promise<void> => {
    setCredBusy({ field, action: 'reveal' });
    const result = await credTask.run(() => request('keys.reveal', { id: key.id, field }));
    if (!alive.current) return;
    setCredBusy(null);
    if (result.ok) setRevealed((prev) => ({ ...prev, [field]: result.value.value }));
  };
  const hide = (field: CredentialField): void => {
    setRevealed((prev) => {
      const next = { ...prev };
      delete next[field];
      return next;
    });
  };
  const copy = async (field: CredentialField): Promise<void> => {
    setCredBusy({ field, action: 'copy' });
    const result = await credTask.run(() => request('keys.copy', { id: key.id, field }));
    if (!alive.current) return;
    setCredBusy(null);
    if (result.ok) setCopied({ field, until: Date.now() + result.value.clearsAfterSeconds * 1000 });
  };

  const labels = {
    apiKey: exchange?.credentials.apiKeyLabel ?? t('detailApiKey'),
    secret: exchange?.credentials.secretLabel ?? t('detailSecretKey'),
    passphrase: t('detailPassphrase'),
  } satisfies Record<CredentialField, string>;
  const fields: CredentialField[] = ['apiKey', 'secret'];
  if (exchange?.credentials.passphrase === true || revealed.passphrase) fields.push('passphrase');

  // Details form -----------------------------------------------------------------------------
  const [label, setLabel] = useState(key.label);
  const [account, setAccount] = useState(key.account);
  const [notes, setNotes] = useState(key.notes);
  const [saved, setSaved] = useState(false);
  const saveTask = useTask();
  const patch: { label?: string; account?: string; notes?: string } = {};
  if (label.trim() !== key.label) patch.label = label.trim();
  if ((account.trim() || 'main') !== key.account) patch.account = account.trim() || 'main';
  if (notes.trim() !== key.notes.trim()) patch.notes = notes.trim();
  const dirty = Object.keys(patch).length > 0;

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!dirty) return;
    setSaved(false);
    const result = await saveTask.run(() => request('keys.update', { id: key.id, patch }));
    if (!result.ok || !alive.current) return;
    const updated = result.value.key;
    setLabel(updated.label);
    setAccount(updated.account);
    setNotes(updated.notes);
    setSaved(true);
    onChanged(updated);
  };

  // Bindings ---------------------------------------------------------------------------------
  const [removing, setRemoving] = useState<string | null>(null);
  const bindingTask = useTask();
  const removeBinding = async (binding: Binding): Promise<void> => {
    setRemoving(bindingId(binding));
    const result = await bindingTask.run(() =>
      request('keys.removeBinding', { id: key.id, platformHost: binding.platformHost, boundAt: binding.boundAt }),
    );
    if (!alive.current) return;
    setRemoving(null);
    if (result.ok) onChanged(result.value.key);
  };

  // Delete -----------------------------------------------------------------------------------
  const [confirming, setConfirming] = useState(false);
  const deleteTask = useTask();
  useLayoutEffect(() => {
    if (confirming) cancelDeleteRef.current?.focus();
  }, [confirming]);
  const cancelDelete = (): void => {
    setConfirming(false);
    deleteTask.setError(null);
    // Back to the button that opened the question.
    requestAnimationFrame(() => deleteButtonRef.current?.focus());
  };
  const confirmDelete = async (): Promise<void> => {
    const result = await deleteTask.run(() => request('keys.delete', { id: key.id }));
    if (result.ok) onDeleted(key.id);
  };

  useEscape(() => {
    if (confirming) cancelDelete();
    else onBack();
  });

  const now = Date.now();
  const rotate = needsRotation(key.createdAt, now, rotationDays);
  const perms = key.permissions;

  return (
    <main class="view view-detail" aria-labelledby="detail-title">
      <ViewHead
        titleId="detail-title"
        title={key.label || t('unnamedKey')}
        titleClass={key.label ? 'view-title' : 'view-title unnamed'}
        sub={
          <>
            {name}
            {key.account && key.account !== 'main' ? ` · ${key.account}` : ''}
            <span class="mono"> · …{key.apiKeyTail}</span>
          </>
        }
        onBack={onBack}
        headingRef={headingRef}
      />

      {key.capturedWhileLocked ? (
        <div class="callout callout-warn">
          {leadThen(<strong>{capturedWhileLockedNote(key.capturedWhileLocked)}</strong>, t('detailCapturedAdvice', { exchange: name }))}
        </div>
      ) : null}
      {key.risk.withdraw ? (
        <div class="callout callout-danger">
          {leadThen(<strong>{t('detailWithdrawLead')}</strong>, t('detailWithdrawText', { exchange: name }))}
        </div>
      ) : null}
      {key.risk.noIpWhitelist ? (
        <div class="callout callout-warn">
          {leadThen(<strong>{t('detailNoIpLead')}</strong>, t('detailNoIpText', { exchange: name }))}
        </div>
      ) : null}
      {rotate ? (
        <div class="callout callout-info">
          {leadThen(
            <strong>{t('detailRotateLead')}</strong>,
            plural('detailRotateText', ageDays(key.createdAt, now), { days: rotationDays, exchange: name }),
          )}
        </div>
      ) : null}
      {exchange?.apiPageUrl && (key.risk.withdraw || key.risk.noIpWhitelist || rotate) ? (
        <p class="callout-link">
          <a href={exchange.apiPageUrl} target="_blank" rel="noopener noreferrer">
            {t('detailOpenApiManagement', { exchange: name })}
          </a>
        </p>
      ) : null}

      <KeyDeadlines keySummary={key} now={now} />
      <Card titleId="cred-title" title={t('detailCredentials')}>
        {fields.map((field) => (
          <CredentialRow
            key={field}
            field={field}
            label={labels[field]}
            value={revealed[field]}
            maskedHint={field === 'apiKey' ? `…${key.apiKeyTail}` : undefined}
            revealing={credBusy?.field === field && credBusy.action === 'reveal'}
            copying={credBusy?.field === field && credBusy.action === 'copy'}
            locked={credBusy !== null}
            copyNote={
              copied?.field === field && copySecondsLeft > 0 ? t('detailCopiedClears', { seconds: copySecondsLeft }) : null
            }
            onReveal={(f) => void reveal(f)}
            onHide={hide}
            onCopy={(f) => void copy(f)}
          />
        ))}
        <ErrorAlert message={credTask.error} />
      </Card>

      <Card titleId="perm-title" title={t('detailPermissions')}>
        {perms === null ? (
          <p class="muted">{t('detailPermsUnknown', { exchange: name })}</p>
        ) : (
          <>
            <ul class="perm-list">
              <PermissionItem name={fieldName('read')} on={perms.read} />
              <PermissionItem name={fieldName('trade')} on={perms.trade} />
              {/* Only where the exchange showed futures apart from Trade: absent is unknown, not off. */}
              {perms.futures === undefined ? null : (
                <PermissionItem name={fieldName('futures')} on={perms.futures} />
              )}
              <PermissionItem name={fieldName('withdraw')} on={perms.withdraw} onClass="perm on perm-danger" />
              <PermissionItem name={fieldName('transfer')} on={perms.transfer} onClass="perm on perm-caution" />
            </ul>
            {perms.labels.length > 0 ? (
              <p class="muted small">{t('detailAsExchangeShows', { exchange: name, labels: perms.labels.join(', ') })}</p>
            ) : null}
          </>
        )}

        <h3 class="card-subtitle">{fieldName('ipWhitelist')}</h3>
        {key.ipWhitelist === null ? (
          <p class="muted">{t('detailIpUnknown')}</p>
        ) : key.ipWhitelist.length === 0 ? (
          <p class="risk-text risk-warn">{t('detailIpNone')}</p>
        ) : (
          <ul class="ip-list">
            {key.ipWhitelist.map((ip) => (
              <li class="mono" key={ip}>
                {ip}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <CheckPanel
        keySummary={key}
        name={name}
        check={check}
        onChecked={(next) => onChecked?.(next)}
        onApplied={(updated) => (onCheckApplied ?? onChanged)(updated)}
      />

      <RotationCard
        keySummary={key}
        name={name}
        apiPageUrl={exchange?.apiPageUrl}
        keys={keys}
        onChanged={onChanged}
        onDelete={() => setConfirming(true)}
      />

      <Card titleId="bind-title" title={t('detailBoundTitle')}>
        {key.bindings.length === 0 ? (
          <p class="muted">{t('detailNotBound')}</p>
        ) : (
          <ul class="bindings">
            {key.bindings.map((binding) => (
              <li key={bindingId(binding)} class="binding">
                <span class="binding-text">
                  <span class="binding-host">{binding.platformHost}</span>
                  <span class="muted small"> {t('detailBoundSince', { date: formatDate(binding.boundAt) })}</span>
                </span>
                <BusyButton
                  type="button"
                  class="btn btn-small"
                  busy={removing === bindingId(binding)}
                  disabled={removing !== null}
                  onClick={() => void removeBinding(binding)}
                  aria-label={t('detailRemoveBinding', { host: binding.platformHost })}
                >
                  {t('detailRemove')}
                </BusyButton>
              </li>
            ))}
          </ul>
        )}
        <ErrorAlert message={bindingTask.error} />
      </Card>

      <Card titleId="details-title" title={t('detailDetailsTitle')}>
        <form class="form" onSubmit={save}>
          <div class="field">
            <label for="detail-label">{t('detailLabel')}</label>
            <input
              id="detail-label"
              class="input"
              value={label}
              placeholder={t('detailLabelPlaceholder')}
              onInput={(e) => {
                setLabel(e.currentTarget.value);
                setSaved(false);
              }}
              autoComplete="off"
            />
          </div>
          <Field id="detail-account" label={t('detailAccount')} hint={t('detailAccountHint')}>
            {(aria) => (
              <input
                id="detail-account"
                class="input"
                value={account}
                aria-describedby={aria.describedBy}
                onInput={(e) => {
                  setAccount(e.currentTarget.value);
                  setSaved(false);
                }}
                autoComplete="off"
              />
            )}
          </Field>
          <div class="field">
            <label for="detail-notes">{t('detailNotes')}</label>
            <textarea
              id="detail-notes"
              class="input"
              rows={3}
              value={notes}
              onInput={(e) => {
                setNotes(e.currentTarget.value);
                setSaved(false);
              }}
            />
          </div>
          <ErrorAlert message={saveTask.error} />
          <div class="form-actions">
            <BusyButton type="submit" class="btn btn-primary" busy={saveTask.busy} disabled={!dirty} busyLabel={t('detailSaving')}>
              {t('detailSave')}
            </BusyButton>
            <StatusNote message={saved && !dirty ? t('detailSaved') : null} />
          </div>
        </form>
      </Card>

      <Card titleId="info-title" title={t('detailHistory')}>
        <dl class="facts">
          <dt>{t('detailSource')}</dt>
          <dd>
            {key.source.kind === 'capture'
              ? withParts(t('detailCapturedAt', { url: part(0) }), [<span class="mono break">{key.source.url}</span>])
              : key.source.kind === 'manual'
                ? t('detailAddedByHand')
                : t('detailImported')}
          </dd>
          <dt>{t('detailCreated')}</dt>
          <dd>
            <span title={formatDateTime(key.createdAt)}>{formatDate(key.createdAt)}</span>{' '}
            <span class="muted">{t('detailAge', { age: describeAge(key.createdAt, now) })}</span>
          </dd>
          <dt>{t('detailRotation')}</dt>
          <dd>
            {rotate ? (
              <span class="badge badge-info">{plural('detailRotateBadge', rotationDays)}</span>
            ) : (
              plural('detailReminderAfter', rotationDays)
            )}
          </dd>
        </dl>
      </Card>

      <DeleteCard
        kind="key"
        question={deleteQuestion(key)}
        note={<p class="muted small">{t('detailDeleteNote', { exchange: name })}</p>}
        confirming={confirming}
        onAsk={() => setConfirming(true)}
        onCancel={cancelDelete}
        onConfirm={() => void confirmDelete()}
        task={deleteTask}
        cancelRef={cancelDeleteRef}
        askRef={deleteButtonRef}
      />
    </main>
  );
}
