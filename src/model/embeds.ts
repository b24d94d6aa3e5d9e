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
export const embedNames = Object.keys(embeds) as EmbedName[];
export const isEmbedName = (name: string): name is EmbedName => Object.hasOwn(embeds, name);

/** What `<Name id>` shows. The validator has made sure it exists, so a miss is a bug in the builder, not an authoring mistake. */
export function embedded<N extends EmbedName>(course: CourseModel, name: N, id: string): NonNullable<ReturnType<(typeof embeds)[N]['find']>> {
  const found = embeds[name].find(course, id) as ReturnType<(typeof embeds)[N]['find']> | undefined;
  if (found === undefined || found === null) throw new Error(`<${name} id="${id}" />: not in the course model (the validator should have reported it)`);
  return found as NonNullable<ReturnType<(typeof embeds)[N]['find']>>;
}
