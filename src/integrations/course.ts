/**
 * The build hook, kept thin: validate the course before Astro writes
 * anything; after the build make every URL relative, then write the SCORM
 * packages from the finished site. The work happens in pure modules
 * (src/model/validate.ts, ./relative-urls.ts, src/packager/).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { CourseModel } from '../model/course';
import { CourseValidationError } from '../model/errors';
import { courseRoot, getCourse, loadCourse } from '../model/load';
import { relativizeCss, relativizeHtml } from './relative-urls';
import { PACKAGES_DIR, writePackages } from '../packager/node';

/**
 * Absolute URLs the packages may carry: the links to other sites authors
 * wrote in slides (found by the validator's MDX parse), which a learner may
 * follow and the course never fetches (DESIGN.md: nothing is fetched from
 * another origin). Each is allowed exactly, nothing by prefix.
 */
function authoredLinks(model: CourseModel): RegExp[] {
  const urls = new Set(model.slides.flatMap((s) => s.externalLinks));
  return [...urls].map((url) => new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

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
          // The list above is the whole story: no stack trace of the builder's own code after it.
          const stop = new Error(`Course validation failed with ${error.errors.length} error(s); see above.`);
          stop.stack = stop.message;
          throw stop;
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        for (const file of walk(root)) {
          const path = relative(root, file).split('\\').join('/');
          if (path.endsWith('.html')) writeFileSync(file, relativizeHtml(readFileSync(file, 'utf8'), path));
          else if (path.endsWith('.css')) writeFileSync(file, relativizeCss(readFileSync(file, 'utf8'), path));
        }
        // The SCORM packages, from the finished (relative-URL) site: dist/packages/<course id>-scorm12.zip, -scorm2004.zip.
        const model = getCourse();
        const written = await writePackages({ distDir: root, course: model, outDir: join(root, PACKAGES_DIR), allowUrls: authoredLinks(model) });
        for (const p of written) {
          logger.info(`${relative(process.cwd(), p.file)}: ${(p.bytes / 1024).toFixed(1)} KB (${p.siteFiles} site files)`);
        }
      },
    },
  };
}
