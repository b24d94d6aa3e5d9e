/** WCAG 2.2 contrast between two sRGB colours written #rrggbb (1.4.3: 4.5:1 for text). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The pages' light and dark backgrounds a brand colour must read against (src/modes/read/styles.css, present/styles.css). */
export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#141214';
