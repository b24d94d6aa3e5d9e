/**
 * Authoring errors: each names the file, the field and what to do, so an
 * author can fix the source without reading the builder's code.
 */
export interface AuthoringError {
  /** Source file relative to the project root, e.g. "slides/05-five-good-things.mdx". */
  file: string;
  /** Field path inside the file, e.g. "checks[0].options", or "body" (with line and column). */
  field: string;
  /** What is wrong and what to do about it. */
  message: string;
  /** Where in the file (1-based, as editors count), when known: the build's messages and the dev overlay show it. */
  line?: number;
  column?: number;
}

export class CourseValidationError extends Error {
  constructor(readonly errors: AuthoringError[]) {
    super(formatErrors(errors));
    this.name = 'CourseValidationError';
  }
}

/** " (line 12, column 5)", or nothing when the position is unknown. */
export function where(e: Pick<AuthoringError, 'line' | 'column'>): string {
  if (e.line === undefined) return '';
  return e.column === undefined ? ` (line ${e.line})` : ` (line ${e.line}, column ${e.column})`;
}

/**
 * The same errors as a page under `npm run dev` throws them, for Astro's
 * overlay and terminal: they read `title`, `hint` and `loc` (the file, and
 * the line when known, of the first error, whose code the overlay shows) off
 * any error. It carries no `errors` list: Astro takes such a list for
 * separate build errors and would show the first one's words alone, without
 * its file.
 */
export class CoursePreviewError extends Error {
  readonly title = 'Authoring error';
  readonly hint = 'Fix the file and save it: the preview reloads by itself.';
  readonly loc: { file: string; line?: number; column?: number } | undefined;

  constructor(readonly validation: CourseValidationError) {
    super(validation.message.replace('; nothing was built.', ':'));
    this.name = 'CoursePreviewError';
    const first = sortErrors(validation.errors)[0];
    this.loc = first && { file: first.file, ...(first.line ? { line: first.line, column: first.column ?? 1 } : {}) };
    // The builder's own frames say nothing to an author: no stack under the message.
    this.stack = '';
  }
}

function sortErrors(errors: AuthoringError[]): AuthoringError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Group errors by file, in a stable order, for the terminal. */
export function formatErrors(errors: AuthoringError[]): string {
  const byFile = new Map<string, AuthoringError[]>();
  // By file, then in the order of the file's lines (the sort is stable for errors without a line).
  for (const e of sortErrors(errors)) {
    const list = byFile.get(e.file) ?? [];
    list.push(e);
    byFile.set(e.file, list);
  }
  const n = errors.length;
  const lines = [`The course has ${n} authoring error${n === 1 ? '' : 's'}; nothing was built.`];
  for (const [file, list] of byFile) {
    lines.push('', `  ${file}`);
    for (const e of list) lines.push(`    ${e.field}${where(e)}: ${e.message}`);
  }
  return lines.join('\n');
}

/** Render a zod issue path as `checks[0].options[1].feedback`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(file)';
}
