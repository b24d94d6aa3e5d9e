/** What one page's render shares with the components inside it (Astro.locals). */
declare namespace App {
  interface Locals {
    /** The page's path from the site root (src/site/urls.ts): links inside the slides' bodies are written relative to it. */
    pagePath?: string;
  }
}

/** The slides' compiled MDX bodies, by file (src/integrations/slide-bodies.ts). */
declare module 'virtual:course/slide-bodies' {
  export const bodies: Readonly<Record<string, () => Promise<import('astro').MDXInstance<Record<string, unknown>>>>>;
}
