/**
 * Astro content collections over the author's files. The schemas are the
 * same ones the course validator uses (src/model/schema.ts); cross-file rules
 * (ids, membership, embeds) run in src/integrations/course.ts before the
 * build writes anything.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseSchema, moduleSchema, slideSchema } from './model/schema';

// Tests build fixture courses by pointing COURSE_ROOT elsewhere.
const root = process.env.COURSE_ROOT ?? '.';

export const collections = {
  /** One MDX file per slide; the entry id is the slide's frontmatter id. */
  slides: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${root}/slides`, generateId: ({ data }) => String(data.id) }),
    schema: slideSchema,
  }),
  /** One YAML file per module, ordered by its NN- prefix (any number of digits). */
  modules: defineCollection({
    loader: glob({ pattern: '[0-9]*-*.{yaml,yml}', base: `${root}/modules` }),
    schema: moduleSchema,
  }),
  /** modules/course.yaml. */
  course: defineCollection({
    loader: glob({ pattern: 'course.{yaml,yml}', base: `${root}/modules` }),
    schema: courseSchema,
  }),
};
