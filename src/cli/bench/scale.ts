/**
 * An N× copy of a course, for `npm run bench -- --scale N`: the course's
 * own files once, then N − 1 copies of every module, slide and assessment
 * question with their ids suffixed `-x2`, `-x3`… (and the references to
 * them), so the copy is a valid course N times as long that the real
 * builder builds from another folder (COURSE_DIR, src/model/load.ts).
 *
 * Ids are rewritten only where the author's contract puts an id or a
 * reference to one (`id:`, `slide:`, `objective:`, `beside:`, `category:`,
 * a module's `slides` list, an embed's `id="…"`), never in prose. The
 * glossary is not copied, so a `<Term id="…">` keeps its id; the course's
 * `durationMinutes` is multiplied, as the notes' minutes are.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REFERENCE = /\b(id|slide|objective|beside|category):(\s*)([a-z0-9][a-z0-9-]*)/g;
/** An embed's id: `<KnowledgeCheck id="…"`, not a glossary `<Term id="…"` (terms stay shared). */
const EMBED_ID = /(<(?!Term\b)[A-Z][A-Za-z]*\b[^>]*?\bid=")([a-z0-9][a-z0-9-]*)"/g;

/** `text` (YAML, or an MDX file with its frontmatter) with every id it defines or references suffixed. */
export function suffixIds(text: string, suffix: string): string {
  const lines = text.split('\n');
  let inSlideList = false;
  const out = lines.map((line) => {
    // A module's block list of slide ids: `slides:` then `  - id` lines.
    if (/^slides:\s*$/.test(line)) {
      inSlideList = true;
      return line;
    }
    if (inSlideList) {
      const item = /^(\s*-\s+)([a-z0-9][a-z0-9-]*)\s*$/.exec(line);
      if (item) return `${item[1]}${item[2]}${suffix}`;
      inSlideList = false;
    }
    // A flow list: `slides: [a, b]`.
    const flow = /^slides:\s*\[(.*)\]\s*$/.exec(line);
    if (flow) return `slides: [${(flow[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((s) => s + suffix).join(', ')}]`;
    // A copy has no title or closing slide of its own: the course keeps one of each.
    if (/^kind:\s*(title|closing)\s*$/.test(line)) return null;
    return line.replace(REFERENCE, (_m, key: string, space: string, id: string) => `${key}:${space}${id}${suffix}`).replace(EMBED_ID, (_m, head: string, id: string) => `${head}${id}${suffix}"`);
  });
  return out.filter((l) => l !== null).join('\n');
}

export interface ScaledCourse {
  root: string;
  modules: number;
  slides: number;
}

/** Write the N× copy of the course at `from` into the (empty) folder `to`. */
export function scaleCourse(from: string, to: string, n: number): ScaledCourse {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--scale takes a whole number of copies, 1 or more (got ${n})`);
  mkdirSync(join(to, 'slides'), { recursive: true });
  mkdirSync(join(to, 'modules'), { recursive: true });
  cpSync(join(from, 'slides'), join(to, 'slides'), { recursive: true });
  cpSync(join(from, 'modules'), join(to, 'modules'), { recursive: true });
  // Images and other files slides may reference sit beside the course folders.
  for (const dir of ['public', 'assets']) {
    try {
      cpSync(join(from, dir), join(to, dir), { recursive: true });
    } catch {
      /* the course has no such folder */
    }
  }
  const slideFiles = readdirSync(join(from, 'slides')).filter((f) => f.endsWith('.mdx'));
  const moduleFiles = readdirSync(join(from, 'modules')).filter((f) => /^\d+-.*\.ya?ml$/.test(f)).sort();
  const assessmentFile = join(from, 'modules', 'assessment.yaml');
  let assessment: string | null = null;
  try {
    assessment = readFileSync(assessmentFile, 'utf8');
  } catch {
    /* no final assessment */
  }
  const copies: string[] = [];
  for (let k = 2; k <= n; k++) {
    const suffix = `-x${k}`;
    for (const file of slideFiles) writeFileSync(join(to, 'slides', `${k}-${file.replace(/\.mdx$/, '')}${suffix}.mdx`), suffixIds(readFileSync(join(from, 'slides', file), 'utf8'), suffix));
    moduleFiles.forEach((file, i) => {
      const name = file.replace(/^\d+-/, '').replace(/\.ya?ml$/, '');
      writeFileSync(join(to, 'modules', `${(k - 1) * moduleFiles.length + i + 1}-${name}${suffix}.yaml`), suffixIds(readFileSync(join(from, 'modules', file), 'utf8'), suffix));
    });
    if (assessment !== null) {
      const at = assessment.indexOf('\nquestions:\n');
      if (at >= 0) copies.push(suffixIds(assessment.slice(at + '\nquestions:\n'.length), suffix));
    }
  }
  const coursePath = join(to, 'modules', 'course.yaml');
  try {
    const course = readFileSync(coursePath, 'utf8');
    writeFileSync(coursePath, course.replace(/^durationMinutes:\s*(\d+)/m, (_m, minutes: string) => `durationMinutes: ${Number(minutes) * n}`));
  } catch {
    /* no course.yaml: the builder says what is missing */
  }
  if (assessment !== null && copies.length > 0) writeFileSync(join(to, 'modules', 'assessment.yaml'), [assessment.replace(/\n*$/, ''), ...copies].join('\n') + '\n');
  return { root: to, modules: moduleFiles.length * n, slides: slideFiles.length * n };
}
