/**
 * The build hook, kept thin: validate the course before Astro writes
 * anything and inject every mode's pages (src/modes/registry.ts); after the
 * build make Astro's own asset URLs relative, then write one package per
 * standard (src/standards/) from the finished site. The work happens in pure
 * modules (src/model/validate.ts, ./relative-urls.ts, src/packager/).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { localeOf } from '../i18n';
import type { CourseModel } from '../model/course';
import { CourseValidationError } from '../model/errors';
import { courseRoot, getCourse, loadCourse } from '../model/load';
import { TRACKING_FILE, trackingJson } from '../model/tracking';
import { notPackaged } from '../modes/audience/packaged';
import { modes } from '../modes/registry';
import { writePackages } from '../packager/node';
import { mediaPath, PACKAGES_DIR, paths } from '../site/urls';
import { packageTargets } from '../standards/packages';
import { authoringError } from './authoring-error';
import { notesPluginFile, speakerViewHashes, withCsp } from './csp';
import { watchCourse } from './dev';
import { relativizeAssetUrls, relativizeCssAssetUrls } from './relative-urls';
import { searchRuntimeUrls, writeSearchIndex } from './search';
import { slideBodiesPlugin } from './slide-bodies';
import { type Staging, stage } from './staging';

/**
 * Absolute URLs the packages may carry: the links to other sites authors
 * wrote in slides (found by the validator's MDX parse), which a learner may
 * follow and the course never fetches (src/README.md: nothing is fetched from
 * another origin). Each is allowed exactly, nothing by prefix.
 */
function authoredLinks(model: CourseModel): RegExp[] {
  const urls = new Set(model.slides.flatMap((s) => s.externalLinks));
  return [...urls].map((url) => new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** The presenter origins the deck obeys (course.yaml `present.controlOrigins`): compared with a message's origin, never fetched. */
function controlOrigins(model: CourseModel): RegExp[] {
  return (model.course.present?.controlOrigins ?? []).map((origin) => new RegExp(`^${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** The IRIs the standards' runtimes name as identifiers (never fetched), each allowed exactly. */
function identifierIris(): RegExp[] {
  const iris = new Set(Object.values(packageTargets).flatMap((t) => t.identifiers ?? []));
  return [...iris].map((iri) => new RegExp(`^${iri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** The course under dev, or null while it is broken (the pages show why). */
function getCourseOrNull(): CourseModel | null {
  try {
    return loadCourse(courseRoot());
  } catch {
    return null;
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export default function courseIntegration(): AstroIntegration {
  let staging: Staging | undefined;
  return {
    name: 'course',
    hooks: {
      'astro:config:setup': ({ config, command, logger, injectRoute, updateConfig }) => {
        // The slides' MDX bodies, compiled by Vite (./slide-bodies.ts).
        updateConfig({ vite: { plugins: [slideBodiesPlugin(courseRoot)] } });
        // The browser's scripts keep only the course's interface words (src/i18n/index.ts __BROWSER_LOCALE__).
        const defineLocale = (model: CourseModel) => updateConfig({ vite: { define: { __BROWSER_LOCALE__: JSON.stringify(localeOf(model.course.language)) } } });
        const inject = (model: CourseModel | null) => {
          for (const mode of modes)
            for (const route of mode.routes) if (model === null || (route.when?.(model) ?? true)) injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
        };
        if (command === 'dev') {
          // The preview starts whatever state the course is in: its pages show the errors (Astro's overlay),
          // and dev writes nothing, neither dist/ nor modules/tracking.json (the build numbers new ids).
          let model: CourseModel | null = null;
          try {
            model = loadCourse(courseRoot());
          } catch (error) {
            if (!(error instanceof CourseValidationError)) throw error;
            logger.error(error.message.replace('; nothing was built.', ':'));
          }
          // Under dev, a course broken at start keeps every locale (its language is not known yet).
          if (model) defineLocale(model);
          inject(model);
          return;
        }
        try {
          const model = loadCourse(courseRoot());
          defineLocale(model);
          inject(model);
          // New slides or checks get their stable numbers for the learner's record once, here (src/model/tracking.ts).
          if (model.tracking.added.length > 0) {
            writeFileSync(join(courseRoot(), TRACKING_FILE), trackingJson(model.tracking.numbers));
            logger.info(`${TRACKING_FILE}: numbered ${model.tracking.added.length} new slide or check id(s) for learners' records; commit the file with the course`);
          }
        } catch (error) {
          if (!(error instanceof CourseValidationError)) throw error;
          // Astro's own error type: the list as its message, what to do as its hint, the first error's place as its location.
          throw authoringError(error.errors, command === 'build' ? 'dist/ still holds the previous build, untouched.' : undefined);
        }
        // Build into a staging folder; dist/ is replaced only when everything is written (./staging.ts).
        if (command === 'build') {
          staging = stage(fileURLToPath(config.outDir));
          updateConfig({ outDir: pathToFileURL(`${staging.dir}/`) });
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        watchCourse(server, courseRoot(), logger);
        // The course's own icon under dev too (the build copies it over the builder's).
        server.middlewares.use(`/${paths.favicon}`, (_req, res, next) => {
          const favicon = getCourseOrNull()?.course.brand?.favicon;
          if (!favicon) return next();
          res.setHeader('Content-Type', 'image/svg+xml');
          res.end(readFileSync(join(courseRoot(), favicon)));
        });
        // And its logo, under the name the build gives it.
        server.middlewares.use((req, res, next) => {
          const logo = getCourseOrNull()?.course.brand?.logo;
          if (!logo || req.url?.split('?')[0] !== `/${paths.logo(logo.src)}`) return next();
          res.setHeader('Content-Type', { svg: 'image/svg+xml', png: 'image/png', webp: 'image/webp' }[paths.logo(logo.src).split('.')[1]!] ?? 'application/octet-stream');
          res.end(readFileSync(join(courseRoot(), logo.src)));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // The deck's speaker view inherits the deck's policy (src/integrations/csp.ts).
        const speaker = speakerViewHashes(readFileSync(notesPluginFile(), 'utf8'));
        for (const file of walk(root)) {
          const path = relative(root, file).split('\\').join('/');
          if (path.endsWith('.html')) writeFileSync(file, withCsp(relativizeAssetUrls(readFileSync(file, 'utf8'), path), path === paths.deck ? speaker : undefined));
          else if (path.endsWith('.css')) writeFileSync(file, relativizeCssAssetUrls(readFileSync(file, 'utf8'), path));
        }
        const model = getCourse();
        // The videos and captions slides show, beside the pages (src/site/Video.astro links them).
        for (const slide of model.slides)
          for (const video of slide.videos)
            for (const file of [video.src, video.captions]) {
              const to = join(root, mediaPath(slide.file, file));
              mkdirSync(dirname(to), { recursive: true });
              copyFileSync(join(courseRoot(), dirname(slide.file), file), to);
            }
        // The course's own icon (course.yaml brand.favicon) in place of the builder's, before the packages take the site.
        const favicon = model.course.brand?.favicon;
        if (favicon) copyFileSync(join(courseRoot(), favicon), join(root, paths.favicon));
        // Its logo (brand.logo), which the reader's header, the launch page and the deck's title slide show.
        const logo = model.course.brand?.logo;
        if (logo) copyFileSync(join(courseRoot(), logo.src), join(root, paths.logo(logo.src)));
        // The search index, from the finished pages, so that it travels in the packages (./search.ts).
        const search = await writeSearchIndex(root);
        logger.info(`search index: ${search.pages} pages, ${search.files.length} files, ${(search.bytes / 1024).toFixed(1)} KB`);
        // The packages, from the finished (relative-URL) site: dist/packages/<course id>-<standard id>.zip.
        const written = await writePackages({
          distDir: root,
          course: model,
          outDir: join(root, PACKAGES_DIR),
          targets: Object.values(packageTargets),
          allowUrls: [...authoredLinks(model), ...controlOrigins(model), ...identifierIris(), ...searchRuntimeUrls],
          // The phones' page of live answers is for the room, not the course.
          exclude: notPackaged,
        });
        staging?.commit();
        for (const p of written) {
          const file = staging ? join(staging.final, relative(staging.dir, p.file)) : p.file;
          logger.info(`${relative(process.cwd(), file)}: ${(p.bytes / 1024).toFixed(1)} KB (${p.siteFiles} site files)`);
        }
      },
    },
  };
}
