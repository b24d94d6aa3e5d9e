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
  /** Where in the file (1-based, as editors count), when known. */
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

/** Group errors by file, in a stable order, for the terminal. */
export function formatErrors(errors: AuthoringError[]): string {
  const byFile = new Map<string, AuthoringError[]>();
  // By file, then in the order of the file's lines (the sort is stable for errors without a line).
  for (const e of [...errors].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0))) {
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
