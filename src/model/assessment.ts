/**
 * The final assessment's rules that span files: course.yaml `assessment`
 * (how it is drawn and taken) and modules/assessment.yaml (the pool) come
 * together; every objective is assessed, by questions or, where it has no
 * right answer, by reflection; the pool is large enough for attempts to
 * differ; the answer keys give nothing away. Pure: parsed data in, problems
 * and the model out (validate.ts calls it; load.ts reads the file).
 */
import type { Check } from '../questions/registry';
import { checkProblems } from '../questions/registry';
import { keyPatterns } from './answer-keys';
import type { AssessmentModel } from './course';
import type { AuthoringError } from './errors';
import type { AssessmentData, CourseData, ModuleData } from './schema';

export const ASSESSMENT_FILE = 'modules/assessment.yaml';
const COURSE_FILE = 'modules/course.yaml';

/** Each question drawn needs two in the pool, so that a second attempt is not the first again. */
export const POOL_PER_DRAW = 2;

export interface AssessmentContext {
  course: CourseData;
  /** Module files with their data, in course order. */
  modules: ReadonlyArray<{ file: string; data: ModuleData }>;
  /** Every slide id the course declares. */
  slideIds: ReadonlySet<string>;
  /** Reflection ids per module id. */
  reflectionsByModule: ReadonlyMap<string, readonly string[]>;
  /** Claim a check or reflection id for this file and field (ids are unique across the course; reports a clash). */
  claim(id: string, file: string, field: string): void;
}

/** Problems with the assessment as a whole; `pool` is null when the file is absent or unreadable. */
export function assessmentProblems(pool: AssessmentData | null, ctx: AssessmentContext, fileMissing: boolean): AuthoringError[] {
  const errors: AuthoringError[] = [];
  const settings = ctx.course.assessment;
  if (settings && fileMissing)
    errors.push({
      file: ASSESSMENT_FILE,
      field: '(file)',
      message: `is missing, and course.yaml's assessment settings need it: create it with title, introduction and questions (at least ${settings.draw * POOL_PER_DRAW}), or remove assessment from ${COURSE_FILE}`,
    });
  if (!settings && pool)
    errors.push({ file: COURSE_FILE, field: 'assessment', message: `is missing, and ${ASSESSMENT_FILE} needs it: add assessment: { draw: N } (questions per attempt) to ${COURSE_FILE}` });

  const objectives = new Map<string, { moduleId: string; assessedBy: 'assessment' | 'reflection'; file: string; index: number }>();
  for (const { file, data } of ctx.modules) data.objectives.forEach((o, index) => objectives.set(o.id, { moduleId: data.id, assessedBy: o.assessedBy, file, index }));

  // Objectives assessed by reflection need a reflection in their module.
  for (const [id, o] of objectives)
    if (o.assessedBy === 'reflection' && (ctx.reflectionsByModule.get(o.moduleId) ?? []).length === 0)
      errors.push({ file: o.file, field: `objectives[${o.index}].assessedBy`, message: `says "${id}" is assessed by reflection, but module "${o.moduleId}" has no reflection prompt: add one to a slide of the module, or assess it with questions` });

  if (!pool) return errors;
  const covered = new Set<string>();
  pool.questions.forEach((check, i) => {
    const field = `questions[${i}]`;
    ctx.claim(check.id, ASSESSMENT_FILE, `${field}.id`);
    for (const p of checkProblems(check)) errors.push({ file: ASSESSMENT_FILE, field: `${field}.${p.field}`, message: p.message });
    const { objective, slide } = check.assesses;
    const o = objectives.get(objective);
    if (!o) errors.push({ file: ASSESSMENT_FILE, field: `${field}.assesses.objective`, message: `names "${objective}", which is no objective's id: use the id of an objective in modules/NN-*.yaml` });
    else if (o.assessedBy === 'reflection')
      errors.push({ file: ASSESSMENT_FILE, field: `${field}.assesses.objective`, message: `names "${objective}", which its module says is assessed by reflection: assess another objective, or remove assessedBy: reflection from it` });
    else covered.add(objective);
    if (!ctx.slideIds.has(slide)) errors.push({ file: ASSESSMENT_FILE, field: `${field}.assesses.slide`, message: `names "${slide}", which is no slide's id: name the slide a learner who got this wrong should revisit` });
  });

  for (const [id, o] of objectives)
    if (o.assessedBy === 'assessment' && !covered.has(id))
      errors.push({
        file: o.file,
        field: `objectives[${o.index}].id`,
        message: `"${id}" has no question in ${ASSESSMENT_FILE}: add one with assesses: { objective: ${id}, slide: … }, or mark the objective assessedBy: reflection if it has no right answer`,
      });

  if (settings && pool.questions.length < settings.draw * POOL_PER_DRAW)
    errors.push({
      file: COURSE_FILE,
      field: 'assessment.draw',
      message: `draws ${settings.draw} questions from a pool of ${pool.questions.length}: the pool needs at least ${settings.draw * POOL_PER_DRAW} (${POOL_PER_DRAW} per question drawn) so that attempts differ; add questions to ${ASSESSMENT_FILE} or lower draw`,
    });

  for (const p of keyPatterns(pool.questions))
    errors.push({
      file: ASSESSMENT_FILE,
      field: `questions[${p.indexes[0] ?? 0}]`,
      message: `answer keys give the answers away: ${p.rule} (${p.indexes.map((i) => pool.questions[i]?.id).join(', ')}); ${p.fix}`,
    });
  return errors;
}

/** The assessment model, once the course is valid. */
export function assessmentModel(pool: AssessmentData, course: CourseData, track: (questionId: string) => number, key: (check: Check) => string): AssessmentModel | null {
  const settings = course.assessment;
  if (!settings) return null;
  return {
    file: ASSESSMENT_FILE,
    title: pool.title,
    introduction: pool.introduction,
    draw: settings.draw,
    attempts: settings.attempts,
    keep: settings.keep,
    timeLimitMinutes: settings.timeLimitMinutes ?? null,
    questions: pool.questions.map((check) => ({ check, track: track(check.id), key: key(check) })),
  };
}
