/**
 * A slide's MDX body, compiled by Astro's content collection
 * (src/content.config.ts), for the modes' slide components.
 */
import { getEntry, render } from 'astro:content';
import type { SlideModel } from '../model/course';

type Body = Awaited<ReturnType<typeof render>>['Content'];

/**
 * The body's component, or null while `npm run dev` has a slide in the model
 * that Astro's content store has not taken in yet (a slide file just added or
 * renamed: the store reloads the page once it has it, well under a second
 * later). In a build a missing body is the builder's bug, and says so.
 */
export async function slideBody(slide: SlideModel): Promise<Body | null> {
  const entry = await getEntry('slides', slide.id);
  if (entry) return (await render(entry)).Content;
  if (import.meta.env.DEV) return null;
  throw new Error(`slide "${slide.id}" (${slide.file}) is not in the slides collection`);
}
