import { describe, expect, it } from 'vitest';
import { SCREEN_MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../../../src/modes/present/runtime/config';
import { REFLOW_SCALE, slideSizeFor } from '../../../../src/modes/present/runtime/zoom';

/** Text on screen, in CSS px, for a slide of `size` in a window of w × h (reveal's own scale rule). */
const textPx = (w: number, h: number, px = 34) => {
  const size = slideSizeFor(w, h);
  const scale = Math.min((w * (1 - SCREEN_MARGIN)) / size.width, (h * (1 - SCREEN_MARGIN)) / size.height);
  return px * scale;
};

describe('slideSizeFor', () => {
  it('keeps the 1280 × 720 slide on screens and projectors from 1024 × 768 up', () => {
    for (const [w, h] of [[1280, 720], [1920, 1080], [1024, 768], [1366, 768], [3840, 2160]] as const)
      expect(slideSizeFor(w, h), `${w}×${h}`).toEqual({ width: SLIDE_WIDTH, height: SLIDE_HEIGHT, reflow: false });
  });

  it('gives a zoomed-in window a smaller slide at the same scale floor, so text grows with zoom', () => {
    // A 1280 × 720 window at 200% and 400% zoom is 640 × 360 and 320 × 180 CSS px.
    for (const [w, h] of [[640, 360], [320, 180], [390, 844]] as const) {
      const size = slideSizeFor(w, h);
      expect(size.reflow, `${w}×${h}`).toBe(true);
      expect(Math.min((w * (1 - SCREEN_MARGIN)) / size.width, (h * (1 - SCREEN_MARGIN)) / size.height)).toBeGreaterThanOrEqual(REFLOW_SCALE - 0.01);
    }
    // On the device: CSS px × zoom. At 100% 34 px text is 32.6 px; at 200% and 400% it grows.
    const at100 = textPx(1280, 720);
    expect(textPx(640, 360) * 2).toBeGreaterThan(at100 * 1.5);
    expect(textPx(320, 180) * 4).toBeGreaterThan(at100 * 3);
  });
});
