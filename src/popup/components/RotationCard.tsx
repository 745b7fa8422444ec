import { useState } from 'preact/hooks';
import type { KeySummary } from '../../core/records';
import { request } from '../api';
import { formatDate } from '../format';
import { useAlive, useTask } from '../hooks';
import { t } from '../../i18n';
import { leadThen, part, withParts } from '../message-parts';
import { ErrorAlert } from './Alert';
import { BusyButton } from './BusyButton';
import { Card } from './Card';

interface RotationCardProps {
  keySummary: KeySummary;
  name: string;
  apiPageUrl: string | undefined;
  /** Every key in the vault: the successor is chosen among them. */
  keys: readonly KeySummary[];
  onChanged: (key: KeySummary) => void;
  /** Asks the detail's own delete question (the old key is gone on the exchange). */
  onDelete: () => void;
}

/** Keys that can succeed `old`: same exchange, usable, current, itself excluded; newest first. */
export function successorCandidates(old: KeySummary, keys: readonly KeySummary[]): KeySummary[] {
  return keys
    .filter((key) => key.id !== old.id && key.exchange === old.exchange && key.damaged === undefined && !key.retired)
    .sort((a, b) => b.createdAt - a.createdAt);
}

function keyName(key: KeySummary): string {
  return t('rotateKeyName', { label: key.label || t('unnamedKey'), tail: key.apiKeyTail, date: formatDate(key.createdAt) });
}

/**
 * The rotation helper: create the successor on the exchange (captured as usual), name it here,
 * fill it on each platform the old key is bound to, then delete the old key on the exchange and
 * in Keyward. Until that last step the old key is kept, marked retired and filled nowhere.
 */
export function RotationCard({ keySummary: key, name, apiPageUrl, keys, onChanged, onDelete }: RotationCardProps) {
  const alive = useAlive();
  const task = useTask();
  const candidates = successorCandidates(key, keys);
  const [chosen, setChosen] = useState(candidates[0]?.id ?? '');
  const successor = key.retired ? keys.find((candidate) => candidate.id === key.retired?.successorId) : undefined;

  const retire = async (): Promise<void> => {
    const result = await task.run(() => request('keys.retire', { id: key.id, successorId: chosen }));
    if (result.ok && alive.current) onChanged(result.value.key);
  };
  const undo = async (): Promise<void> => {
    const result = await task.run(() => request('keys.unretire', { id: key.id }));
    if (result.ok && alive.current) onChanged(result.value.key);
  };
  const apiLink = apiPageUrl ? (
    <a href={apiPageUrl} target="_blank" rel="noopener noreferrer">
      {t('rotateApiManagementLink', { exchange: name })}
    </a>
  ) : (
    t('rotateApiManagement', { exchange: name })
  );

  if (key.retired) {
    const bound = new Set(successor?.bindings.map((binding) => binding.platformHost) ?? []);
    return (
      <Card titleId="rotate-title" title={t('rotateTitleRetired')}>
        <div class="callout callout-info" data-rotation="retired">
          {leadThen(
            <strong>{t('rotateRetired', { date: formatDate(key.retired.at) })}</strong>,
            successor ? t('rotateReplacedBy', { key: keyName(successor) }) : t('rotateReplacedByGone'),
          )}
        </div>
        {key.bindings.length > 0 ? (
          <>
            <p class="small">{t('rotateFillNewKey')}</p>
            <ul class="bindings">
              {key.bindings.map((binding) => (
                <li key={`${binding.platformHost}|${binding.boundAt}`} class="binding">
                  <a href={`https://${binding.platformHost}/`} target="_blank" rel="noopener noreferrer">
                    {binding.platformHost}
                  </a>
                  <span class="muted small"> {bound.has(binding.platformHost) ? t('rotateNewKeyBound') : t('rotateNotYet')}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p class="small">{withParts(t('rotateThenDelete', { link: part(0) }), [apiLink])}</p>
        <div class="form-actions">
          <button type="button" class="btn btn-danger" onClick={onDelete}>
            {t('rotateDeletedOn', { exchange: name })}
          </button>
          <BusyButton type="button" class="btn" busy={task.busy} onClick={() => void undo()}>
            {t('rotateUndo')}
          </BusyButton>
        </div>
        <ErrorAlert message={task.error} />
      </Card>
    );
  }

  return (
    <Card titleId="rotate-title" title={t('rotateTitle')}>
      <ol class="small steps">
        <li>{withParts(t('rotateStepCreate', { link: part(0) }), [apiLink])}</li>
        <li>{t('rotateStepChoose')}</li>
        <li>{t('rotateStepFill', { exchange: name })}</li>
      </ol>
      {candidates.length === 0 ? (
        <p class="muted small">{t('rotateNoCandidates', { exchange: name })}</p>
      ) : (
        <div class="form-actions">
          <label for="successor" class="visually-hidden">
            {t('rotateSuccessor')}
          </label>
          <select id="successor" class="input" value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {keyName(candidate)}
              </option>
            ))}
          </select>
          <BusyButton type="button" class="btn" busy={task.busy} disabled={chosen === ''} onClick={() => void retire()}>
            {t('rotateReplace')}
          </BusyButton>
        </div>
      )}
      <ErrorAlert message={task.error} />
    </Card>
  );
}
