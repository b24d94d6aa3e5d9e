/**
 * The question types for a learner's page, each loaded on demand: a reader
 * page imports the types of its own checks and no other (a module with a
 * single-choice and a matching check loads those two), so a course's first
 * script does not grow with the number of types. Each entry is one line per
 * registered type, checked by the compiler against the registry
 * (registry.ts), so a type added there and not here does not compile.
 */
import { answersOver, type Answers } from './answers';
import type { CheckType, questionTypes } from './registry';

type Types = typeof questionTypes;
/** The answer behaviour of type `K` (contract.ts): its definition without the authoring contract. */
type Behaviour<K extends CheckType> = Omit<Types[K], 'schema' | 'rules'>;

/** Each type's module, as a chunk of its own (Vite writes each `import()` as a relative URL). */
// Each type's answer.ts only: its schema and authoring rules (index.ts) stay out of the chunk.
const loaders = {
  single: () => import('./single/answer').then((m) => m.singleAnswers),
  multiple: () => import('./multiple/answer').then((m) => m.multipleAnswers),
  'true-false': () => import('./true-false/answer').then((m) => m.trueFalseAnswers),
  matching: () => import('./matching/answer').then((m) => m.matchingAnswers),
  ordering: () => import('./ordering/answer').then((m) => m.orderingAnswers),
} satisfies { [K in CheckType]: () => Promise<Behaviour<K>> };

/**
 * The answer helpers (answers.ts) over the types in `types`, once each has
 * loaded; rejects when one cannot load (the page says so to the learner).
 * Asking for a type that was not loaded throws, naming it: a page's checks
 * are the ones it loaded for.
 */
export async function loadAnswers(types: Iterable<CheckType>): Promise<Answers> {
  const wanted = [...new Set(types)];
  const loaded = new Map<CheckType, Behaviour<CheckType>>(await Promise.all(wanted.map(async (type) => [type, await loaders[type]()] as const)));
  return answersOver(<T extends CheckType>(type: T) => {
    const definition = loaded.get(type);
    if (!definition) throw new Error(`question type "${type}" was not loaded on this page`);
    return definition as Behaviour<T>;
  });
}
