import type { CredentialField } from '../../core/records';
import { t } from '../../i18n';
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

/** Each action's button text, and its name for screen readers with the field's ("Copy Secret key"). */
const ACTIONS = {
  reveal: { text: () => t('commonReveal'), named: (name: string) => t('commonRevealNamed', { name }) },
  copy: { text: () => t('commonCopy'), named: (name: string) => t('commonCopyNamed', { name }) },
} as const;

interface FieldActionProps {
  action: keyof typeof ACTIONS;
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
      aria-label={ACTIONS[action].named(label)}
      aria-describedby={describedBy}
    >
      {ACTIONS[action].text()}
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
            <button type="button" class="btn btn-small" onClick={() => onHide(field)} aria-label={t('commonHideNamed', { name: label })}>
              {t('commonHide')}
            </button>
          ) : (
            <FieldAction action="reveal" label={label} busy={revealing} locked={locked} onClick={() => onReveal(field)} />
          )}
          <FieldAction action="copy" label={label} busy={copying} locked={locked} onClick={() => onCopy(field)} describedBy={noteId} />
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
          <span class="visually-hidden"> {t('commonValueHidden')}</span>
        </p>
      )}
      <p class="cred-note" id={noteId} role="status" aria-live="polite">
        {copyNote ?? ''}
      </p>
    </div>
  );
}
