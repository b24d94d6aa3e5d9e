// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { importBundled } from './src/integrations/native-config.mjs';

// The builder's TypeScript, bundled so that this file loads without a Vite server (src/integrations/native-config.mjs).
const { course, quietKnownLogs } = /** @type {typeof import('./src/integrations/config-entry.ts')} */ (
  await importBundled('src/integrations/config-entry.ts')
);

export default defineConfig({
  // Pages are written as files (modules/x.html), so relative links need no trailing-slash guessing.
  outDir: process.env.COURSE_OUT_DIR ?? './dist',
  build: { format: 'file', inlineStylesheets: 'never', assets: '_astro' },
  trailingSlash: 'never',
  // Citations and quotations stay exactly as authored: no curly quotes or "…" substitution.
  // MDX inherits the Markdown processor's features.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [course(), mdx()],
  devToolbar: { enabled: false },
  // Chunks a script imports on demand are found relative to the importing
  // chunk, not from the root-absolute base ("/" + dep) Vite's preload helper
  // would use: every URL in the package stays relative.
  vite: {
    experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined) },
    build: { rolldownOptions: { onLog: quietKnownLogs } },
  },
});
