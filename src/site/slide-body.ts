/**
 * A slide's MDX body, compiled by Astro's content collection
 * (src/content.config.ts), for the modes' slide components.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getEntry, render } from 'astro:content';
import type { SlideModel } from '../model/course';

type Body = Awaited<ReturnType<typeof render>>['Content'];

/**
 * The body's component, or null while `npm run dev` is between two states of
 * Astro's content store: a slide file just added or renamed that the store
 * has not taken in, or a renamed file the store (or its map from file to
 * compiled module, content-modules.mjs, written after it) still names by its
 * old path. Rendering then fails with Vite's "Failed to load url" for a file
 * that no longer exists, and the page would sit on that error; instead it
 * shows the slide without its body, and the write that brings the store up
 * to date reloads it (Astro for the store, src/integrations/dev.ts for the
 * map). In a build a missing body is the builder's bug, and says so.
 */
export async function slideBody(slide: SlideModel): Promise<Body | null> {
  const entry = await getEntry('slides', slide.id);
  if (!import.meta.env.DEV) {
    if (entry) return (await render(entry)).Content;
    throw new Error(`slide "${slide.id}" (${slide.file}) is not in the slides collection`);
  }
  // Entry paths are relative to the project root, where the dev server runs.
  if (!entry || (entry.filePath && !existsSync(resolve(entry.filePath)))) return null;
  try {
    return (await render(entry)).Content;
  } catch (error) {
    if (namesAGoneFile(error)) return null;
    throw error;
  }
}

/** True for Vite's "Failed to load url <file>…" when that file is gone (renamed or removed a moment ago). */
function namesAGoneFile(error: unknown): boolean {
  const url = /Failed to load url (\S+)/.exec(String((error as Error | undefined)?.message ?? ''))?.[1];
  if (!url) return false;
  const path = decodeURIComponent(url.split('?')[0]!).replace(/^\/@fs\//, '/');
  return !existsSync(path) && !existsSync(resolve(`.${path}`));
}
