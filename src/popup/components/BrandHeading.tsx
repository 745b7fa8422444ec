import type { ComponentChildren } from 'preact';

/** The heading of a full-popup view before the vault is open: Keyward's mark, then the title. */
export function BrandHeading({ titleId, icon, title }: { titleId: string; icon: ComponentChildren; title: string }) {
  return (
    <>
      <div class="brand-mark" aria-hidden="true">
        {icon}
      </div>
      <h1 id={titleId} class="view-title">
        {title}
      </h1>
    </>
  );
}
