/** What one page's render shares with the components inside it (Astro.locals). */
declare namespace App {
  interface Locals {
    /** The page's path from the site root (src/site/urls.ts): links inside the slides' bodies are written relative to it. */
    pagePath?: string;
  }
}
