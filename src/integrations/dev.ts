/**
 * `npm run dev`: the live preview. Astro's dev server already recompiles a
 * slide's MDX body when it changes; everything else the pages show comes
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
import { join, relative, resolve, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import { CoursePreviewError, CourseValidationError } from '../model/errors';
import { courseChanged, loadCourse } from '../model/load';

/** Wait this long after the last event: one save is often several (write, rename, chmod). */
const SETTLE_MS = 120;
/**
 * A slide's body reaches the pages through Astro's content store, which
 * reloads the pages itself once it has written the change (about half a
 * second later). Reloading sooner would render the new frontmatter over the
 * old body, or a new slide before the store has it; so a slide's change
 * waits for the store, and reloads here only if the store never wrote (its
 * parser refused the file, or the text did not change).
 */
const STORE_GRACE_MS = 2000;

/**
 * Astro's content store, in the project's .astro/ folder: the store itself
 * (when it is written, Astro reloads the pages) and the map from each slide
 * file to its compiled module, rewritten when a slide file is added, removed
 * or renamed, after the store. Astro neither reloads the pages nor clears the
 * pages' copy of the map for that one, so a page reloaded for the store would
 * look for a renamed slide under its old name, and stay on that error.
 */
const DATA_STORE = 'data-store.json';
const SECOND_RELOAD_MS = 1500;
const LATE_RELOADS_MS = [1500, 3500];
const CONTENT_MODULES = 'content-modules.mjs';

/**
 * Forget the pages' compiled and evaluated copies of a file (in both of
 * Astro's server environments), so the next render imports it again: the
 * modules Vite knows by the file, and the ones whose id names it (Astro's
 * deferred slide modules, which Vite does not tie to the file when the slide
 * was added or renamed after the server started, so a renamed slide's later
 * edits never showed).
 */
function invalidate(server: ViteDevServer, file: string): void {
  // Astro names the file from the project root (../../ for a course outside it).
  const tail = relative(server.config.root, file).replace(/^(\.\.\/)+/, '');
  const named = (id: string | null) => id !== null && (id.startsWith(file) || safeDecode(id).includes(tail));
  for (const name of ['ssr', 'prerender']) {
    const environment = server.environments[name];
    if (!environment) continue;
    const graph = environment.moduleGraph;
    for (const module of new Set([...(graph.getModulesByFile(file) ?? []), ...[...graph.idToModuleMap.values()].filter((m) => named(m.id))])) graph.invalidateModule(module);
    if (isRunnableDevEnvironment(environment)) {
      const evaluated = environment.runner.evaluatedModules;
      for (const module of new Set([...(evaluated.getModulesByFile(file) ?? []), ...[...evaluated.idToModuleMap.values()].filter((m) => named(m.id))])) evaluated.invalidateModule(module);
    }
  }
}

function safeDecode(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
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

export function watchCourse(server: ViteDevServer, root: string, logger: AstroIntegrationLogger, dotAstroDir: string): void {
  const dataStoreFile = join(dotAstroDir, DATA_STORE);
  const contentModulesFile = join(dotAstroDir, CONTENT_MODULES);
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

  let settle: ReturnType<typeof setTimeout> | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  let slideChanged = false;
  let slideAddedOrRemoved = false;

  const reload = () => {
    clearTimeout(fallback);
    fallback = undefined;
    // Pages with getStaticPaths (one per module) keep their paths until told the content changed.
    for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
    server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
  };

  const report = () => {
    const said = validate();
    if (broken) logger.error(said);
    else logger.info(said);
    if (slideChanged) fallback = setTimeout(reload, STORE_GRACE_MS);
    else reload();
    // A slide file added, removed or renamed goes through Vite, the store and its module map, each reloading
    // the pages when it likes; a page caught half-way shows an error nothing reloads. Rare: reload twice more, late.
    if (slideAddedOrRemoved) for (const ms of LATE_RELOADS_MS) setTimeout(reload, ms);
    slideChanged = false;
    slideAddedOrRemoved = false;
  };

  server.watcher.on('all', (event, path) => {
    if (path === contentModulesFile) {
      invalidate(server, path);
      reload();
      // Vite and the store reloaded the pages a moment ago, from the half-updated store: a page still loading
      // then missed this reload and would stay on that error. Slide files come and go rarely: reload once more.
      setTimeout(reload, SECOND_RELOAD_MS);
      return;
    }
    if (path === dataStoreFile) {
      // Astro reloads the pages itself for this one; only the fallback is no longer needed.
      clearTimeout(fallback);
      fallback = undefined;
      return;
    }
    const inSlides = path.startsWith(slides);
    if (!inSlides && !path.startsWith(modules)) return;
    courseChanged();
    if (inSlides && path.endsWith('.mdx')) {
      slideChanged = true;
      if (event === 'add' || event === 'unlink') slideAddedOrRemoved = true;
      invalidate(server, path);
    }
    clearTimeout(settle);
    settle = setTimeout(report, SETTLE_MS);
  });
}
