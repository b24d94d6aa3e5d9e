/**
 * Astro's content collection over the author's slides, for one thing only:
 * compiling each slide's MDX body (getEntry + render in the modes' slide
 * components). Everything else about the course (frontmatter, modules,
 * course.yaml, assessment.yaml) is read and checked by the course model
 * (src/model/load.ts, validate.ts), the one contract, before the build
 * writes anything; a second schema here would only repeat its errors, in
 * worse words, and under `npm run dev` would keep a broken slide out of the
 * store (and out of the live reload) instead of letting the model say what
 * is wrong.
 */
import { defineCollection } from 'astro:content';
import { courseRoot } from './model/course-root';
import { renameSafeGlob } from './integrations/rename-safe-glob';

export const collections = {
  /** One MDX file per slide; the entry id is the slide's frontmatter id (the file name while it has none). */
  slides: defineCollection({
    loader: renameSafeGlob({
      pattern: '*.mdx',
      base: `${courseRoot()}/slides`,
      generateId: ({ data, entry }) => (typeof data.id === 'string' && data.id ? data.id : entry),
    }),
  }),
};
