/**
 * Every URL the course builds, in one place: its pages, the anchors of
 * slides on them, the deck's slides and the packages. Paths are written from
 * the site root without a leading slash, as the build writes its files
 * (astro.config.mjs `build.format: 'file'`), and every link is made relative
 * to the page that holds it, at render time (`relativeTo`), so the site and
 * every package work served from any path (src/README.md "Every URL inside
 * the package is relative"). Pure; used by the build and in the browser.
 */

/** The folder of the built site that holds the packages; never packaged itself. */
export const PACKAGES_DIR = 'packages';

const enc = encodeURIComponent;

/** The site's pages and files, from the root. */
export const paths = {
  home: 'index.html',
  summary: 'summary.html',
  /** The final assessment. */
  assessment: 'assessment.html',
  /** The whole course on one page. */
  all: 'all.html',
  /** The glossary of the course's terms. */
  glossary: 'glossary.html',
  /** The works the course cites. */
  references: 'references.html',
  /** The presenter deck. */
  deck: 'present.html',
  /** The LMS packages' launch page. */
  lms: 'lms.html',
  favicon: 'favicon.svg',
  /** The course's logo (course.yaml brand.logo), under one name whatever the author called it: its type stays. */
  logo: (src: string) => `logo.${src.slice(src.lastIndexOf('.') + 1).toLowerCase()}`,
  /** The course outline every reader page and the launch page share (src/model/outline.ts), fetched once and cached. */
  outline: 'course-outline.json',
  /** The search's runtime, which the reader pages load when the learner searches; the index lies beside it (src/integrations/search.ts). */
  search: 'pagefind/pagefind.js',
  /** A module's reader page. */
  module: (moduleId: string) => `modules/${enc(moduleId)}.html`,
  /** A package zip for the LMS. */
  package: (courseId: string, standardId: string) => `${PACKAGES_DIR}/${packageFileName(courseId, standardId)}`,
} as const;

/** `<course id>-<standard id>.zip`, e.g. "rct-intro-scorm2004.zip". */
export const packageFileName = (courseId: string, standardId: string) => `${courseId}-${standardId}.zip`;

/** Where a slide is read: its module page, at the slide's section (which carries the slide id). */
export const slidePath = (slide: { readonly id: string; readonly moduleId: string }) => `${paths.module(slide.moduleId)}#${enc(slide.id)}`;

/** A slide in the deck: reveal.js (`hash: true`) opens `#/<id>` at the section of that id. */
export const deckSlidePath = (slideId: string) => `${paths.deck}#/${enc(slideId)}`;

/** A term's entry in the glossary. */
export const termPath = (termId: string) => `${paths.glossary}#${enc(`term-${termId}`)}`;

/** A work's entry in the references. */
export const referencePath = (referenceId: string) => `${paths.references}#${enc(`ref-${referenceId}`)}`;

/** A module's part of the whole-course page. */
export const moduleInAllPath = (moduleId: string) => `${paths.all}#module-${enc(moduleId)}`;

/** The home page's section for LMS administrators. */
export const lmsSectionPath = `${paths.home}#lms`;

/** Where the build publishes the videos and captions slides show: media/ plus their path under slides/. */
export const MEDIA_DIR = 'media';

/** The published path (from the site root) of `src`, written in the slide file `slideFile` (e.g. "slides/05-x.mdx"). */
export function mediaPath(slideFile: string, src: string): string {
  const parts = slideFile.split('/').slice(0, -1);
  for (const part of src.split(/[?#]/)[0]!.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  // The validator has made sure the file is under slides/.
  return [MEDIA_DIR, ...parts.slice(1)].join('/');
}

/** "../" once per folder between the page at `from` (a path from the root) and the root; "" at the root. */
export function toRoot(from: string): string {
  const path = from.replace(/[?#].*$/, '').replace(/^(?:\.?\/)+/, '');
  return '../'.repeat(path.split('/').length - 1);
}

/** The URL of `path` (from the site root) as written in the page at `from`: `relativeTo('modules/a.html', 'index.html')` is `../index.html`. */
export function relativeTo(from: string, path: string): string {
  return toRoot(from) + path;
}

/** Links for one page: `const link = linksFrom(paths.summary); link(paths.home)`. */
export const linksFrom =
  (from: string) =>
  (path: string): string =>
    relativeTo(from, path);
