/**
 * The phones' page of live answers (src/modes/audience): what an attendee
 * opens from the QR code on the deck's title and question slides while
 * `npm run present -- --live` runs. It is an output mode like the others (a
 * page, its runtime, styles and words, one line in ../registry.ts), but it
 * belongs to the room, not to the course: the LMS packages leave it out
 * (packaged.ts).
 */
import { defineMode } from '../contract';

export const audience = defineMode({
  id: 'audience',
  routes: [{ pattern: '/audience', entrypoint: new URL('./pages/audience.astro', import.meta.url) }],
});
