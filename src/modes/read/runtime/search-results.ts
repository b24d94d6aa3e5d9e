/**
 * From Pagefind's page hits to the reader's results: one result per part of
 * a page that matched (a slide's section, a glossary term, a reference),
 * each linked, relative to the page the learner is on, to that part's
 * anchor. The parts are the elements the build marked
 * `data-pagefind-title` (src/modes/read/SlideSection.astro, the glossary
 * and references pages), which Pagefind lists among a page's anchors with
 * that title; a match before the first part (a module's objectives) links
 * to the page. Excerpts are plain words and marks, never HTML. Pure.
 */
import { relativeTo } from '../../../site/urls';

/** An element with an id on an indexed page, as Pagefind records it (`location`: its first word's index). */
export interface IndexAnchor {
  element: string;
  id: string;
  text?: string;
  /** Its `data-pagefind-title`: set on the parts a result can link to. */
  title?: string;
  location: number;
}

/** What Pagefind's `result.data()` gives for one page (the fields read here). */
export interface PageHit {
  /** From the site root, e.g. "/modules/why-relationships.html". */
  url: string;
  meta: { title?: string };
  /** The page's indexed text; `locations` index its whitespace-separated words. */
  content: string;
  raw_content?: string;
  locations: number[];
  anchors: IndexAnchor[];
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface SearchResult {
  /** Relative to the page the learner is on. */
  href: string;
  /** The part's title (the slide, the term, the work), or the page's when the match is outside any part. */
  title: string;
  /** The page's title, when it is not the result's own. */
  page: string | null;
  excerpt: ExcerptPart[];
  /** How many of the query's matches fall in this part (results are ordered by it, within Pagefind's page order). */
  matches: number;
}

/** The matches of a page grouped by the part they fall in, the part with most matches first (ties: the earlier). */
export function partsOf(hit: PageHit): Array<{ anchor: IndexAnchor | null; locations: number[] }> {
  const parts = hit.anchors.filter((a) => a.title !== undefined && a.title.trim() !== '').sort((a, b) => a.location - b.location);
  const groups = new Map<IndexAnchor | null, number[]>();
  for (const location of [...hit.locations].sort((a, b) => a - b)) {
    let owner: IndexAnchor | null = null;
    for (const part of parts) {
      if (part.location > location) break;
      owner = part;
    }
    groups.set(owner, [...(groups.get(owner) ?? []), location]);
  }
  return [...groups].map(([anchor, locations]) => ({ anchor, locations })).sort((a, b) => b.locations.length - a.locations.length || a.locations[0]! - b.locations[0]!);
}

/**
 * About `length` words of `content` around the first of `locations`, the
 * matched words marked, starting no earlier than the word `from` (the
 * part's first: an excerpt shows its own part, not the end of the one before).
 */
export function excerptAround(content: string, locations: readonly number[], length = 24, from = 0): ExcerptPart[] {
  const words = content.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const first = Math.min(...locations, words.length - 1);
  const start = Math.max(0, from, Math.min(first - Math.floor(length / 3), words.length - length));
  const end = Math.min(words.length, start + length);
  const marked = new Set(locations);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let i = start; i < end; i++) {
    // A phrase matched word for word is one mark.
    if (i > start) push(' ', marked.has(i - 1) && marked.has(i));
    push(words[i]!, marked.has(i));
  }
  if (end < words.length) push(' …', false);
  return parts;
}

/** `url` (Pagefind's, from the site root) at the anchor `id`, as a link written in the page at `from`. */
export function resultHref(from: string, url: string, id?: string): string {
  const path = url.replace(/^[^/]*\/\/[^/]*/, '').replace(/^\/+/, '').replace(/#.*$/, '');
  return relativeTo(from, id ? `${path}#${encodeURIComponent(id)}` : path);
}

export interface ResultOptions {
  /** How many words the query has: a part with fewer matches than that (one word of "controlling images") is left out while another part of the page has them all. */
  words?: number;
  limit?: number;
}

/** The results for `hits` (in Pagefind's order), at most `limit`, linked from the page at `from`. */
export function searchResults(from: string, hits: readonly PageHit[], { words = 1, limit = 20 }: ResultOptions = {}): SearchResult[] {
  const results: SearchResult[] = [];
  for (const hit of hits) {
    const page = hit.meta.title ?? hit.url;
    const content = hit.raw_content ?? hit.content;
    const parts = partsOf(hit);
    const enough = Math.min(words, parts[0]?.locations.length ?? 0);
    for (const { anchor, locations } of parts) {
      if (locations.length < enough) continue;
      results.push({
        href: resultHref(from, hit.url, anchor?.id),
        title: anchor?.title ?? page,
        page: anchor ? page : null,
        excerpt: excerptAround(content, locations, 24, anchor?.location ?? 0),
        matches: locations.length,
      });
    }
  }
  return results.slice(0, limit);
}
