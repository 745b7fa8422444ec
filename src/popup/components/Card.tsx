import type { ComponentChildren } from 'preact';

interface CardProps {
  /** The heading's id; the section is labelled by it, so landmarks read its title. */
  titleId: string;
  title: ComponentChildren;
  /** Further classes, e.g. "card-danger". */
  variant?: string;
  children: ComponentChildren;
}

/** A titled card section of a view. */
export function Card({ titleId, title, variant, children }: CardProps) {
  return (
    <section class={variant === undefined ? 'card' : `card ${variant}`} aria-labelledby={titleId}>
      <h2 id={titleId} class="card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
