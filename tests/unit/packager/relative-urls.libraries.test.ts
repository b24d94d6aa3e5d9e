/**
 * The scanner against the libraries the course ships (node_modules): what
 * reveal.js, its notes/markdown/highlight plugins, scorm-again and Astro's
 * client runtime contain passes; what would fetch from another origin (the
 * Google Fonts imports of some reveal.js themes, the math plugin's CDN) is
 * caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAbsoluteUrls } from '../../../src/packager/relative-urls';

const nm = (p: string) => join(process.cwd(), 'node_modules', p);
const scan = (p: string) => findAbsoluteUrls(p, readFileSync(nm(p), 'utf8'));

describe('findAbsoluteUrls on shipped libraries', () => {
  it('finds nothing in reveal.js, its notes, markdown and highlight plugins, and its local-font themes', () => {
    for (const p of [
      'reveal.js/dist/reveal.mjs',
      'reveal.js/dist/reveal.js',
      'reveal.js/dist/reveal.css',
      'reveal.js/dist/reset.css',
      'reveal.js/dist/plugin/notes.mjs',
      'reveal.js/dist/plugin/markdown.mjs',
      'reveal.js/dist/plugin/highlight.mjs',
      'reveal.js/dist/theme/white.css',
      'reveal.js/dist/theme/black.css',
      'reveal.js/dist/theme/white-contrast.css',
    ]) {
      expect(scan(p), p).toEqual([]);
    }
  });

  it('finds nothing in the scorm-again bundles', () => {
    const dir = 'scorm-again/dist/esm';
    const bundles = readdirSync(nm(dir)).filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const f of bundles) expect(scan(`${dir}/${f}`), f).toEqual([]);
  });

  it('finds nothing in the Astro client runtime', () => {
    const dir = 'astro/dist/runtime/client';
    for (const f of readdirSync(nm(dir)).filter((f) => f.endsWith('.js'))) expect(scan(`${dir}/${f}`), f).toEqual([]);
  });

  it('catches the Google Fonts import of a reveal.js theme and the math plugin CDN', () => {
    expect(scan('reveal.js/dist/theme/beige.css').map((f) => f.url)).toEqual([
      'https://fonts.googleapis.com/css?family=Lato:400,700,400italic,700italic',
    ]);
    expect(scan('reveal.js/dist/plugin/math.mjs').map((f) => f.url)).toContain('https://cdn.jsdelivr.net/npm/katex');
  });
});
