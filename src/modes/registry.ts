/**
 * The output modes, one line each: the self-paced course (read), the
 * presenter deck (present) and the LMS launch page (lms). The build injects
 * every mode's pages (src/integrations/course.ts). Build time only.
 */
import type { Mode } from './contract';
import { lms } from './lms';
import { present } from './present';
import { read } from './read';

export const modes: readonly Mode[] = [read, present, lms];
