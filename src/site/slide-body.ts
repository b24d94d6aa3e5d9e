/**
 * A slide's MDX body, compiled by Vite (@astrojs/mdx) and imported through
 * the course's slide-bodies module (src/integrations/slide-bodies.ts), for
 * the modes' slide components.
 */
import type { MDXInstance } from 'astro';
import type { SlideModel } from '../model/course';

type Body = MDXInstance<Record<string, unknown>>['default'];

/**
 * The body's component. Under `npm run dev` a slide file added a moment ago
 * may not be in the module yet (the watcher, src/integrations/dev.ts,
 * invalidates it and reloads the page): the slide then shows without its
 * body. In a build a missing body is the builder's bug, and says so.
 */
export async function slideBody(slide: SlideModel): Promise<Body | null> {
  // Imported at each call, not once: under dev the watcher replaces the module when a slide file comes or goes.
  const { bodies } = await import('virtual:course/slide-bodies');
  const load = bodies[slide.file];
  if (load) return (await load()).default;
  if (import.meta.env.DEV) return null;
  throw new Error(`slide "${slide.id}" (${slide.file}) has no compiled body (src/integrations/slide-bodies.ts)`);
}
