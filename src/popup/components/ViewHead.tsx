import type { ComponentChildren, Ref } from 'preact';
import { t } from '../../i18n';
import { BackIcon } from './Icons';

interface ViewHeadProps {
  titleId: string;
  title: ComponentChildren;
  /** The line under the title (exchange, account, why the view exists). */
  sub?: ComponentChildren;
  onBack: () => void;
  /** Given where the view moves focus to its heading on open; the heading is then focusable. */
  headingRef?: Ref<HTMLHeadingElement>;
  titleClass?: string;
}

/** A sub-view's head: the way back to the key list, then the title the view is labelled by. */
export function ViewHead({ titleId, title, sub, onBack, headingRef, titleClass = 'view-title' }: ViewHeadProps) {
  return (
    <div class="view-head">
      <button type="button" class="btn btn-ghost btn-icon" onClick={onBack} aria-label={t('commonBackToKeys')} title={t('commonBackEsc')}>
        <BackIcon />
      </button>
      <div class="view-head-text">
        <h1 id={titleId} class={titleClass} tabIndex={headingRef ? -1 : undefined} ref={headingRef}>
          {title}
        </h1>
        {sub === undefined ? null : <p class="view-sub">{sub}</p>}
      </div>
    </div>
  );
}
