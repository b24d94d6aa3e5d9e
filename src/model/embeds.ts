/**
 * The components an author may embed in a slide without importing them:
 * each one's name, the frontmatter list that defines what it shows, and how
 * the course model finds that item. The validator (what a slide may embed,
 * each defined item embedded exactly once) and every mode's component map
 * (src/modes/<mode>/components.ts, checked by the compiler to cover every
 * name) are built from this list. Pure; browser-safe.
 */
import { findChart, findCheck, findReflection, findVideo, type CourseModel } from './course';
import type { SlideData } from './schema';

export const embeds = {
  KnowledgeCheck: {
    key: 'checks',
    ids: (slide: SlideData) => slide.checks.map((c) => c.id),
    find: findCheck,
  },
  Reflection: {
    key: 'reflections',
    ids: (slide: SlideData) => slide.reflections.map((r) => r.id),
    find: findReflection,
  },
  Chart: {
    key: 'charts',
    ids: (slide: SlideData) => slide.charts.map((c) => c.id),
    find: findChart,
  },
  Video: {
    key: 'videos',
    ids: (slide: SlideData) => slide.videos.map((v) => v.id),
    find: findVideo,
  },
} as const satisfies Record<string, { key: keyof SlideData; ids(slide: SlideData): string[]; find(course: CourseModel, id: string): unknown }>;

export type EmbedName = keyof typeof embeds;

/**
 * The components that mark up the slide's own prose rather than show an item
 * the frontmatter defines; each mode decides what they are:
 * - `<Explain>…</Explain>`: teaching text for the learner who reads alone
 *   (what the presenter would say), shown by the reader and the LMS
 *   packages, left out of the projected deck.
 * - `<Term id="…">words</Term>`: words the glossary (modules/glossary.yaml)
 *   defines; a link to the entry in the reader, plain words in the deck.
 */
export const proseNames = ['Explain', 'Term'] as const;
export type ProseName = (typeof proseNames)[number];
export const isProseName = (name: string): name is ProseName => (proseNames as readonly string[]).includes(name);
export const embedNames = Object.keys(embeds) as EmbedName[];
export const isEmbedName = (name: string): name is EmbedName => Object.hasOwn(embeds, name);

/** What `<Name id>` shows. The validator has made sure it exists, so a miss is a bug in the builder, not an authoring mistake. */
export function embedded<N extends EmbedName>(course: CourseModel, name: N, id: string): NonNullable<ReturnType<(typeof embeds)[N]['find']>> {
  const found = embeds[name].find(course, id) as ReturnType<(typeof embeds)[N]['find']> | undefined;
  if (found === undefined || found === null) throw new Error(`<${name} id="${id}" />: not in the course model (the validator should have reported it)`);
  return found as NonNullable<ReturnType<(typeof embeds)[N]['find']>>;
}
