/**
 * What the deck shows, in order, derived from the course model (pure; build
 * time and tests). The deck is not the course's slide list copied:
 *
 * - the title slides open it, then an **agenda** of the modules;
 * - each module starts with a **divider** carrying its objectives;
 * - a **recap** of the modules comes before the closing slides;
 * - a slide whose frontmatter says `deck: { show: false }` is left out (it
 *   stays in the reader and the LMS): polls are spaced so that the session is
 *   not a quiz (see `pollSpacing` and the agenda's notes);
 * - each slide gets one **layout**, from what it holds (title, closing, poll,
 *   pause, chart) or what its `deck` field asks (compare, quote), and one
 *   credit line: the seed's copyright on the seed's slides (and on a slide
 *   that continues one: a dense seed slide split in two keeps its title),
 *   the course's own credit on everything added.
 *
 * Generated slides are built from the model, so they follow the modules;
 * their ids start with `deck-` and may not collide with a slide id.
 */
import type { CourseModel, ModuleModel, SlideModel } from '../../model/course';

export type Layout = 'title' | 'agenda' | 'divider' | 'content' | 'compare' | 'quote' | 'chart' | 'poll' | 'pause' | 'recap' | 'closing';

/** Whose words a slide carries: the seed deck's (its copyright) or this course's. */
export type Credit = 'seed' | 'course';

interface Common {
  /** The section id, and so the slide's URL: present.html#/<id>. */
  id: string;
  layout: Layout;
  credit: Credit;
  /** Speaking time in seconds (the speaker view's pacing timer). */
  seconds: number;
  /** The module the slide belongs to (generated slides: the module they introduce, or none). */
  moduleId: string | undefined;
}

export interface AuthoredSlide extends Common {
  type: 'slide';
  slide: SlideModel;
  /** compare: the earlier slide shown beside this one. */
  beside?: SlideModel;
}

export interface AgendaSlide extends Common {
  type: 'agenda';
  /** Each module with the deck's minutes for it (its divider and its slides in the deck). */
  modules: Array<{ module: ModuleModel; minutes: number }>;
}

export interface DividerSlide extends Common {
  type: 'divider';
  module: ModuleModel;
}

export interface RecapSlide extends Common {
  type: 'recap';
  modules: ModuleModel[];
}

export type DeckSlide = AuthoredSlide | AgendaSlide | DividerSlide | RecapSlide;

/** Speaking time of the generated slides, in seconds. */
export const GENERATED_SECONDS = { agenda: 60, divider: 30, recap: 120 } as const;

export const AGENDA_ID = 'deck-agenda';
export const RECAP_ID = 'deck-recap';
export const dividerId = (moduleId: string) => `deck-module-${moduleId}`;

/** True when the deck shows this slide (`deck.show` is not false). */
export const inDeck = (slide: SlideModel) => slide.deck?.show !== false;

/** What a slide's own layout is, from its kind, its embeds and its `deck` field. */
export function layoutOf(slide: SlideModel): Layout {
  if (slide.kind === 'title') return 'title';
  if (slide.kind === 'closing') return 'closing';
  if (slide.checks.length > 0) return 'poll';
  if (slide.reflections.length > 0) return 'pause';
  if (slide.charts.length > 0) return 'chart';
  if (slide.deck?.beside) return 'compare';
  if (slide.deck?.layout === 'quote') return 'quote';
  return 'content';
}

/**
 * The seed slide a slide carries: its own `seedSlide`, or, for a slide that
 * continues the one before it (same module, same title: a dense seed slide
 * split in two), that slide's.
 */
export function seedOf(course: CourseModel, slide: SlideModel): number | undefined {
  if (slide.seedSlide !== undefined) return slide.seedSlide;
  const i = course.slides.indexOf(slide);
  const before = i > 0 ? course.slides[i - 1] : undefined;
  return before && before.moduleId === slide.moduleId && before.title === slide.title ? seedOf(course, before) : undefined;
}

function authored(course: CourseModel, slide: SlideModel): AuthoredSlide {
  const layout = layoutOf(slide);
  const entry: AuthoredSlide = {
    type: 'slide',
    id: slide.id,
    slide,
    layout,
    credit: seedOf(course, slide) === undefined ? 'course' : 'seed',
    seconds: Math.round(slide.notes.minutes * 60),
    moduleId: slide.moduleId,
  };
  const besideId = slide.deck?.beside;
  if (besideId !== undefined) {
    const beside = course.slides.find((s) => s.id === besideId);
    if (!beside || course.slides.indexOf(beside) >= course.slides.indexOf(slide))
      throw new Error(`${slide.file}: deck.beside names "${besideId}", which is no earlier slide: name a slide before this one`);
    if (beside.checks.length + beside.reflections.length + beside.charts.length + beside.videos.length > 0)
      throw new Error(`${slide.file}: deck.beside names "${besideId}", which embeds a check, reflection or chart: only text can be shown twice`);
    entry.beside = beside;
  }
  return entry;
}

/** The deck's slides, in order. Throws when a generated id collides with a slide id. */
export function deckPlan(course: CourseModel): DeckSlide[] {
  const shown = course.slides.filter(inDeck);
  const titles = shown.filter((s) => s.kind === 'title');
  const closings = shown.filter((s) => s.kind === 'closing');
  const body = shown.filter((s) => s.kind === 'content');

  const modules = course.modules.map((module) => {
    const slides = body.filter((s) => s.moduleId === module.id).map((s) => authored(course, s));
    const divider: DividerSlide = { type: 'divider', id: dividerId(module.id), layout: 'divider', credit: 'course', seconds: GENERATED_SECONDS.divider, moduleId: module.id, module };
    return { module, slides: [divider, ...slides] };
  });
  const agenda: AgendaSlide = {
    type: 'agenda',
    id: AGENDA_ID,
    layout: 'agenda',
    credit: 'course',
    seconds: GENERATED_SECONDS.agenda,
    moduleId: undefined,
    modules: modules.map(({ module, slides }) => ({ module, minutes: Math.round(slides.reduce((t, s) => t + s.seconds, 0) / 60) })),
  };
  const recap: RecapSlide = { type: 'recap', id: RECAP_ID, layout: 'recap', credit: 'course', seconds: GENERATED_SECONDS.recap, moduleId: undefined, modules: course.modules };

  const plan: DeckSlide[] = [
    ...titles.map((s) => authored(course, s)),
    agenda,
    ...modules.flatMap((m) => m.slides),
    recap,
    ...closings.map((s) => authored(course, s)),
  ];
  const ids = new Set(course.slides.map((s) => s.id));
  for (const entry of plan)
    if (entry.type !== 'slide' && ids.has(entry.id)) throw new Error(`a slide has the id "${entry.id}", which the deck gives its generated ${entry.type} slide: rename the slide`);
  return plan;
}

/** A slide of the deck that asks the room a question. */
export function isPoll(entry: DeckSlide): entry is AuthoredSlide {
  return entry.type === 'slide' && entry.layout === 'poll';
}

/**
 * How the polls are spaced: the deck's polls, the checks it leaves to the
 * reader and the LMS, and the fewest slides between two polls in the deck.
 */
export function pollSpacing(course: CourseModel, plan: readonly DeckSlide[]): { inDeck: string[]; leftOut: string[]; minGap: number } {
  const inPlan = new Set(plan.flatMap((e) => (e.type === 'slide' ? [e.slide.id] : [])));
  const positions = plan.flatMap((e, i) => (isPoll(e) ? [i] : []));
  const gaps = positions.slice(1).map((p, i) => p - (positions[i] ?? 0) - 1);
  return {
    inDeck: course.checks.filter((c) => inPlan.has(c.slideId)).map((c) => c.check.id),
    leftOut: course.checks.filter((c) => !inPlan.has(c.slideId)).map((c) => c.check.id),
    minGap: gaps.length > 0 ? Math.min(...gaps) : Infinity,
  };
}

/** Minutes the deck takes, by its slides' timings. */
export const deckMinutes = (plan: readonly DeckSlide[]) => Math.round(plan.reduce((t, s) => t + s.seconds, 0) / 60);
