/**
 * Index <-> character helpers shared by the question types' compact
 * encodings. An index is one base-36 character (`0-9` then `a-z`), so a
 * check may have up to 36 options, items or categories: the schema allows at
 * most 12.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The character for a 0-based index, e.g. 0 -> "0", 10 -> "a". */
export function indexChar(index: number): string {
  const c = DIGITS[index];
  if (c === undefined || !Number.isInteger(index)) throw new RangeError(`index ${index} does not fit one base-36 character`);
  return c;
}

/** The index a character stands for, or -1 when it is not a base-36 digit. */
export function charIndex(c: string): number {
  return c.length === 1 ? DIGITS.indexOf(c) : -1;
}

/** Indexes of the entries of `list` whose id is in `ids`, ascending; ids not in the list are skipped. */
export function indexesOf(list: ReadonlyArray<{ id: string }>, ids: Iterable<string>): number[] {
  const wanted = new Set(ids);
  const out: number[] = [];
  list.forEach((entry, i) => {
    if (wanted.has(entry.id)) out.push(i);
  });
  return out;
}

/** A string array, or null for anything else (untyped input guard). */
export function asStringArray(value: unknown): readonly string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/** A plain string->string record, or null for anything else (untyped input guard). */
export function asStringRecord(value: unknown): Readonly<Record<string, string>> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.values(value).every((v) => typeof v === 'string') ? (value as Record<string, string>) : null;
}
