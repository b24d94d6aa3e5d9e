/**
 * JSON Schemas for editors, generated from the author's contract (the zod
 * schemas of src/model/schema.ts and src/questions/<type>/schema.ts) with
 * each field's JSDoc line as its description, so an editor's completion and
 * hover say what the README and schema.ts say. The descriptions are found
 * by field name among the object literals of those files whose fields the
 * schema object has (so `id` in a check gets the check's line, not the
 * slide's). Build-time tool; run by `npm run schemas`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { z } from 'astro/zod';
import { assessmentSchema, courseSchema, moduleSchema, slideSchema } from '../../model/schema';

/** One object literal of the contract: its field names and the JSDoc of each documented one. */
interface Literal {
  keys: Set<string>;
  docs: Map<string, string>;
}

/** The JSDoc text attached to a node, on one line. */
function jsDoc(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const text = docs?.map((d) => (typeof d.comment === 'string' ? d.comment : (d.comment?.map((c) => c.text).join('') ?? ''))).join(' ');
  return text?.replace(/\s+/g, ' ').trim() || undefined;
}

function literalsOf(source: string, file: string): { literals: Literal[]; exports: Map<string, string> } {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const literals: Literal[] = [];
  const exports = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const keys = new Set<string>();
      const docs = new Map<string, string>();
      for (const p of node.properties) {
        if (!(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) || !p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
        keys.add(p.name.text);
        const doc = jsDoc(p);
        if (doc) docs.set(p.name.text, doc);
      }
      if (docs.size > 0) literals.push({ keys, docs });
    }
    if (ts.isVariableStatement(node)) {
      const doc = jsDoc(node);
      for (const d of node.declarationList.declarations) if (doc && ts.isIdentifier(d.name)) exports.set(d.name.text, doc);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { literals, exports };
}

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; description?: string };

/** Give every property of every object in the schema the description of the literal that best matches its object. */
function describe(schema: unknown, literals: readonly Literal[]): void {
  if (Array.isArray(schema)) return schema.forEach((s) => describe(s, literals));
  if (!schema || typeof schema !== 'object') return;
  const node = schema as JsonSchema;
  if (node.properties) {
    const keys = Object.keys(node.properties);
    for (const key of keys) {
      const property = node.properties[key]!;
      if (property.description) continue;
      // The literal holding this field whose fields all belong to this object, with the most of them (spreads such as checkBase are literals of their own).
      let best: Literal | undefined;
      for (const l of literals)
        if (l.docs.has(key) && [...l.keys].every((k) => keys.includes(k)) && (!best || l.keys.size > best.keys.size)) best = l;
      const doc = best?.docs.get(key);
      if (doc) property.description = doc;
    }
  }
  for (const value of Object.values(node)) describe(value, literals);
}

export interface GeneratedSchema {
  /** File name under schemas/. */
  file: string;
  schema: object;
}

/** Every editor schema, from the contract's source files under `srcDir` (src/). */
export function jsonSchemas(srcDir: string): GeneratedSchema[] {
  const files = [join(srcDir, 'model/schema.ts'), join(srcDir, 'model/fields.ts'), join(srcDir, 'questions/choice.ts')];
  for (const type of readdirSync(join(srcDir, 'questions'), { withFileTypes: true }))
    if (type.isDirectory()) files.push(join(srcDir, 'questions', type.name, 'schema.ts'));
  const literals: Literal[] = [];
  const exported = new Map<string, string>();
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue; // a question type without its own schema file
    }
    const found = literalsOf(source, file);
    literals.push(...found.literals);
    for (const [k, v] of found.exports) exported.set(k, v);
  }
  const make = (file: string, name: string, title: string, schema: z.ZodType) => {
    // The input side: what an author writes (defaults are optional), not what the model holds.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    describe(json, literals);
    return { file, schema: { ...json, title, description: exported.get(name) } };
  };
  return [
    make('module.schema.json', 'moduleSchema', 'A module of the course (modules/NN-name.yaml)', moduleSchema),
    make('course.schema.json', 'courseSchema', 'The course (modules/course.yaml)', courseSchema),
    make('assessment.schema.json', 'assessmentSchema', "The final assessment's question pool (modules/assessment.yaml)", assessmentSchema),
    make('slide-frontmatter.schema.json', 'slideSchema', "A slide's frontmatter (slides/NN-name.mdx, between the --- lines)", slideSchema),
  ];
}

/** The file's text as written: two-space JSON and a final newline, so diffs stay small. */
export const schemaText = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;
