/**
 * YAML with positions: parses a module file or a slide's frontmatter and
 * can say where any field path is in the author's file (line and column,
 * 1-based, as editors count), so a schema error points at the value, not
 * at the file. `firstLine` is the file line the YAML text starts on (2 for
 * frontmatter after its opening ---). Pure.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export type ParsedYaml =
  | { ok: true; data: unknown; locate(path: ReadonlyArray<PropertyKey>, key?: boolean): Position | undefined }
  | { ok: false; message: string; position: Position };

/** What to do about the parser's complaint, in the author's words. */
function advice(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'a field appears twice: keep one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'fix the indentation, or put quotes around a value that holds ": " or starts with a special character';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value runs onto the next line: indent the continuation, or quote the value';
    default:
      return 'fix the indentation, or quote the value';
  }
}

/** The offset of the last [ or { before `end` that no bracket closes (quoted text and comments skipped). */
function unclosedBracket(text: string, end: number): number | undefined {
  const open: number[] = [];
  let quote = '';
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n') quote = '';
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(text[i - 1] ?? ' ')) quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? '\n')) while (i < end && text[i] !== '\n') i++;
    else if (c === '[' || c === '{') open.push(i);
    else if (c === ']' || c === '}') open.pop();
  }
  return open.at(-1);
}

export function parseYamlSource(text: string, firstLine = 1): ParsedYaml {
  const lines = new LineCounter();
  // Plain YAML 1.2 (no custom tags); duplicate keys are errors, not a silent "last one wins".
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line + firstLine - 1, column: p.col };
  };
  const error = doc.errors[0];
  if (error) {
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? error.code;
    // An unclosed [ or { is found where the text ends; the author needs where it opened.
    const opened = /end with an? [\]}]/.test(error.message) ? unclosedBracket(text, error.pos[0]) : undefined;
    return { ok: false, message: `is not valid YAML (${reason}): ${advice(error.code)}`, position: at(opened ?? error.pos[0]) };
  }
  const locate = (path: ReadonlyArray<PropertyKey>, key = false): Position | undefined => {
    // Walk down as far as the path exists; a missing field is reported where its parent is.
    let node: Node | null | undefined = doc.contents as Node | null;
    let keyNode: Node | undefined;
    for (const step of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        node = item;
      } else break;
    }
    const target = key && keyNode ? keyNode : (node ?? keyNode);
    return target?.range ? at(target.range[0]) : undefined;
  };
  return { ok: true, data: doc.toJS({ maxAliasCount: 100 }), locate };
}
