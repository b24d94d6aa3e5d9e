/**
 * The course's colours (course.yaml `brand`) as the custom properties the
 * modes' styles read: one small rule set in the page head, so a new course
 * changes its look without touching the builder's CSS.
 */
import type { CourseData } from '../model/schema';

// Doubled selectors: the rule sits in the head before the modes' stylesheets, and must win over their defaults wherever they load.
export function brandCss(brand: CourseData['brand']): string {
  const rules: string[] = [];
  if (brand?.accent) rules.push(`:root:root{--accent:${brand.accent};--chart-bar:${brand.accent}}.reveal-viewport.reveal-viewport{--deck-accent:${brand.accent}}`);
  if (brand?.accentDark) rules.push(`@media (prefers-color-scheme: dark){:root:root{--accent:${brand.accentDark};--chart-bar:${brand.accentDark}}}`);
  return rules.join('');
}
