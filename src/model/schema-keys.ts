/**
 * The field names a zod schema allows at a path of the author's data, for
 * "did you mean" on a misspelt field. Walks zod's own definitions (objects,
 * arrays, optional/default wrappers, unions picked by the data's
 * discriminator). Build-time; pure.
 */
import type { z } from 'astro/zod';

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  options?: Array<{ _zod: { def: Def } }>;
  getter?: () => { _zod: { def: Def } };
  values?: unknown[];
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function unwrap(def: Def): Def {
  for (;;) {
    if (def.innerType) def = defOf(def.innerType);
    else if (def.type === 'pipe' && def.in) def = defOf(def.in);
    else if (def.type === 'lazy' && def.getter) def = defOf(def.getter());
    else return def;
  }
}

/** The object shapes the schema may have here: a union's option whose literal fields match the data, else all options. */
function objects(def: Def, data: unknown): Def[] {
  def = unwrap(def);
  if (def.type === 'object') return [def];
  if (def.type !== 'union' || !def.options) return [];
  const all = def.options.flatMap((o) => objects(defOf(o), data));
  const record = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const matching = all.filter((o) =>
    Object.entries(o.shape ?? {}).some(([k, v]) => {
      const inner = unwrap(v._zod.def);
      return inner.type === 'literal' && inner.values?.includes(record[k]);
    }),
  );
  return matching.length > 0 ? matching : all;
}

/** The fields allowed at `path` of `data` under `schema` (empty when the path leads to no object). */
export function fieldsAt(schema: z.ZodType, data: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  let defs: Def[] = [defOf(schema)];
  let here: unknown = data;
  for (const step of path) {
    const next: Def[] = [];
    for (const def of defs.map(unwrap)) {
      if (typeof step === 'number' && def.type === 'array' && def.element) next.push(defOf(def.element));
      else for (const o of objects(def, here)) if (typeof step === 'string' && o.shape?.[step]) next.push(o.shape[step]._zod.def);
    }
    defs = next;
    here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[step as string] : undefined;
  }
  return [...new Set(defs.flatMap((d) => objects(d, here)).flatMap((o) => Object.keys(o.shape ?? {})))];
}
