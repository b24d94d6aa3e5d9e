/**
 * The self-paced course on the open web: its pages, as routes the build
 * injects (src/integrations/course.ts). Inside an LMS package the same
 * pages run in the launch page's frame (src/modes/lms).
 */
import { defineMode } from '../contract';

export const read = defineMode({
  id: 'read',
  routes: [
    { pattern: '/', entrypoint: new URL('./pages/home.astro', import.meta.url) },
    { pattern: '/modules/[id]', entrypoint: new URL('./pages/module.astro', import.meta.url) },
    { pattern: '/summary', entrypoint: new URL('./pages/summary.astro', import.meta.url) },
    // Only a course with a final assessment has its page.
    { pattern: '/assessment', entrypoint: new URL('./pages/assessment.astro', import.meta.url), when: (course) => course.assessment !== null },
    { pattern: '/all', entrypoint: new URL('./pages/all.astro', import.meta.url) },
    // The outline every page's runtime shares (src/model/outline.ts): one file, not a copy in each page.
    { pattern: '/course-outline.json', entrypoint: new URL('./pages/outline.ts', import.meta.url) },
    // The reference matter, where the course has it (modules/glossary.yaml, modules/references.yaml).
    { pattern: '/glossary', entrypoint: new URL('./pages/glossary.astro', import.meta.url), when: (course) => course.glossary !== null },
    { pattern: '/references', entrypoint: new URL('./pages/references.astro', import.meta.url), when: (course) => course.references !== null },
  ],
});
