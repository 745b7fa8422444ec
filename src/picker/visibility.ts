/**
 * Is this frame really seen? Chromium's IntersectionObserver v2 (trackVisibility) reports
 * isVisible false when the frame is covered, faded or transformed by the page around it. Where
 * the browser gives no answer (Firefox), `null`: the picker then treats itself as not seen and
 * hands the choice to Keyward's window. Fail closed: until the first answer, not seen either.
 */
export type Seen = boolean | null;

export function watchVisibility(element: Element, onChange: (seen: Seen) => void): () => void {
  type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };
  type V2Init = IntersectionObserverInit & { trackVisibility?: boolean; delay?: number };
  if (typeof IntersectionObserver === 'undefined') {
    onChange(null);
    return () => undefined;
  }
  const init: V2Init = { threshold: [1], trackVisibility: true, delay: 100 };
  const observer = new IntersectionObserver((entries) => {
    const entry = entries.at(-1) as V2Entry | undefined;
    if (!entry) return;
    onChange(typeof entry.isVisible === 'boolean' ? entry.isVisible : null);
  }, init);
  observer.observe(element);
  return () => observer.disconnect();
}
