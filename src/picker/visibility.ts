/**
 * Is this frame really seen? Chromium's IntersectionObserver v2 (trackVisibility) reports
 * isVisible false when the frame is covered, faded or transformed by the page around it: the
 * picker then refuses clicks. Browsers without it rely on the checks the content script makes.
 */
export function watchVisibility(element: Element, onChange: (visible: boolean) => void): () => void {
  type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };
  type V2Init = IntersectionObserverInit & { trackVisibility?: boolean; delay?: number };
  const init: V2Init = { threshold: [1], trackVisibility: true, delay: 100 };
  const observer = new IntersectionObserver((entries) => {
    const entry = entries.at(-1) as V2Entry | undefined;
    if (entry && entry.isVisible !== undefined) onChange(entry.isVisible);
  }, init);
  observer.observe(element);
  return () => observer.disconnect();
}
