/**
 * The build hook, kept thin: validate the course before Astro writes
 * anything, and after the build make every URL relative. The work happens in
 * pure modules (src/model/validate.ts, ./relative-urls.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CourseValidationError } from '../model/errors';
import { courseRoot, loadCourse } from '../model/load';
import { relativizeCss, relativizeHtml } from './relative-urls';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export default function courseIntegration(): AstroIntegration {
  let outDir = '';
  return {
    name: 'course',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        outDir = fileURLToPath(config.outDir);
        try {
          loadCourse(courseRoot());
        } catch (error) {
          if (!(error instanceof CourseValidationError)) throw error;
          // No partial output: a failed build leaves no dist/ that could be mistaken for a good one.
          rmSync(outDir, { recursive: true, force: true });
          logger.error(error.message);
          throw new Error(`Course validation failed with ${error.errors.length} error(s); see above.`);
        }
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const file of walk(root)) {
          const path = relative(root, file).split('\\').join('/');
          if (path.endsWith('.html')) writeFileSync(file, relativizeHtml(readFileSync(file, 'utf8'), path));
          else if (path.endsWith('.css')) writeFileSync(file, relativizeCss(readFileSync(file, 'utf8'), path));
        }
      },
    },
  };
}
