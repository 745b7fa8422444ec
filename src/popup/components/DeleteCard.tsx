import type { ComponentChildren, Ref } from 'preact';
import { t } from '../../i18n';
import { ErrorAlert } from './Alert';
import { BusyButton } from './BusyButton';
import { Card } from './Card';

/**
 * What goes: a key, or a damaged record. A code from a fixed set, not a noun put into
 * "Delete …": each button is a whole message, since word order and the noun's form differ by
 * language.
 */
export type DeleteKind = 'key' | 'record';

/** The buttons' words: the confirming click, and the first one that asks (with "…"). */
const BUTTONS = {
  key: { confirm: () => t('commonDeleteKey'), ask: () => t('commonDeleteKeyAsk') },
  record: { confirm: () => t('commonDeleteRecord'), ask: () => t('commonDeleteRecordAsk') },
} satisfies Record<DeleteKind, { confirm: () => string; ask: () => string }>;

interface DeleteCardProps {
  /** What goes, which picks the buttons' words: "Delete key", "Delete record…". */
  kind: DeleteKind;
  /** The confirmation question, naming exactly what is deleted. */
  question: ComponentChildren;
  /** Said before the first click, where there is more to say than the button. */
  note?: ComponentChildren;
  confirming: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
  task: { busy: boolean; error: string | null };
  cancelRef: Ref<HTMLButtonElement>;
  askRef?: Ref<HTMLButtonElement>;
}

/** The danger card that deletes after a second, explicit confirmation. */
export function DeleteCard({ kind, question, note, confirming, onAsk, onCancel, onConfirm, task, cancelRef, askRef }: DeleteCardProps) {
  return (
    <Card titleId="delete-title" title={t('commonDeleteCardTitle')} variant="card-danger">
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="delete-question">
          <p id="delete-question" class="confirm-question">
            {question}
          </p>
          <ErrorAlert message={task.error} />
          <div class="form-actions">
            <BusyButton type="button" class="btn btn-danger" busy={task.busy} busyLabel={t('commonDeleting')} onClick={onConfirm}>
              {BUTTONS[kind].confirm()}
            </BusyButton>
            <button type="button" class="btn" ref={cancelRef} onClick={onCancel} disabled={task.busy}>
              {t('commonCancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {note}
          <button type="button" class="btn btn-danger-outline" ref={askRef} onClick={onAsk}>
            {BUTTONS[kind].ask()}
          </button>
        </>
      )}
    </Card>
  );
}
