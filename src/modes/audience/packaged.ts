/**
 * The phones' page belongs to the room, not to the course: the LMS packages
 * leave out audience.html and every asset only it uses (its script and
 * styles), and keep what other pages share. Pure: the built site's HTML in,
 * the paths to leave out. Build time (src/integrations/course.ts).
 */
import { AUDIENCE_PAGE } from './protocol';

/** The `_astro/…` assets an HTML page references (relative, from any folder depth), by path from the site root. */
export function assetsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/(?:src|href)\s*=\s*["']?(?:\.\.?\/)*(_astro\/[^"'\s>]+)/g)].map((m) => m[1] as string))];
}

const utf8 = new TextDecoder();
const html = (file: { data: Uint8Array }) => utf8.decode(file.data);

/** What the packages leave out of the built site (each file's path from the site root and its bytes). */
export function notPackaged(site: ReadonlyArray<{ path: string; data: Uint8Array }>): string[] {
  const page = site.find((f) => f.path === AUDIENCE_PAGE);
  if (!page) return [];
  const used = new Set(site.filter((f) => f.path !== AUDIENCE_PAGE && f.path.endsWith('.html')).flatMap((f) => assetsOf(html(f))));
  return [AUDIENCE_PAGE, ...assetsOf(html(page)).filter((a) => !used.has(a))];
}
