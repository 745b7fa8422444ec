/** An error near where it happened, announced by screen readers. Renders nothing without text. */
export function ErrorAlert({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p class="alert alert-error" role="alert" id={id}>
      {message}
    </p>
  );
}

/** A quiet success or progress note, announced politely. Always mounted so updates are read. */
export function StatusNote({ message, id }: { message: string | null | undefined; id?: string }) {
  return (
    <p class={message ? 'status-note' : 'status-note empty'} role="status" aria-live="polite" id={id}>
      {message ?? ''}
    </p>
  );
}
