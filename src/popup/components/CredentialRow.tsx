import type { CredentialField } from '../../core/records';
import { BusyButton } from './BusyButton';

interface CredentialRowProps {
  field: CredentialField;
  label: string;
  /** The revealed value, or undefined while hidden. Lives only in the detail view's state. */
  value: string | undefined;
  /** Shown while hidden so keys can be told apart, e.g. "…a1b2" for the API key. */
  maskedHint?: string;
  revealing: boolean;
  copying: boolean;
  /** Another credential action is running. */
  locked: boolean;
  /** "Copied — clears in 25 s", for this field only. */
  copyNote: string | null;
  onReveal: (field: CredentialField) => void;
  onHide: (field: CredentialField) => void;
  onCopy: (field: CredentialField) => void;
}

interface FieldActionProps {
  action: 'Reveal' | 'Copy';
  label: string;
  busy: boolean;
  locked: boolean;
  onClick: () => void;
  describedBy?: string;
}

/** An action on one credential, named with it for screen readers ("Copy Secret key"); off while locked. */
function FieldAction({ action, label, busy, locked, onClick, describedBy }: FieldActionProps) {
  return (
    <BusyButton
      type="button"
      class="btn btn-small"
      busy={busy}
      disabled={locked}
      onClick={onClick}
      aria-label={`${action} ${label}`}
      aria-describedby={describedBy}
    >
      {action}
    </BusyButton>
  );
}

/** One credential: masked by default, Reveal/Hide and Copy. */
export function CredentialRow({
  field,
  label,
  value,
  maskedHint,
  revealing,
  copying,
  locked,
  copyNote,
  onReveal,
  onHide,
  onCopy,
}: CredentialRowProps) {
  const inputId = `cred-${field}`;
  const noteId = `cred-${field}-note`;
  const shown = value !== undefined;
  return (
    <div class="cred">
      <div class="cred-head">
        <label for={shown ? inputId : undefined} id={`${inputId}-label`} class="cred-label">
          {label}
        </label>
        <div class="cred-actions">
          {shown ? (
            <button type="button" class="btn btn-small" onClick={() => onHide(field)} aria-label={`Hide ${label}`}>
              Hide
            </button>
          ) : (
            <FieldAction action="Reveal" label={label} busy={revealing} locked={locked} onClick={() => onReveal(field)} />
          )}
          <FieldAction action="Copy" label={label} busy={copying} locked={locked} onClick={() => onCopy(field)} describedBy={noteId} />
        </div>
      </div>
      {shown && value.includes('\n') ? (
        // A PEM private key keeps its lines.
        <textarea
          id={inputId}
          class="input mono cred-value"
          readOnly
          rows={Math.min(8, value.split('\n').length)}
          value={value}
          spellcheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : shown ? (
        <input
          id={inputId}
          class="input mono cred-value"
          type="text"
          readOnly
          value={value}
          autoComplete="off"
          spellcheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : (
        <p class="cred-masked">
          <span aria-hidden="true">••••••••••••</span>
          {maskedHint ? <span class="mono"> {maskedHint}</span> : null}
          <span class="visually-hidden"> hidden</span>
        </p>
      )}
      <p class="cred-note" id={noteId} role="status" aria-live="polite">
        {copyNote ?? ''}
      </p>
    </div>
  );
}
