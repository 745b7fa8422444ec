import type { ComponentChildren } from 'preact';
import { ErrorAlert } from './Alert';
import { BusyButton } from './BusyButton';

interface SubmitRowProps {
  error: string | null;
  busy: boolean;
  /** Shown on the button while the form's request runs, e.g. "Exporting…". */
  busyLabel: string;
  /** Said beside the button, e.g. that the change was saved. */
  aside?: ComponentChildren;
  children: ComponentChildren;
}

/** The end of a settings form: its error, then the submit button. */
export function SubmitRow({ error, busy, busyLabel, aside, children }: SubmitRowProps) {
  return (
    <>
      <ErrorAlert message={error} />
      <div class="form-actions">
        <BusyButton type="submit" class="btn btn-primary" busy={busy} busyLabel={busyLabel}>
          {children}
        </BusyButton>
        {aside}
      </div>
    </>
  );
}
