/**
 * A slide counts as seen once it has been on screen: half of it visible, or,
 * for a slide taller than the window, half the window filled by it. A slide
 * is reported each time it comes on screen so (not only the first time), so
 * the bookmark is the slide the learner last brought into view, wherever
 * they scrolled: back up to a check, then on to the end, it is the end.
 */
export function watchSlides(slides: HTMLElement[], onSeen: (slideId: string) => void): () => void {
  if (!('IntersectionObserver' in window)) {
    // Without the observer nothing can tell what was on screen; count what the page shows.
    for (const s of slides) if (s.dataset.slide) onSeen(s.dataset.slide);
    return () => {};
  }
  /** The slides on screen now (by the rule above): one is reported again only after it has left. */
  const onScreen = new Set<string>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.slide;
        if (!id) continue;
        const viewport = entry.rootBounds?.height ?? window.innerHeight;
        const shown = entry.isIntersecting && (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= viewport * 0.5);
        if (!shown) onScreen.delete(id);
        else if (!onScreen.has(id)) {
          onScreen.add(id);
          onSeen(id);
        }
      }
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  for (const s of slides) observer.observe(s);
  return () => observer.disconnect();
}
