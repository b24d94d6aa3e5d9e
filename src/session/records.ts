/**
 * Records keyed by the author's ids (checks, reflections) and read back
 * from a learner's saved data: an id such as `constructor` or `__proto__`
 * must work like any other. Reads look at own properties only (a plain
 * object would answer `constructor` with Object's); records built here
 * have no prototype, so writing `__proto__` stores a value instead of
 * replacing the prototype. Browser-safe; pure.
 */

/** The value stored under `id`, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** A record without a prototype, with `from`'s own entries copied in. */
export function record<T>(from?: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (from) for (const [k, v] of Object.entries(from)) out[k] = v;
  return out;
}
