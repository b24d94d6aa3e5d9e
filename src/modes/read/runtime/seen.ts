/**
 * A slide counts as seen once it has been on screen: half of it visible, or,
 * for a slide taller than the window, half the window filled by it. Each
 * slide seen is reported once; the latest one becomes the bookmark.
 */
export function watchSlides(slides: HTMLElement[], onSeen: (slideId: string) => void): () => void {
  if (!('IntersectionObserver' in window)) {
    // Without the observer nothing can tell what was on screen; count what the page shows.
    for (const s of slides) if (s.dataset.slide) onSeen(s.dataset.slide);
    return () => {};
  }
  const reported = new Set<string>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.slide;
        if (!id || reported.has(id) || !entry.isIntersecting) continue;
        const viewport = entry.rootBounds?.height ?? window.innerHeight;
        const visible = entry.intersectionRect.height;
        if (entry.intersectionRatio >= 0.5 || visible >= viewport * 0.5) {
          reported.add(id);
          observer.unobserve(entry.target);
          onSeen(id);
        }
      }
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  for (const s of slides) observer.observe(s);
  return () => observer.disconnect();
}
