/**
 * The module specifiers written as string literals in a script:
 * `import "…"`, `import … from "…"`, `export … from "…"` and `import("…")`,
 * found with acorn's tokenizer (a real ECMAScript lexer: comments, strings,
 * templates and regular expressions are what the language says they are).
 * Pure.
 */
import { tokenizer, tokTypes as tt, type Token } from 'acorn';

export interface JsSpecifier {
  /** Offsets of the specifier as written, inside its quotes. */
  start: number;
  end: number;
  /** The specifier as written (escapes not resolved). */
  raw: string;
}

type JsToken = Token & { value?: unknown };

/** How far back from a `from` an `import`/`export` keyword is looked for (`import { a, b, … } from`). */
const STATEMENT_LOOKBACK = 4096;

/**
 * The string-literal module specifiers of `code`, in source order; `null`
 * when acorn cannot tokenize it (the caller then leaves the script as it is).
 */
export function moduleSpecifiers(code: string, sourceType: 'module' | 'script'): JsSpecifier[] | null {
  let tokens: JsToken[];
  try {
    tokens = [...tokenizer(code, { ecmaVersion: 'latest', sourceType, allowHashBang: true })];
  } catch {
    return null;
  }
  const isImportKeyword = (k: number): boolean => {
    const t = tokens[k];
    const before = tokens[k - 1];
    return t?.type === tt._import && before?.type !== tt.dot && before?.type !== tt.questionDot;
  };
  /** Whether the `from` at `k` belongs to an import or export declaration. */
  const inDeclaration = (k: number): boolean => {
    for (let j = k - 1; j >= 0 && j >= k - STATEMENT_LOOKBACK; j--) {
      const t = tokens[j];
      if (t?.type === tt.semi) return false;
      if (t?.type === tt._export || isImportKeyword(j)) return true;
    }
    return false;
  };
  const found: JsSpecifier[] = [];
  tokens.forEach((t, i) => {
    if (t.type !== tt.string) return;
    const p1 = tokens[i - 1];
    const specifier =
      isImportKeyword(i - 1) || // import "…"
      (p1?.type === tt.name && p1.value === 'from' && inDeclaration(i - 1)) || // import … from "…", export … from "…"
      (p1?.type === tt.parenL && isImportKeyword(i - 2)); // import("…")
    if (specifier) found.push({ start: t.start + 1, end: t.end - 1, raw: code.slice(t.start + 1, t.end - 1) });
  });
  return found;
}
