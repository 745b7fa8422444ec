import type { ComponentChildren, Ref } from 'preact';
import { ErrorAlert } from './Alert';
import { BusyButton } from './BusyButton';
import { Card } from './Card';

interface DeleteCardProps {
  /** What goes, in the buttons' words: "Delete key", "Delete record…". */
  noun: string;
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
export function DeleteCard({ noun, question, note, confirming, onAsk, onCancel, onConfirm, task, cancelRef, askRef }: DeleteCardProps) {
  return (
    <Card titleId="delete-title" title="Delete" variant="card-danger">
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="delete-question">
          <p id="delete-question" class="confirm-question">
            {question}
          </p>
          <ErrorAlert message={task.error} />
          <div class="form-actions">
            <BusyButton type="button" class="btn btn-danger" busy={task.busy} busyLabel="Deleting…" onClick={onConfirm}>
              Delete {noun}
            </BusyButton>
            <button type="button" class="btn" ref={cancelRef} onClick={onCancel} disabled={task.busy}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {note}
          <button type="button" class="btn btn-danger-outline" ref={askRef} onClick={onAsk}>
            Delete {noun}…
          </button>
        </>
      )}
    </Card>
  );
}
