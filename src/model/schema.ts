/**
 * The author's contract: what a slide, a module and the course may say.
 *
 * These zod schemas are read by the course validator
 * (src/model/validate.ts), which runs before the build writes anything.
 * Every field carries a JSDoc line because this file is also the authoring
 * reference (README "Authoring").
 *
 * Messages name what to do, not only what is wrong: the build prints them
 * next to the file and the field.
 */
import { contrast, DARK_BACKGROUND, LIGHT_BACKGROUND } from './colour';
import { z } from 'astro/zod';
import { checkTypeNames, questionTypes, type Check } from '../questions/registry';
import { fieldKit, idSchema, text } from './fields';

export { idSchema } from './fields';

// ---------------------------------------------------------------------------
// Knowledge checks: one schema per question type (src/questions/<type>/schema.ts)
// ---------------------------------------------------------------------------

type Variant = Parameters<typeof z.discriminatedUnion>[1][number];
/**
 * Each type's schema, built from the shared field kit. The contract types
 * them as `ZodType<its check>`; they are strict objects with a literal
 * `type`, which is what a discriminated union takes (the casts say so once,
 * here). The registry has already tied each schema to its own `type`.
 */
const variants = Object.values(questionTypes).map((t) => t.schema(fieldKit) as unknown as Variant);

/** A knowledge check; `type` selects its shape (src/questions/registry.ts lists the types). */
export const checkSchema = z.discriminatedUnion('type', variants as [Variant, ...Variant[]], {
  error: `has an unknown type: use one of ${checkTypeNames.join(', ')}`,
}) as unknown as z.ZodType<Check>;

// ---------------------------------------------------------------------------
// Reflections and charts
// ---------------------------------------------------------------------------

/** A reflection prompt: the learner writes; nothing is scored. */
export const reflectionSchema = z.strictObject({
  /** Reflection id, unique across the course (kebab-case). */
  id: idSchema,
  /** The question the learner reflects on. */
  prompt: text('the reflection prompt'),
  /** Optional follow-up question shown under the prompt, in italics. */
  hint: z.string().trim().min(1).optional(),
  /**
   * `true` keeps the learner's text on their device (and in the download) only: it is never sent
   * to an LMS, neither as an interaction nor in the saved state. Use it for a prompt about the
   * learner's identity or private life, which an LMS would show to its administrators.
   */
  private: z.boolean({ error: 'must be true or false' }).default(false),
});

/** One bar of a chart. */
export const chartDatumSchema = z.strictObject({
  /** Category label, as read in the chart and in its data table. */
  label: text('the bar label'),
  /** Value in the chart's unit. */
  value: z.number({ error: 'must be a number' }).nonnegative(),
});

/** A chart drawn from data as SVG, always with its data table as the text equivalent. */
export const chartSchema = z.strictObject({
  /** Chart id, unique across the course; embed with <Chart id="..." />. */
  id: idSchema,
  /** Chart title, also the table caption. */
  title: text('the chart title'),
  /** Unit of the values, e.g. "%". */
  unit: z.string().default(''),
  /** Name of the value column in the data table, e.g. "Improvement (%)". */
  valueLabel: text('a name for the value column, e.g. "Improvement (%)"'),
  /** Name of the label column in the data table, e.g. "Therapeutic factor". */
  categoryLabel: text('a name for the category column, e.g. "Therapeutic factor"'),
  /** The data, in display order. */
  data: z.array(chartDatumSchema).min(1, { error: 'needs at least one data point' }),
  /** Where the data comes from, as a citation. */
  source: text('the source of the data, as a citation'),
});

/** A video file next to the slide, always with captions; it never plays by itself. */
export const videoSchema = z.strictObject({
  /** Video id, unique across the course; embed with <Video id="..." />. */
  id: idSchema,
  /** What the video shows, as its accessible name (and for the deck's speaker). */
  title: text('what the video shows, e.g. "Judith Jordan on mutuality (3 min)"'),
  /** The video file, from this slide's folder: an .mp4 or .webm next to the slide or in a folder under slides/. */
  src: z
    .string({ error: 'is missing: name the video file next to the slide, e.g. src: interview.mp4' })
    .regex(/^[^/?#][^?#]*\.(mp4|webm)$/i, { error: 'must be an .mp4 or .webm file next to the slide (a path from the slide, e.g. media/interview.mp4)' }),
  /** Its captions (WebVTT, required): a .vtt file next to the slide that starts with WEBVTT. */
  captions: z
    .string({ error: 'is missing: every video needs captions (WCAG 1.2.2); add captions: interview.vtt, a WebVTT file next to the slide' })
    .regex(/^[^/?#][^?#]*\.vtt$/i, { error: 'must be a WebVTT (.vtt) file next to the slide, e.g. captions: interview.vtt' }),
  /** The captions' language (BCP 47); the course's language when omitted. */
  captionsLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'must be a language tag such as en or fr-CA' }).optional(),
});

// ---------------------------------------------------------------------------
// Slides
// ---------------------------------------------------------------------------

/** Speaker notes: written for the presenter, in our own words. */
export const notesSchema = z.strictObject(
  {
    /** What to say: the presenter's script, plain paragraphs separated by blank lines. */
    say: text('what the presenter says on this slide'),
    /** Suggested speaking time in minutes. */
    minutes: z
      .number({ error: 'is missing: give the suggested speaking time in minutes, e.g. minutes: 2' })
      .positive()
      .max(60),
  },
  { error: 'are missing: add notes: { say: "...", minutes: 2 } for the presenter' },
);

/** The frontmatter of one slide file (slides/NN-name.mdx). */
export const slideSchema = z.strictObject({
  /** Slide id, unique across the course (kebab-case); modules list slides by it. */
  id: idSchema,
  /** Slide title: the heading in every mode. */
  title: text('the slide title'),
  /** What the slide is: `title` for the opening slide, `closing` for the last, `content` otherwise. (Not `layout`: Astro reserves that frontmatter key.) */
  kind: z.enum(['title', 'content', 'closing']).default('content'),
  /** Speaker notes for the presenter. */
  notes: notesSchema,
  /** Number of this slide in the original deck (seed), for traceability; omit for new slides. */
  seedSlide: z.number().int().positive().optional(),
  /** Each correction made to the seed's text on this slide, e.g. a typo fixed. */
  edits: z.array(z.string().trim().min(1)).default([]),
  /** Knowledge checks defined on this slide; embed each with <KnowledgeCheck id="..." />. */
  checks: z.array(checkSchema).default([]),
  /** Reflection prompts defined on this slide; embed each with <Reflection id="..." />. */
  reflections: z.array(reflectionSchema).default([]),
  /** Charts defined on this slide; embed each with <Chart id="..." />. */
  charts: z.array(chartSchema).default([]),
  /** Videos shown on this slide, each with its captions; embed each with <Video id="..." />. */
  videos: z.array(videoSchema).default([]),
  /** How the presenter deck shows this slide; the reader and the LMS ignore it (src/modes/present/deck.ts). */
  deck: z
    .strictObject({
      /** `false` leaves the slide out of the deck; it stays in the reader and the LMS (e.g. a check the room need not answer aloud, so polls are spaced). */
      show: z.boolean().optional(),
      /** Id of an earlier slide without embeds whose text the deck shows beside this one, in two columns: a comparison. */
      beside: idSchema.optional(),
      /** `quote`: the deck sets the body as quotations, large. */
      layout: z.enum(['quote']).optional(),
    })
    .optional(),
});

// ---------------------------------------------------------------------------
// Modules and the course
// ---------------------------------------------------------------------------

/** A learning objective: starts with an observable verb. */
export const objectiveSchema = z.strictObject({
  /** Objective id, unique across the course; checks name it in `assesses.objective`. */
  id: idSchema,
  /** The objective, starting with an observable verb ("Explain…", "Identify…"), without "Learners will". */
  text: text('the objective, starting with an observable verb'),
  /**
   * How the objective is assessed. `assessment` (the default): by questions of the final
   * assessment (modules/assessment.yaml), at least one per objective. `reflection`: by the
   * module's reflection prompts, never scored (an objective about the learner's own life,
   * "Relate … to people who contributed to your growth", has no right answer).
   */
  assessedBy: z.enum(['assessment', 'reflection'], { error: 'must be "assessment" or "reflection"' }).default('assessment'),
});

/** A module file (modules/NN-name.yaml); NN orders the modules, as a number (any number of digits). */
export const moduleSchema = z.strictObject({
  /** Module id, unique across the course (kebab-case); part of the module page's URL. */
  id: idSchema,
  /** Module title. */
  title: text('the module title'),
  /** One or two sentences for the course home: what the learner will get from this module. */
  summary: text('a one-sentence summary of the module'),
  /** 2 to 4 learning objectives. */
  objectives: z
    .array(objectiveSchema)
    .min(2, { error: 'needs 2 to 4 learning objectives' })
    .max(4, { error: 'has more than 4 objectives: split the module' }),
  /** Slide ids, in order. Every slide belongs to exactly one module. */
  slides: z.array(idSchema).min(1, { error: 'lists no slides: name at least one slide id' }),
});

/** A person or organization credited as author. */
export const authorSchema = z.strictObject({
  /** Name as credited. */
  name: text('the author name'),
  /** Degrees or credentials, e.g. "Ph.D.". */
  credentials: z.string().trim().min(1).optional(),
  /** `person` or `organization`. */
  kind: z.enum(['person', 'organization']).default('person'),
  /** Affiliation line(s), e.g. "at the Stone Center". */
  affiliation: z.string().trim().min(1).optional(),
});

/** modules/course.yaml: the course as a whole. */
export const courseSchema = z.strictObject({
  /** Course id (kebab-case): names the SCORM packages and namespaces learner storage. */
  id: idSchema,
  /** Course title. */
  title: text('the course title'),
  /** Subtitle. */
  subtitle: z.string().trim().min(1).optional(),
  /** Short description for the course home and the LMS catalogue. */
  description: text('a short description of the course'),
  /** Keywords for the LMS catalogue (the packages' LOM general.keyword), one idea each, at most 40. */
  keywords: z
    .array(text('a keyword, or remove the empty entry'))
    .max(40, { error: 'has more than 40 keywords, the most an LMS must keep (IEEE LOM 1.5): keep the 40 that matter most' })
    .refine((list) => new Set(list.map((k) => k.toLowerCase())).size === list.length, {
      error: 'lists a keyword twice: give each keyword once',
    })
    .optional(),
  /** Content version (semver); a new version starts a new learner record in the LMS. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be semver, e.g. "1.0.0"' }),
  /** Language of the content, a BCP 47 tag such as "en" or "en-US". */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'must be a BCP 47 tag such as "en"' }),
  /** Authors, people then organizations, as credited on the title slide. */
  authors: z.array(authorSchema).min(1, { error: 'needs at least one author' }),
  /** Copyright or credit line, e.g. "Jean Baker Miller Training Institute 2003". */
  copyright: z.string().trim().min(1).optional(),
  /** What was written for this edition, beside the copyright on every reader page, e.g. "Notes, questions and teaching text written for this edition". */
  credit: z.string().trim().min(1).optional(),
  /** Score needed to pass the final assessment (`assessment`), in percent. Practice checks are never scored. */
  masteryScore: z.number().int().min(0).max(100).default(80),
  /** Estimated time to complete, in minutes. */
  durationMinutes: z.number({ error: 'is missing: estimate the minutes a learner needs, e.g. durationMinutes: 45' }).int().positive(),
  /**
   * How the final assessment is taken; its questions are in modules/assessment.yaml. Without
   * it the course has practice checks only, and no score.
   */
  assessment: z
    .strictObject({
      /** Questions drawn for each attempt from the pool (at most half the pool, so two attempts differ). */
      draw: z.number({ error: 'is missing: say how many questions each attempt draws, e.g. draw: 12' }).int().positive(),
      /** Attempts a learner has; the LMS hears "failed" only when all are used below the mastery score. */
      attempts: z.number().int().min(1).max(10, { error: 'is more than 10: a learner who needs more should revisit the modules' }).default(3),
      /** Which attempt's score counts: the best one (default) or the last one. */
      keep: z.enum(['best', 'last'], { error: 'must be "best" or "last"' }).default('best'),
      /** A time limit per attempt, in minutes; none by default. The learner can always extend it (WCAG 2.2.1). */
      timeLimitMinutes: z.number().int().positive().optional(),
    })
    .optional(),
  /** The course's own look: its accent colours and its favicon. Without it, the builder's purple and icon. */
  brand: z
    .strictObject({
      /** Links, buttons, headings' accents and chart bars on the light pages (#rrggbb, at least 4.5:1 against white, which it also carries as button text). */
      accent: brandColour(LIGHT_BACKGROUND, 'white'),
      /** The same on the dark colour scheme (#rrggbb, at least 4.5:1 against the dark background, #141214). */
      accentDark: brandColour(DARK_BACKGROUND, 'the dark background (#141214)'),
      /** An SVG icon for browser tabs, a path from the course folder, e.g. favicon.svg. */
      favicon: z
        .string()
        .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.svg$/, { error: 'must be an .svg file inside the course folder, written from it, e.g. favicon.svg' })
        .optional(),
      /** The course's logo, on the reader's header, the LMS launch page and the deck's title slide. */
      logo: z
        .strictObject({
          /** An SVG, PNG or WebP image, a path from the course folder, e.g. logo.svg. */
          src: z
            .string({ error: 'is missing: name the image, a path from the course folder, e.g. src: logo.svg' })
            .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png|webp)$/i, { error: 'must be an .svg, .png or .webp file inside the course folder, written from it, e.g. logo.svg' }),
          /** What the logo says, for readers who cannot see it: usually the organisation's name. */
          alt: z
            .string({ error: 'is missing: say what the logo shows, usually the organisation\'s name, e.g. alt: Example Garden Club' })
            .trim()
            .min(1, { error: 'is empty: say what the logo shows, usually the organisation\'s name' }),
        })
        .optional(),
    })
    .optional(),
  /** How the deck may be driven. */
  present: z
    .strictObject({
      /**
       * Origins besides the deck's own whose windows may drive it by postMessage (reveal.js's API: a
       * presenter console, a remote), each scheme://host[:port], e.g. https://console.example.org.
       * Default: none, the deck obeys its own origin only.
       */
      controlOrigins: z.array(origin()).optional(),
    })
    .optional(),
});

/** scheme://host[:port] and nothing more: https anywhere, http only on this machine. */
function origin() {
  return z.string().refine(isOrigin, {
    error: (issue) =>
      `"${String(issue.input)}" is not an origin: write scheme://host[:port] with nothing after it, e.g. https://console.example.org (http only for localhost or 127.0.0.1)`,
  });
}

function isOrigin(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return (url.protocol === 'https:' || (url.protocol === 'http:' && local)) && url.origin === text;
}

/** A #rrggbb colour that reads as text on `background` (WCAG 1.4.3). */
function brandColour(background: string, named: string) {
  return z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb, e.g. "#1f5f8b" (quote it: YAML reads # as a comment)' })
    .refine((hex) => contrast(hex, background) >= 4.5, {
      error: (issue) => `has a contrast of ${contrast(String(issue.input), background).toFixed(2)}:1 against ${named}, below the 4.5:1 text needs (WCAG 1.4.3): use a ${background === LIGHT_BACKGROUND ? 'darker' : 'lighter'} shade`,
    })
    .optional();
}

/** The final assessment's pool (modules/assessment.yaml); course.yaml `assessment` says how it is drawn and taken. */
export const assessmentSchema = z.strictObject({
  /** The assessment page's title, e.g. "Final assessment". */
  title: text('the assessment title'),
  /** What the learner reads before starting: how many questions, attempts, what counts. One or two sentences. */
  introduction: text('an introduction the learner reads before starting'),
  /**
   * The pool: knowledge checks written as on slides, each tied to an objective (`assesses.objective`)
   * and to the slide that teaches it (`assesses.slide`, where a learner who got it wrong is sent).
   */
  questions: z.array(checkSchema).min(2, { error: 'needs questions: at least two per objective the assessment covers' }),
});

// ---------------------------------------------------------------------------
// Reference matter: the glossary and the references (src/model/reference-matter.ts)
// ---------------------------------------------------------------------------

/** One work cited, as a full reference (modules/references.yaml). */
export const referenceSchema = z.strictObject({
  /** Reference id (kebab-case, e.g. "miller-stiver-1997"); glossary entries name it in `sources`. */
  id: idSchema,
  /** The in-text citation as the course gives it, e.g. "Miller & Stiver, 1997". */
  cited: text('the in-text citation, e.g. "Miller & Stiver, 1997"'),
  /** The full reference in APA 7, Markdown: the title of a book or the name of a journal in *italics*. */
  apa: text('the full reference in APA 7 style'),
  /** Optional note for the learner: how the reference was identified, or what the course corrected. */
  note: z.string().trim().min(1).optional(),
});

/** modules/references.yaml: every work the course cites, in the order of the list. */
export const referencesSchema = z.strictObject({
  /** The references page's title, e.g. "References". */
  title: text('the references page title'),
  /** One or two sentences on what the list holds. */
  introduction: text('an introduction to the list'),
  /** The works cited, in alphabetical order of first author (APA 7). */
  references: z.array(referenceSchema).min(1, { error: 'lists no references: add at least one' }),
});

/** One term of the glossary (modules/glossary.yaml). */
export const termSchema = z.strictObject({
  /** Term id (kebab-case); link it from a slide with <Term id="...">the words</Term>. */
  id: idSchema,
  /** The term as the glossary heads it, e.g. "Mutual empathy". */
  term: text('the term'),
  /** The definition, in the course's own words (one to three sentences, Markdown). */
  definition: text('a definition in your own words'),
  /** Ids of the references (modules/references.yaml) the term comes from. */
  sources: z.array(idSchema).min(1, { error: 'names no source: give the id of at least one reference in modules/references.yaml' }),
  /** Ids of related terms in this glossary. */
  related: z.array(idSchema).default([]),
});

/** modules/glossary.yaml: the course's terms, each defined once. */
export const glossarySchema = z.strictObject({
  /** The glossary page's title, e.g. "Glossary". */
  title: text('the glossary page title'),
  /** One or two sentences on what the glossary holds. */
  introduction: text('an introduction to the glossary'),
  /** The terms, in alphabetical order. */
  terms: z.array(termSchema).min(1, { error: 'defines no terms: add at least one' }),
});

export type SlideData = z.infer<typeof slideSchema>;
export type Reflection = z.infer<typeof reflectionSchema>;
export type Chart = z.infer<typeof chartSchema>;
export type Video = z.infer<typeof videoSchema>;
export type ModuleData = z.infer<typeof moduleSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type CourseData = z.infer<typeof courseSchema>;
export type AssessmentData = z.infer<typeof assessmentSchema>;
export type Author = z.infer<typeof authorSchema>;
export type ReferencesData = z.infer<typeof referencesSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type GlossaryData = z.infer<typeof glossarySchema>;
export type Term = z.infer<typeof termSchema>;
