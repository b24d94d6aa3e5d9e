// @ts-check
/**
 * The build's own TypeScript (the course integration and what it imports),
 * bundled into one ES module that Node imports natively, so that Astro
 * loads astro.config.mjs with Node's import() and not through a Vite
 * server started for the purpose (astro/dist/core/config/vite-load.js
 * tries Node first and falls back to Vite when the config imports
 * TypeScript). That server, which transforms and evaluates each of the
 * integration's ~100 modules one by one, was the largest fixed cost of a
 * build: about 2 s of a 9 s build, against about 0.3 s for this bundle.
 *
 * Plain JavaScript, as astro.config.mjs is, so Node can run it as it is.
 *
 * - Packages stay imports (resolved from the project's node_modules, where
 *   the bundle is written); only the project's own files are bundled.
 * - Each module's `import.meta.url` is its own file's URL, as when it runs
 *   unbundled, so URLs built from it (the XSD folders, the modes' page
 *   entrypoints) still point at the source tree.
 * - The file is named by a hash of its code and written by rename, so two
 *   builds running at once never read a half-written bundle.
 *
 * Astro no longer watches these files under `npm run dev`: a change to the
 * builder's own code (not the course's) needs a restart of `npm run dev`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '../..');
const outDir = join(projectRoot, 'node_modules/.cache/course-builder-config');

/** A project file (relative or absolute path), not a package. */
const isOwn = (/** @type {string} */ id) => id.startsWith('.') || isAbsolute(id);

/**
 * The module namespace of `entry` (a TypeScript file of this project),
 * bundled with what it imports from the project.
 * @param {string} entry path from the project root, e.g. "src/integrations/config-entry.ts"
 * @returns {Promise<Record<string, unknown>>}
 */
export async function importBundled(entry) {
  const bundle = await rolldown({
    input: join(projectRoot, entry),
    platform: 'node',
    external: (id) => !isOwn(id),
    plugins: [
      {
        name: 'own-import-meta-url',
        transform(code, id) {
          if (!code.includes('import.meta.url')) return null;
          return { code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href)), map: null };
        },
      },
    ],
    logLevel: 'warn',
  });
  try {
    const { output } = await bundle.generate({ format: 'esm', codeSplitting: false });
    const code = output[0].code;
    const file = join(outDir, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(outDir, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    }
    const loaded = await import(pathToFileURL(file).href);
    // Earlier bundles are of code since changed: loaded modules no longer need their file. Another build's
    // half-written bundle (.tmp, renamed when complete) is left alone.
    for (const old of readdirSync(outDir)) if (old.endsWith('.mjs') && old !== basename(file)) rmSync(join(outDir, old), { force: true });
    return loaded;
  } finally {
    await bundle.close();
  }
}
