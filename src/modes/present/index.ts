/** The presenter deck: one page, every slide (src/modes/present). */
import { defineMode } from '../contract';

export const present = defineMode({
  id: 'present',
  routes: [{ pattern: '/present', entrypoint: new URL('./pages/present.astro', import.meta.url) }],
});
