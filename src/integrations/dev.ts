/**
 * `npm run dev`: the live preview. Vite recompiles a slide's MDX body when
 * it changes (./slide-bodies.ts); everything else the pages show comes
 * from the course model (src/model/load.ts getCourse), which reads the
 * course's files itself. This watches the course folder and, on any change
 * (a slide's frontmatter, a new or removed slide, modules/*.yaml,
 * course.yaml, assessment.yaml), marks the model stale, says in the
 * terminal whether the course is now valid (every error with file, field and
 * fix; the browser shows the same in Astro's overlay when the page renders),
 * and reloads the open pages. While the course is broken, every page that
 * connects is sent the errors for Astro's overlay: Astro sends them once,
 * 200 ms after the failed page, which a page still loading on a busy machine
 * misses, and it would then sit on a blank error page.
 */
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import { CoursePreviewError, CourseValidationError } from '../model/errors';
import { courseChanged, loadCourse } from '../model/load';
import { RESOLVED_SLIDE_BODIES_ID } from './slide-bodies';

/** Wait this long after the last event: one save is often several (write, rename, chmod). */
const SETTLE_MS = 120;

/**
 * Forget the pages' compiled and evaluated copies of a slide file, and of
 * the slide-bodies module when a file came or went (in both of Astro's
 * server environments), so the next render imports them again.
 */
function invalidate(server: ViteDevServer, file: string, listChanged: boolean): void {
  /** The same two lookups in Vite's module graph (compiled) and the runner's (evaluated). */
  const forget = <M>(graph: { getModulesByFile(file: string): Set<M> | undefined; getModuleById(id: string): M | undefined; invalidateModule(module: M): void }) => {
    const stale = new Set(graph.getModulesByFile(file));
    const list = listChanged ? graph.getModuleById(RESOLVED_SLIDE_BODIES_ID) : undefined;
    if (list) stale.add(list);
    for (const module of stale) graph.invalidateModule(module);
  };
  for (const name of ['ssr', 'prerender']) {
    const environment = server.environments[name];
    if (!environment) continue;
    forget(environment.moduleGraph);
    if (isRunnableDevEnvironment(environment)) forget(environment.runner.evaluatedModules);
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The message Vite's client turns into Astro's overlay (its fields hold HTML): the errors, the fix, the first error's file with its line marked. */
export function overlayPayload(error: CoursePreviewError): { type: 'error'; err: Record<string, unknown> } {
  const loc = error.loc && { ...error.loc, file: resolve(error.loc.file) };
  let highlightedCode: string | undefined;
  try {
    if (loc?.line) {
      const lines = readFileSync(loc.file, 'utf8').split(/\r?\n/);
      highlightedCode = `<pre class="shiki"><code>${lines.map((text, i) => `<span class="line${i + 1 === loc.line ? ' error-line' : ''}">${escapeHtml(text)}</span>`).join('\n')}</code></pre>`;
    }
  } catch {
    // The file went away since: the overlay shows the message without the code.
  }
  return {
    type: 'error',
    err: { name: error.name, title: error.title, message: escapeHtml(error.message), hint: escapeHtml(error.hint), loc, highlightedCode, stack: '', plugin: 'course' },
  };
}

export function watchCourse(server: ViteDevServer, root: string, logger: AstroIntegrationLogger): void {
  const slides = join(root, 'slides') + sep;
  const modules = join(root, 'modules') + sep;
  server.watcher.add([join(root, 'slides'), join(root, 'modules')]);

  let broken: CoursePreviewError | null = null;
  const validate = (): string => {
    try {
      const model = loadCourse(root);
      broken = null;
      return `course reloaded: ${model.modules.length} module(s), ${model.slides.length} slide(s), no authoring errors`;
    } catch (error) {
      if (!(error instanceof CourseValidationError)) throw error;
      broken = new CoursePreviewError(error);
      return broken.message;
    }
  };
  validate();
  server.ws.on('connection', (socket: { send(data: string): void }) => {
    if (broken) socket.send(JSON.stringify(overlayPayload(broken)));
  });

  const reload = () => {
    // Pages with getStaticPaths (one per module) keep their paths until told the content changed.
    for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
    server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
  };
  const report = () => {
    const said = validate();
    if (broken) logger.error(said);
    else logger.info(said);
    reload();
  };

  let settle: ReturnType<typeof setTimeout> | undefined;
  server.watcher.on('all', (event, path) => {
    const inSlides = path.startsWith(slides);
    if (!inSlides && !path.startsWith(modules)) return;
    courseChanged();
    // A body is compiled from the file itself (./slide-bodies.ts): nothing else to wait for.
    if (inSlides && path.endsWith('.mdx')) invalidate(server, path, event === 'add' || event === 'unlink');
    clearTimeout(settle);
    settle = setTimeout(report, SETTLE_MS);
  });
}
