import type { ComponentChildren } from 'preact';
import { PasswordInput, type PasswordInputProps } from './PasswordInput';
import { StrengthMeter } from './StrengthMeter';

/** What the control needs so assistive technology reads its hint, error and warnings with it. */
export interface FieldAria {
  describedBy: string | undefined;
  invalid: boolean;
}

interface FieldProps {
  /** The control's id; the label is bound to it and the other ids derive from it. */
  id: string;
  label: ComponentChildren;
  /** Beside the label, e.g. a Show button for a field that is not a PasswordInput. */
  labelAside?: ComponentChildren;
  /** Directly under the control and read with it (a strength meter); needs belowId. */
  below?: ComponentChildren;
  belowId?: string;
  hint?: ComponentChildren;
  hintId?: string;
  /** A problem that blocks saving; marks the control invalid. */
  error?: string | null | undefined;
  errorId?: string;
  /** Doubts the user may override; they mark the control invalid too. */
  warnings?: readonly string[];
  warningId?: string;
  /** An element outside the field that also describes the control. */
  describedBy?: string | undefined;
  /** Overrides the invalid state derived from error and warnings. */
  invalid?: boolean;
  /** Under everything else, not tied to the control. */
  after?: ComponentChildren;
  children: (aria: FieldAria) => ComponentChildren;
}

/** The attributes a control inside a Field takes from it, for controls that are not PasswordInputs. */
export function controlAria(aria: FieldAria) {
  return { 'aria-invalid': aria.invalid ? ('true' as const) : undefined, 'aria-describedby': aria.describedBy };
}

/** Joins the ids that are present, in reading order; undefined when none is. */
function describe(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

/** A labelled control with its hint, error and warnings, wired by id. */
export function Field({
  id,
  label,
  labelAside,
  below,
  belowId,
  hint,
  hintId = `${id}-hint`,
  error,
  errorId = `${id}-error`,
  warnings = [],
  warningId = `${id}-warning`,
  describedBy,
  invalid,
  after,
  children,
}: FieldProps) {
  const hasHint = hint !== undefined && hint !== null;
  const hasError = typeof error === 'string' && error !== '';
  const warned = warnings.length > 0;
  const aria: FieldAria = {
    describedBy: describe(hasHint && hintId, belowId, hasError && errorId, warned && warningId, describedBy),
    invalid: invalid ?? (hasError || warned),
  };
  const labelEl = <label for={id}>{label}</label>;
  return (
    <div class="field">
      {labelAside === undefined ? (
        labelEl
      ) : (
        <div class="label-row">
          {labelEl}
          {labelAside}
        </div>
      )}
      {children(aria)}
      {below}
      {hasHint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {warned ? (
        <ul class="field-warning" id={warningId}>
          {warnings.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {after}
    </div>
  );
}

type PasswordFieldProps = Omit<FieldProps, 'children' | 'below' | 'belowId'> &
  Omit<PasswordInputProps, 'describedBy' | 'invalid'> & {
    /** Shows a strength meter of the value under the input, with this id. */
    strengthId?: string;
  };

/** A Field around a PasswordInput, optionally with a strength meter. */
export function PasswordField({
  id,
  strengthId,
  value,
  onInput,
  autoComplete,
  inputRef,
  required,
  disabled,
  what,
  mono,
  name,
  ...field
}: PasswordFieldProps) {
  const input = { id, value, onInput, autoComplete, inputRef, required, disabled, what, mono, name };
  return (
    <Field
      id={id}
      {...field}
      belowId={strengthId}
      below={strengthId === undefined ? undefined : <StrengthMeter password={value} id={strengthId} />}
    >
      {(aria) => <PasswordInput {...input} describedBy={aria.describedBy} invalid={aria.invalid} />}
    </Field>
  );
}
