/**
 * The slides' MDX bodies, as one virtual module the pages import
 * (src/site/slide-body.ts): for each `.mdx` file in the course's slides/
 * folder, by its path from the course root (the model's `slide.file`), a
 * function importing that file through Vite, where @astrojs/mdx compiles it.
 *
 * Why not Astro's content collections: the model (src/model/load.ts) already
 * reads and checks every slide's frontmatter, so the collection's only job
 * was compiling bodies, and it cost a content sync of its own (about 1.4 s
 * of every build, a Vite server to load its config) and, under `npm run
 * dev`, a store and a file-to-module map written after each change, which
 * the pages had to wait for and which a renamed slide left stale. A plain
 * import is compiled by Vite, watched by Vite, and is never out of date.
 *
 * Imports are on demand (`import()`), so a slide whose MDX does not compile
 * fails only the pages that show it, with Vite's error for that file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const SLIDE_BODIES_ID = 'virtual:course/slide-bodies';
/** Vite's convention for a virtual module's resolved id: the NUL keeps other plugins off it. */
export const RESOLVED_SLIDE_BODIES_ID = `\0${SLIDE_BODIES_ID}`;

/** The slide files of the course at `root`, as paths from it (slides/x.mdx), in a stable order. */
export function slideFiles(root: string): string[] {
  const dir = join(root, 'slides');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => `slides/${name}`);
}

/** The virtual module's code: `bodies[file]` imports that file's compiled body. Paths are absolute, so any course folder works. */
export function slideBodiesModule(root: string, files: readonly string[]): string {
  const entries = files.map((file) => `  ${JSON.stringify(file)}: () => import(${JSON.stringify(join(root, file).split('\\').join('/'))}),`);
  return `export const bodies = {\n${entries.join('\n')}\n};\n`;
}

/** The Vite plugin serving the virtual module for the course at `root()` (asked on each load: the dev watcher invalidates it when a slide file comes or goes). */
export function slideBodiesPlugin(root: () => string): Plugin {
  return {
    name: 'course:slide-bodies',
    resolveId: (id) => (id === SLIDE_BODIES_ID ? RESOLVED_SLIDE_BODIES_ID : undefined),
    load: (id) => {
      if (id !== RESOLVED_SLIDE_BODIES_ID) return undefined;
      const courseDir = root();
      return slideBodiesModule(courseDir, slideFiles(courseDir));
    },
  };
}
