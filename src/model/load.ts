/**
 * The I/O edge of the model: reads slides/ and modules/ under a course root
 * and hands their contents to the pure validator.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CourseModel } from './course';
import { type AuthoringError, CoursePreviewError, CourseValidationError } from './errors';
import { TRACKING_FILE } from './tracking';
import { ASSESSMENT_FILE } from './assessment';
import { GLOSSARY_FILE, REFERENCES_FILE } from './reference-matter';
import { decodeSource } from './source-text';
import { parseYamlSource } from './yaml-source';
import { type CourseSources, type SourceFile, validateCourse } from './validate';

/**
 * The folder of the course being built, holding its slides/ and modules/:
 * $COURSE_DIR, else $COURSE_ROOT (the name the tests first used), else the
 * project root. The one place that says where the course is: the build hook,
 * the slides' bodies, the dev watcher and the commands all ask here.
 */
export function courseRoot(): string {
  const dir = process.env.COURSE_DIR || process.env.COURSE_ROOT;
  return dir ? resolve(dir) : process.cwd();
}

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

/** The files course.yaml names (the brand's favicon and logo), which the pure validator cannot look for. */
function missingFiles(root: string, model: CourseModel): AuthoringError[] {
  const file = existsSync(join(root, 'modules/course.yml')) ? 'modules/course.yml' : 'modules/course.yaml';
  const named = [
    { field: 'brand.favicon', path: model.course.brand?.favicon, example: 'favicon.svg' },
    { field: 'brand.logo.src', path: model.course.brand?.logo?.src, example: 'logo.svg' },
  ];
  return named
    .filter((n): n is typeof n & { path: string } => n.path !== undefined && !existsSync(join(root, n.path)))
    .map((n) => ({ file, field: n.field, message: `names ${n.path}, which is not in the course folder: add the file or fix the path (written from the course folder, e.g. ${n.example})` }));
}

/*
 * The pages run in a second instance of this module in the same process as
 * the build hook and the dev watcher: Astro's prerender bundle in a build,
 * Vite's module runner under `npm run dev` (src/integrations/dev.ts). What
 * they share lives on globalThis: the count of course changes, so the
 * watcher can tell the pages' instance its model is out of date, and the
 * last model loaded, so a build reads and validates the course once, not
 * once per instance. A model is plain data, the same whichever instance of
 * this code built it; errors are classes of their instance, so each keeps
 * its own.
 */
const GENERATION = Symbol.for('course-builder.course-generation');
const MODEL = Symbol.for('course-builder.course-model');
const shared = globalThis as { [GENERATION]?: number; [MODEL]?: { generation: number; root: string; model: CourseModel } };

/** Load and validate the course, or throw a CourseValidationError listing every problem. */
export function loadCourse(root: string): CourseModel {
  const generation = shared[GENERATION] ?? 0;
  const result = validateCourse(readCourseSources(root));
  const errors = result.ok ? missingFiles(root, result.course) : result.errors;
  if (result.ok && errors.length === 0) {
    // The pages' getCourse() takes this one: the build hook's load (and the dev watcher's) is the build's only one.
    shared[MODEL] = { generation, root, model: result.course };
    return result.course;
  }
  // Name files as the author reaches them from where the build runs (a course outside it by its full path).
  const fromHere = relative(process.cwd(), root);
  const base = fromHere.startsWith('..') ? root : fromHere;
  throw new CourseValidationError(base ? errors.map((e) => ({ ...e, file: `${base}/${e.file}` })) : errors);
}

/** The course's files changed (the dev watcher says so): the next getCourse() reads them again. */
export function courseChanged(): void {
  shared[GENERATION] = (shared[GENERATION] ?? 0) + 1;
}

let failed: { generation: number; root: string; error: CoursePreviewError } | undefined;
/**
 * The project's course: loaded once per build, and again after each change
 * under `npm run dev`. The build has validated it before any page asks; under
 * dev a page asking for a broken course throws its errors for Astro's overlay.
 */
export function getCourse(): CourseModel {
  const generation = shared[GENERATION] ?? 0;
  const root = courseRoot();
  const known = shared[MODEL];
  if (known?.generation === generation && known.root === root) return known.model;
  // Kept, so that every component of a page fails with the same error without validating again.
  if (failed?.generation === generation && failed.root === root) throw failed.error;
  try {
    return loadCourse(root);
  } catch (error) {
    if (!(error instanceof CourseValidationError)) throw error;
    failed = { generation, root, error: new CoursePreviewError(error) };
    throw failed.error;
  }
}
