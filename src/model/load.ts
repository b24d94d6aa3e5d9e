/**
 * The I/O edge of the model: reads slides/ and modules/ under a course root
 * and hands their contents to the pure validator.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { YAMLException, load as parseYaml } from 'js-yaml';
import type { CourseModel } from './course';
import { CourseValidationError } from './errors';
import { TRACKING_FILE } from './tracking';
import { ASSESSMENT_FILE } from './assessment';
import { GLOSSARY_FILE, REFERENCES_FILE } from './reference-matter';
import { type CourseSources, type SourceFile, validateCourse } from './validate';

// Any number of digits: a course is not limited to 100 modules or 1,000 slide files.
const SLIDE_FILE = /^\d+-[a-z0-9-]+\.mdx$/;
const MODULE_FILE = /^\d+-[a-z0-9-]+\.ya?ml$/;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function yamlError(error: unknown): string {
  const reason = error instanceof YAMLException ? error.message.split('\n')[0] : String(error);
  return `is not valid YAML (${reason}): fix the indentation or quote the value`;
}

function readYaml(root: string, file: string): SourceFile {
  try {
    return { file, data: parseYaml(readFileSync(join(root, file), 'utf8')) };
  } catch (error) {
    return { file, data: undefined, parseError: yamlError(error) };
  }
}

function readJson(root: string, file: string): SourceFile {
  try {
    return { file, data: JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown };
  } catch (error) {
    return { file, data: undefined, parseError: `is not valid JSON (${error instanceof Error ? error.message : String(error)}): restore it from version control` };
  }
}

function readSlide(root: string, file: string): SourceFile {
  const source = readFileSync(join(root, file), 'utf8');
  const match = FRONTMATTER.exec(source);
  if (!match) return { file, data: undefined, source, parseError: 'has no frontmatter: start the file with --- , the slide fields (id, title, notes), and --- ' };
  try {
    return { file, data: parseYaml(match[1] ?? ''), source };
  } catch (error) {
    return { file, data: undefined, source, parseError: `frontmatter ${yamlError(error)}` };
  }
}

function list(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')).sort() : [];
}

/**
 * Module files in course order: by their order number as a number, so
 * `100-x.yaml` follows `99-y.yaml` (and `2-` and `02-` are the same place,
 * which the validator reports as a collision).
 */
export function byOrderNumber(names: readonly string[]): string[] {
  const number = (name: string) => Number(/^\d+/.exec(name)?.[0] ?? NaN);
  return [...names].sort((a, b) => number(a) - number(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Read every source file of the course rooted at `root`. */
export function readCourseSources(root: string): CourseSources {
  const stray: string[] = [];
  const slides: SourceFile[] = [];
  for (const name of list(join(root, 'slides'))) {
    if (SLIDE_FILE.test(name)) slides.push(readSlide(root, `slides/${name}`));
    else stray.push(`slides/${name}`);
  }
  const modules: SourceFile[] = [];
  let course: SourceFile | null = null;
  let tracking: SourceFile | null = null;
  let assessment: SourceFile | null = null;
  let glossary: SourceFile | null = null;
  let references: SourceFile | null = null;
  const names = list(join(root, 'modules'));
  for (const name of [...names.filter((n) => !MODULE_FILE.test(n)), ...byOrderNumber(names.filter((n) => MODULE_FILE.test(n)))]) {
    if (name === 'course.yaml' || name === 'course.yml') course = readYaml(root, `modules/${name}`);
    else if (`modules/${name}` === TRACKING_FILE) tracking = readJson(root, TRACKING_FILE);
    else if (`modules/${name}` === ASSESSMENT_FILE) assessment = readYaml(root, ASSESSMENT_FILE);
    else if (`modules/${name}` === GLOSSARY_FILE) glossary = readYaml(root, GLOSSARY_FILE);
    else if (`modules/${name}` === REFERENCES_FILE) references = readYaml(root, REFERENCES_FILE);
    else if (MODULE_FILE.test(name)) modules.push(readYaml(root, `modules/${name}`));
    else stray.push(`modules/${name}`);
  }
  return { course, modules, slides, stray, tracking, assessment, glossary, references };
}

/** Load and validate the course, or throw a CourseValidationError listing every problem. */
export function loadCourse(root: string): CourseModel {
  const result = validateCourse(readCourseSources(root));
  if (result.ok) return result.course;
  // Name files as the author reaches them from where the build runs.
  const base = relative(process.cwd(), root);
  throw new CourseValidationError(base ? result.errors.map((e) => ({ ...e, file: `${base}/${e.file}` })) : result.errors);
}

/** Where the course lives: $COURSE_ROOT (tests build fixtures this way) or the project root. */
export function courseRoot(): string {
  return process.env.COURSE_ROOT ?? process.cwd();
}

let cached: CourseModel | undefined;
/** The project's course, loaded once per build. */
export function getCourse(): CourseModel {
  cached ??= loadCourse(courseRoot());
  return cached;
}
