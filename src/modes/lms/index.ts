/** The LMS launch page: the one SCO of every package, framing the reader's pages (src/modes/lms). */
import { defineMode } from '../contract';

export const lms = defineMode({
  id: 'lms',
  routes: [{ pattern: '/lms', entrypoint: new URL('./pages/lms.astro', import.meta.url) }],
});
