/**
 * The course validator: from the raw source files to a CourseModel, or to
 * every authoring error at once (an author fixes them in one pass, not one
 * build at a time). Pure: file contents in, model or errors out; the file
 * reading lives in load.ts.
 */
import type { z } from 'astro/zod';
import type { CheckModel, CourseModel, ModuleModel, ReflectionModel, SlideModel } from './course';
import { type AuthoringError, formatPath } from './errors';
import { answerKey } from '../questions/encoding';
import { checkProblems } from '../questions/registry';
import { extendTracking, parseTracking, type Tracking } from './tracking';
import { keyPatterns } from './answer-keys';
import { assessmentModel, assessmentProblems } from './assessment';
import { embedNames, embeds } from './embeds';
import { analyzeMdx } from './mdx-analysis';
import { glossaryModel, referenceMatterProblems, referencesModel, type TermUse } from './reference-matter';
import { durationProblem } from './timing';
import { fieldsAt } from './schema-keys';
import { didYouMean } from './suggest';
import type { Position } from './yaml-source';
import {
  type AssessmentData,
  type CourseData,
  type GlossaryData,
  type ModuleData,
  type ReferencesData,
  type SlideData,
  assessmentSchema,
  courseSchema,
  glossarySchema,
  moduleSchema,
  referencesSchema,
  slideSchema,
} from './schema';

/** One source file as read from disk. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** Parsed YAML (module/course files) or frontmatter (slides); undefined when it could not be parsed. */
  data: unknown;
  /** Full text of an .mdx file (frontmatter included), for body checks. */
  source?: string;
  /** Why the file could not be parsed, if it could not. */
  parseError?: string;
  /** Where the parse error is. */
  at?: Position;
  /** Where a field path is in the file (the key itself with `key`), when the loader knows. */
  locate?(path: ReadonlyArray<PropertyKey>, key?: boolean): Position | undefined;
}

export interface CourseSources {
  /** modules/course.yaml, or null when missing. */
  course: SourceFile | null;
  /** modules/NN-*.yaml, in order of their NN (as numbers: any number of digits). */
  modules: SourceFile[];
  /** slides/*.mdx, in file-name order. */
  slides: SourceFile[];
  /** Files in slides/ or modules/ that match no naming rule. */
  stray: string[];
  /** modules/tracking.json, or null before the first build numbers the course. */
  tracking?: SourceFile | null;
  /** modules/assessment.yaml (the final assessment's pool), or null for a course without one. */
  assessment?: SourceFile | null;
  /** modules/glossary.yaml, or null for a course without a glossary. */
  glossary?: SourceFile | null;
  /** modules/references.yaml, or null for a course without a references page. */
  references?: SourceFile | null;
  /** Images, videos and captions under slides/ (paths like "slides/diagram.png"). */
  media?: string[];
  /** Media files that cannot be used as they are (a .vtt file that is not WebVTT). */
  mediaProblems?: Array<{ file: string; message: string }>;
}

export type ValidationResult = { ok: true; course: CourseModel } | { ok: false; errors: AuthoringError[] };

/** Verbs a reader cannot observe: objectives must say what the learner will do. */
const UNOBSERVABLE = new Set(['understand', 'know', 'learn', 'appreciate', 'realize', 'grasp', 'believe', 'be', 'become', 'feel', 'comprehend']);

/** zod's generic wording, turned into what to do. Messages written in schema.ts pass through. */
function explain(issue: z.core.$ZodIssue): string {
  const generic = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
  if (generic) {
    const [, expected, received] = generic;
    return received === 'undefined'
      ? `is missing: add it (a ${expected}; src/model/schema.ts says what it means)`
      : `is a ${received} but must be a ${expected}: write it as a ${expected}`;
  }
  if (issue.code === 'unrecognized_keys') return `${issue.message}: remove or rename it (src/model/schema.ts lists the fields)`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `${issue.message.replace(/^Too (small|big): /, '')}: change the value`;
  return issue.message;
}

/** One error per zod issue, at the value's line and column; a stray field is named itself, with the field it most likely meant. */
function schemaErrors(schema: z.ZodType, src: SourceFile, error: z.ZodError): AuthoringError[] {
  return error.issues.flatMap((issue): AuthoringError[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        const guess = didYouMean(key, fieldsAt(schema, src.data, issue.path));
        const value = valueAt(src.data, path);
        // `{ say: Introduce it, then reveal., minutes: 2 }`: in { … } a comma ends the text, and what follows becomes a "field".
        const cutText = value === null && /\s/.test(key);
        return {
          file: src.file,
          field: formatPath(path),
          message: cutText
            ? `is not a field: it is the end of the text before it, cut at a comma (inside { … } a comma separates fields): put that text in quotes, e.g. say: "…, ${key}"`
            : `is not a field here: ${guess ? `${guess} Rename it` : 'remove it'} (src/model/schema.ts lists the fields)`,
          ...src.locate?.(path, true),
        };
      });
    return [{ file: src.file, field: formatPath(issue.path), message: explain(issue), ...src.locate?.(issue.path) }];
  });
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let here = data;
  for (const step of path) here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[step] : undefined;
  return here;
}

/** The id a slide's frontmatter declares, even when the rest of it is invalid or is not YAML, so one mistake doesn't cascade into "unknown id" errors elsewhere. */
function declaredId(src: SourceFile): string | undefined {
  const id = (src.data as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string') return id;
  const line = src.source ? /^---\n(?:[^\n]*\n)*?id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?$/m.exec(src.source) : null;
  return line?.[1];
}

function parse<T>(schema: z.ZodType<T>, src: SourceFile, errors: AuthoringError[]): T | undefined {
  if (src.parseError) {
    errors.push({ file: src.file, field: '(file)', message: src.parseError, ...src.at });
    return undefined;
  }
  const result = schema.safeParse(src.data);
  if (result.success) return result.data;
  errors.push(...schemaErrors(schema, src, result.error));
  return undefined;
}

/** Why a file a slide shows cannot be found or would break once published, or undefined when it is there. */
export function mediaProblem(slideFile: string, url: string, media: ReadonlySet<string>): string | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  if (path.startsWith('/'))
    return `shows "${url}", a path from the site root, which breaks when the course is served from a folder or an LMS: put the file next to the slide and write its name ("${path.split('/').pop()}")`;
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    decoded = path;
  }
  const parts: string[] = slideFile.split('/').slice(0, -1);
  for (const part of decoded.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  const resolved = parts.join('/');
  if (!resolved.startsWith('slides/'))
    return `shows "${url}", which is outside slides/: keep images and videos next to the slides (or in a folder under slides/) and write the path from the slide`;
  if (!media.has(resolved))
    return `shows "${url}", but there is no file ${resolved}: add the file next to the slide, or fix the name (names are case-sensitive)`;
  return undefined;
}

/** "checks[0].options[1].id" as a path: ['checks', 0, 'options', 1, 'id']; undefined for "(file)" or "body". */
function fieldPath(field: string): Array<string | number> | undefined {
  if (!/^[A-Za-z_$][\w$]*(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*$/.test(field)) return undefined;
  return [...field.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** Every error that names a field but no position gets the field's line and column in its file. */
function located(errors: AuthoringError[], sources: CourseSources): AuthoringError[] {
  const byFile = new Map<string, SourceFile>();
  for (const src of [sources.course, sources.assessment, sources.tracking, ...sources.modules, ...sources.slides]) if (src) byFile.set(src.file, src);
  return errors.map((e) => {
    if (e.line !== undefined) return e;
    const path = fieldPath(e.field);
    const at = path && byFile.get(e.file)?.locate?.(path);
    return at ? { ...e, ...at } : e;
  });
}

function objectiveRule(text: string): string | undefined {
  const first = text.trim().split(/\s+/)[0]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  if (UNOBSERVABLE.has(first))
    return `starts with "${first}", which a learner cannot be observed doing: start with an observable verb such as Explain, Identify, Describe, Distinguish or Classify`;
  if (first === 'learners' || first === 'students' || first === 'you')
    return 'starts with the learner: start with the verb itself, e.g. "Explain why…"';
  return undefined;
}

/** Validate every source file and assemble the course model. */
export function validateCourse(sources: CourseSources): ValidationResult {
  const errors: AuthoringError[] = [];

  for (const file of sources.stray)
    errors.push({
      file,
      field: '(file name)',
      message: file.startsWith('slides/')
        ? 'is not a slide file (slides are named slides/NN-name.mdx) nor an image, video or captions file (png, jpg, gif, webp, avif, svg, mp4, webm, vtt): rename or remove it'
        : 'is not a module file: modules are named modules/NN-name.yaml (and the course is modules/course.yaml)',
    });

  for (const p of sources.mediaProblems ?? []) errors.push({ file: p.file, field: '(file)', message: p.message, line: 1, column: 1 });

  // --- course.yaml
  let courseData: CourseData | undefined;
  if (!sources.course)
    errors.push({ file: 'modules/course.yaml', field: '(file)', message: 'is missing: create it with id, title, version, language, authors, masteryScore and durationMinutes' });
  else courseData = parse(courseSchema, sources.course, errors);

  // --- slides
  const slides: Array<{ src: SourceFile; data: SlideData }> = [];
  const slideById = new Map<string, { src: SourceFile; data: SlideData }>();
  const knownSlideIds = new Set<string>();
  // A slide whose id cannot even be read (not UTF-8, no frontmatter) makes "no slide has this id" unjudgeable.
  let slideIdsComplete = true;
  for (const src of sources.slides) {
    const raw = declaredId(src);
    if (raw) knownSlideIds.add(raw);
    else slideIdsComplete = false;
    const data = parse(slideSchema, src, errors);
    if (!data) continue;
    const previous = slideById.get(data.id);
    if (previous) {
      errors.push({ file: src.file, field: 'id', message: `"${data.id}" is already the id of ${previous.src.file}: give this slide another id` });
      continue;
    }
    slideById.set(data.id, { src, data });
    slides.push({ src, data });
  }

  // --- modules
  const modules: Array<{ src: SourceFile; data: ModuleData }> = [];
  const moduleIds = new Map<string, string>();
  // When a module file is unreadable, which slide or objective belongs where cannot be judged.
  let modulesComplete = true;
  for (const src of sources.modules) {
    const data = parse(moduleSchema, src, errors);
    if (!data) {
      modulesComplete = false;
      continue;
    }
    const previous = moduleIds.get(data.id);
    if (previous) errors.push({ file: src.file, field: 'id', message: `"${data.id}" is already the id of ${previous}: give this module another id` });
    moduleIds.set(data.id, src.file);
    modules.push({ src, data });
  }
  if (sources.modules.length === 0)
    errors.push({ file: 'modules/', field: '(folder)', message: 'has no modules: add modules/01-name.yaml listing slide ids' });

  // --- objectives: unique across the course, observable verbs
  const objectiveModule = new Map<string, string>();
  for (const { src, data } of modules) {
    data.objectives.forEach((o, i) => {
      const other = objectiveModule.get(o.id);
      if (other) errors.push({ file: src.file, field: `objectives[${i}].id`, message: `"${o.id}" is already an objective of module "${other}": objective ids are unique across the course` });
      else objectiveModule.set(o.id, data.id);
      const problem = objectiveRule(o.text);
      if (problem) errors.push({ file: src.file, field: `objectives[${i}].text`, message: problem });
    });
  }

  // --- membership: each slide in exactly one module
  const slideModule = new Map<string, { moduleId: string; file: string }>();
  for (const { src, data } of modules) {
    data.slides.forEach((id, i) => {
      if (!knownSlideIds.has(id)) {
        if (slideIdsComplete)
          errors.push({ file: src.file, field: `slides[${i}]`, message: `names "${id}", which is no slide's id: fix the id or add slides/NN-${id}.mdx`, ...src.locate?.(['slides', i]) });
        return;
      }
      const owner = slideModule.get(id);
      if (owner)
        errors.push({
          file: src.file,
          field: `slides[${i}]`,
          message:
            owner.moduleId === data.id
              ? `lists "${id}" twice: list each slide once`
              : `lists "${id}", which module "${owner.moduleId}" (${owner.file}) lists too: a slide belongs to exactly one module`,
        });
      else slideModule.set(id, { moduleId: data.id, file: src.file });
    });
  }
  for (const { src, data } of modulesComplete ? slides : [])
    if (!slideModule.has(data.id))
      errors.push({ file: src.file, field: 'id', message: `slide "${data.id}" is in no module: add it to the slides list of one modules/NN-*.yaml` });

  // --- course order, used by the "assesses an earlier slide" rule
  const order = new Map<string, number>();
  for (const { data } of modules) for (const id of data.slides) if (!order.has(id) && slideById.has(id)) order.set(id, order.size);

  const linksBySlide = new Map<string, string[]>();
  const termUses: TermUse[] = [];
  const media = new Set(sources.media ?? []);

  // --- interactive ids: checks and reflections share one namespace (both become LMS interactions)
  const interactiveIds = new Map<string, string>();
  const chartIds = new Map<string, string>();
  const videoIds = new Map<string, string>();
  const claim = (map: Map<string, string>, id: string, file: string, field: string, what: string) => {
    const other = map.get(id);
    if (other) errors.push({ file, field, message: `"${id}" is already the id of a ${what} in ${other}: ids are unique across the course` });
    else map.set(id, file);
  };

  for (const { src, data } of slides) {
    const moduleId = slideModule.get(data.id)?.moduleId;
    data.checks.forEach((check, i) => {
      const field = `checks[${i}]`;
      claim(interactiveIds, check.id, src.file, `${field}.id`, 'check or reflection');
      for (const p of checkProblems(check)) errors.push({ file: src.file, field: `${field}.${p.field}`, message: p.message });
      const { objective, slide } = check.assesses;
      const objectiveOwner = objectiveModule.get(objective);
      if (!objectiveOwner) {
        if (modulesComplete)
          errors.push({ file: src.file, field: `${field}.assesses.objective`, message: `names "${objective}", which is no objective's id: use an objective id of module "${moduleId ?? '?'}"` });
      } else if (moduleId && objectiveOwner !== moduleId)
        errors.push({ file: src.file, field: `${field}.assesses.objective`, message: `names "${objective}", an objective of module "${objectiveOwner}", but this slide is in module "${moduleId}": assess an objective of this slide's module` });
      if (!knownSlideIds.has(slide)) {
        if (slideIdsComplete)
          errors.push({ file: src.file, field: `${field}.assesses.slide`, message: `names "${slide}", which is no slide's id: name the slide whose content this check assesses` });
      } else if ((order.get(slide) ?? -1) > (order.get(data.id) ?? Infinity))
        errors.push({ file: src.file, field: `${field}.assesses.slide`, message: `names "${slide}", which comes after this check: a check assesses this slide or an earlier one` });
    });
    data.reflections.forEach((r, i) => claim(interactiveIds, r.id, src.file, `reflections[${i}].id`, 'check or reflection'));
    data.charts.forEach((c, i) => claim(chartIds, c.id, src.file, `charts[${i}].id`, 'chart'));
    data.videos.forEach((v, i) => {
      claim(videoIds, v.id, src.file, `videos[${i}].id`, 'video');
      for (const key of ['src', 'captions'] as const) {
        const problem = mediaProblem(src.file, v[key], media);
        if (problem) errors.push({ file: src.file, field: `videos[${i}].${key}`, message: problem.replace(/^shows /, 'names ') });
      }
    });

    // --- body: components embed exactly what the frontmatter defines
    if (src.source !== undefined) {
      const analysis = analyzeMdx(src.source);
      linksBySlide.set(data.id, analysis.externalLinks);
      for (const t of analysis.terms) termUses.push({ file: src.file, ...t });
      for (const p of analysis.problems) errors.push({ file: src.file, field: 'body', message: p.message, line: p.line, column: p.column });
      for (const m of analysis.media) {
        const problem = mediaProblem(src.file, m.url, media);
        if (problem) errors.push({ file: src.file, field: 'body', message: problem, line: m.line, column: m.column });
      }
      // A body that is not valid MDX embeds nothing we can see: "defined but not shown" would be false.
      if (analysis.parsed) for (const component of embedNames) {
        const { key } = embeds[component];
        const ids = embeds[component].ids(data);
        const used = analysis.embeds.filter((e) => e.component === component);
        for (const e of used)
          if (!ids.includes(e.id))
            errors.push({ file: src.file, field: 'body', line: e.line, column: e.column, message: `embeds <${component} id="${e.id}" />, which this slide's ${key} do not define: add it to ${key} in the frontmatter or fix the id${ids.length ? ` (${ids.join(', ')})` : ''}` });
        ids.forEach((id, i) => {
          const n = used.filter((e) => e.id === id).length;
          if (n === 0 && !analysis.unknownIds.includes(id))
            errors.push({ file: src.file, field: `${key}[${i}]`, message: `"${id}" is defined but not shown: embed <${component} id="${id}" /> in the slide body` });
          if (n > 1) errors.push({ file: src.file, field: `${key}[${i}]`, message: `"${id}" is embedded ${n} times: embed it once` });
        });
      }
    }
  }

  // --- the practice checks together: their answer keys must not give the answers away (answer-keys.ts), as the assessment pool's must not
  const practice = slides.flatMap(({ src, data }) => data.checks.map((check, i) => ({ check, file: src.file, field: `checks[${i}]` })));
  for (const p of keyPatterns(practice.map((c) => c.check))) {
    const first = practice[p.indexes[0] ?? 0]!;
    const named = p.indexes.map((i) => `${practice[i]!.check.id} (${practice[i]!.file})`).join(', ');
    errors.push({ file: first.file, field: first.field, message: `the practice checks' answer keys give the answers away: ${p.rule}: ${named}; ${p.fix}` });
  }

  // --- the final assessment (assessment.ts)
  let pool: AssessmentData | null = null;
  if (sources.assessment) pool = parse(assessmentSchema, sources.assessment, errors) ?? null;
  if (courseData && modulesComplete && slideIdsComplete) {
    const reflectionsByModule = new Map<string, string[]>();
    for (const { data } of slides) {
      const moduleId = slideModule.get(data.id)?.moduleId;
      if (moduleId) reflectionsByModule.set(moduleId, [...(reflectionsByModule.get(moduleId) ?? []), ...data.reflections.map((r) => r.id)]);
    }
    errors.push(
      ...assessmentProblems(
        pool,
        {
          course: courseData,
          modules: modules.map((m) => ({ file: m.src.file, data: m.data })),
          slideIds: knownSlideIds,
          reflectionsByModule,
          claim: (id, file, field) => claim(interactiveIds, id, file, field, 'check or reflection'),
        },
        !sources.assessment,
      ),
    );
  }

  // --- the glossary and the references (reference-matter.ts)
  const glossary: GlossaryData | null = sources.glossary ? (parse(glossarySchema, sources.glossary, errors) ?? null) : null;
  const references: ReferencesData | null = sources.references ? (parse(referencesSchema, sources.references, errors) ?? null) : null;
  if ((!sources.glossary || glossary) && (!sources.references || references))
    errors.push(...referenceMatterProblems(glossary, references, termUses, { glossary: !sources.glossary, references: !sources.references }));

  // --- the stated duration against the notes (timing.ts), once every slide could be read (a total without one would mislead)
  if (courseData && modulesComplete && slides.length === sources.slides.length) {
    const problem = durationProblem(courseData.durationMinutes, slides.filter(({ data }) => slideModule.has(data.id)).map(({ data }) => data));
    if (problem) errors.push(problem);
  }

  // --- module files: order numbers (any number of digits, compared as numbers) must not collide
  const prefixes = new Map<string, string>();
  for (const src of sources.modules) {
    const prefix = String(Number(/^\d+/.exec(src.file.split('/').pop() ?? '')?.[0] ?? NaN));
    const other = prefixes.get(prefix);
    if (other) errors.push({ file: src.file, field: '(file name)', message: `has the same order number ${prefix} as ${other}: renumber one of them` });
    prefixes.set(prefix, src.file);
  }

  // --- tracking numbers (tracking.ts): read what earlier builds numbered
  let tracking: Tracking | null = null;
  if (sources.tracking) {
    const src = sources.tracking;
    if (src.parseError) errors.push({ file: src.file, field: '(file)', message: src.parseError });
    else {
      const parsed = parseTracking(src.data);
      if (parsed.ok) tracking = parsed.tracking;
      else errors.push({ file: src.file, field: parsed.field, message: parsed.message });
    }
  }

  if (errors.length > 0 || !courseData) return { ok: false, errors: located(errors, sources) };
  const course = assemble(courseData, modules, slideById, linksBySlide, tracking, pool);
  return {
    ok: true,
    course: { ...course, glossary: glossary ? glossaryModel(glossary, references) : null, references: references ? referencesModel(references) : null },
  };
}

function assemble(
  course: CourseData,
  modules: Array<{ src: SourceFile; data: ModuleData }>,
  slideById: Map<string, { src: SourceFile; data: SlideData }>,
  linksBySlide: ReadonlyMap<string, string[]>,
  existing: Tracking | null,
  pool: AssessmentData | null,
): Omit<CourseModel, 'glossary' | 'references'> {
  const moduleModels: ModuleModel[] = modules.map(({ src, data }, i) => ({
    id: data.id,
    file: src.file,
    number: i + 1,
    title: data.title,
    summary: data.summary,
    objectives: data.objectives,
    slideIds: data.slides,
  }));
  const ordered = moduleModels.flatMap((m) => m.slideIds.flatMap((id) => {
    const entry = slideById.get(id);
    return entry ? [{ entry, moduleId: m.id }] : []; // every id resolves after validation
  }));
  const { tracking, added } = extendTracking(existing, {
    slideIds: ordered.map((o) => o.entry.data.id),
    checkIds: ordered.flatMap((o) => o.entry.data.checks.map((c) => c.id)),
    questionIds: pool?.questions.map((q) => q.id) ?? [],
  });
  const slides: SlideModel[] = [];
  const checks: CheckModel[] = [];
  const reflections: ReflectionModel[] = [];
  for (const { entry, moduleId } of ordered) {
    const id = entry.data.id;
    slides.push({ ...entry.data, file: entry.src.file, moduleId, number: slides.length + 1, externalLinks: linksBySlide.get(id) ?? [], track: tracking.slides.indexOf(id) });
    for (const check of entry.data.checks) checks.push({ check, slideId: id, moduleId, track: tracking.checks.indexOf(check.id), key: answerKey(check) });
    for (const reflection of entry.data.reflections) reflections.push({ reflection, slideId: id, moduleId });
  }
  const assessment = pool ? assessmentModel(pool, course, (id) => tracking.questions.indexOf(id), answerKey) : null;
  return { course, modules: moduleModels, slides, checks, reflections, assessment, tracking: { numbers: tracking, added } };
}
