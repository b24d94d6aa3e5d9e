/**
 * The I/O edge of the model: reads slides/ and modules/ under a course root
 * and hands their contents to the pure validator.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CourseModel } from './course';
import { CourseValidationError } from './errors';
import { TRACKING_FILE } from './tracking';
import { ASSESSMENT_FILE } from './assessment';
import { GLOSSARY_FILE, REFERENCES_FILE } from './reference-matter';
import { decodeSource } from './source-text';
import { parseYamlSource } from './yaml-source';
import { type CourseSources, type SourceFile, validateCourse } from './validate';

// Any number of digits: a course is not limited to 100 modules or 1,000 slide files.
const SLIDE_FILE = /^\d+-[a-z0-9-]+\.mdx$/;
const MODULE_FILE = /^\d+-[a-z0-9-]+\.ya?ml$/;
/** Images, video and captions a slide may show, kept next to the slides (README "Images and video"). */
export const MEDIA_FILE = /\.(png|jpe?g|gif|webp|avif|svg|mp4|webm|vtt)$/i;
// Text is LF-only once decoded (source-text.ts).
const FRONTMATTER = /^---\n([\s\S]*?)\n?---(?:\n|$)/;

/** The file's text, or a SourceFile saying why it cannot be read (not UTF-8). */
function readText(root: string, file: string): string | SourceFile {
  const decoded = decodeSource(readFileSync(join(root, file)));
  return decoded.ok ? decoded.text : { file, data: undefined, parseError: decoded.message, at: { line: decoded.line, column: decoded.column } };
}

function yamlFile(file: string, text: string, firstLine: number, extra: Partial<SourceFile> = {}, prefix = ''): SourceFile {
  const parsed = parseYamlSource(text, firstLine);
  if (!parsed.ok) return { file, data: undefined, ...extra, parseError: prefix + parsed.message, at: parsed.position };
  return { file, data: parsed.data, ...extra, locate: parsed.locate };
}

function readYaml(root: string, file: string): SourceFile {
  const text = readText(root, file);
  return typeof text === 'string' ? yamlFile(file, text, 1) : text;
}

function readJson(root: string, file: string): SourceFile {
  const text = readText(root, file);
  if (typeof text !== 'string') return text;
  try {
    return { file, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { file, data: undefined, parseError: `is not valid JSON (${error instanceof Error ? error.message : String(error)}): restore it from version control` };
  }
}

function readSlide(root: string, file: string): SourceFile {
  const source = readText(root, file);
  if (typeof source !== 'string') return source;
  const match = FRONTMATTER.exec(source);
  if (!match)
    return { file, data: undefined, source, parseError: 'has no frontmatter: start the file with --- , the slide fields (id, title, notes), and --- ', at: { line: 1, column: 1 } };
  // The frontmatter's YAML starts on line 2, after the opening ---.
  return yamlFile(file, match[1] ?? '', 2, { source }, 'frontmatter ');
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

/** Why a captions file is not WebVTT (which browsers need), or undefined. */
function vttProblem(bytes: Uint8Array): string | undefined {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return decoded.message;
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(decoded.text)) return 'is not a WebVTT file: its first line must be WEBVTT (save SubRip .srt captions as WebVTT: add that line and write times as 00:00:01.000)';
  return undefined;
}

/** Every file under `dir`, recursively, as paths relative to it. */
function listDeep(dir: string, prefix = ''): string[] {
  return list(join(dir, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? listDeep(dir, path) : [path];
  });
}

/** Read every source file of the course rooted at `root`. */
export function readCourseSources(root: string): CourseSources {
  const stray: string[] = [];
  const slides: SourceFile[] = [];
  const media: string[] = [];
  const mediaProblems: Array<{ file: string; message: string }> = [];
  for (const name of listDeep(join(root, 'slides'))) {
    if (SLIDE_FILE.test(name)) slides.push(readSlide(root, `slides/${name}`));
    else if (MEDIA_FILE.test(name)) {
      media.push(`slides/${name}`);
      const problem = name.endsWith('.vtt') ? vttProblem(readFileSync(join(root, 'slides', name))) : undefined;
      if (problem) mediaProblems.push({ file: `slides/${name}`, message: problem });
    }
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
  return { course, modules, slides, stray, tracking, assessment, glossary, references, media, mediaProblems };
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
