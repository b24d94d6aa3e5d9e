/**
 * Authoring errors as Astro's own error type (`astro/errors`): the grouped
 * list as the message, what to do next as the hint, and the first error's
 * file, line and column as its location, so the terminal and the dev
 * overlay show them the way Astro shows its own, without a stack trace of
 * the builder's code.
 */
import { resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import { type AuthoringError, formatErrors } from '../model/errors';

export class CourseAuthoringError extends AstroError {
  /** Where the first error is, as Astro's overlay reads it. */
  loc?: { file: string; line?: number; column?: number };
  // Not named `errors`: Astro would take an `errors` array for an AggregateError's and print those instead.
  constructor(readonly authoring: AuthoringError[], hint: string) {
    super(formatErrors(authoring), hint);
    this.name = 'CourseAuthoringError';
    const first = [...authoring].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0))[0];
    if (first) this.loc = { file: resolve(first.file), line: first.line, column: first.column };
    // The message is the whole story: the builder's call stack would only bury it (and Astro would read a location from it).
    this.stack = '';
  }
}

export function authoringError(errors: AuthoringError[], after?: string): CourseAuthoringError {
  const hint = `Fix each field above in its file (the line and column are where an editor puts the cursor) and build again.${after ? ` ${after}` : ''}`;
  return new CourseAuthoringError(errors, hint);
}
