import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

interface BusyButtonProps extends Omit<ButtonProps, 'disabled' | 'aria-busy'> {
  busy: boolean;
  disabled?: boolean;
  /** Shown instead of the children while busy, e.g. "Creating vault…". */
  busyLabel?: string;
  children: ComponentChildren;
}

/** A button that is disabled and marked aria-busy while its action runs. */
export function BusyButton({ busy, disabled, busyLabel, children, class: className, ...rest }: BusyButtonProps) {
  return (
    <button
      {...rest}
      class={`${typeof className === 'string' ? className : 'btn'}${busy ? ' is-busy' : ''}`}
      disabled={busy || disabled === true}
      aria-busy={busy ? 'true' : 'false'}
    >
      {busy ? <span class="spinner" aria-hidden="true" /> : null}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
