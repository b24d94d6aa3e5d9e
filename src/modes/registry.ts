/**
 * The output modes, one line each: the self-paced course (read), the
 * presenter deck (present), the LMS launch page (lms) and the phones' page
 * of live answers (audience). The build injects
 * every mode's pages (src/integrations/course.ts). Build time only.
 */
import { audience } from './audience';
import type { Mode } from './contract';
import { lms } from './lms';
import { present } from './present';
import { read } from './read';

export const modes: readonly Mode[] = [read, present, lms, audience];
