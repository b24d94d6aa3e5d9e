/**
 * The editor's JSON Schemas (schemas/*.json, `npm run schemas`) are the
 * author's contract as it is now, with a description on every field, and
 * VS Code is told which file each one checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaText } from '../../../src/cli/schemas/generate';

const root = join(import.meta.dirname, '../../..');
const generated = jsonSchemas(join(root, 'src'));

/** Every field path in a schema that has no description. */
function undescribed(node: unknown, path = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => undescribed(n, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = Object.entries((record.properties ?? {}) as Record<string, { description?: string }>).flatMap(([k, v]) => (v.description ? [] : [`${path}.${k}`]));
  return [...own, ...Object.entries(record).flatMap(([k, v]) => undescribed(v, k === 'properties' ? path : `${path}/${k}`))];
}

describe('the editor schemas', () => {
  it('are up to date with the zod schemas (run npm run schemas after changing the contract)', () => {
    for (const { file, schema } of generated) expect(readFileSync(join(root, 'schemas', file), 'utf8'), file).toBe(schemaText(schema));
  });

  it('describe every field with its line from the contract', () => {
    for (const { file, schema } of generated) expect(undescribed(schema), file).toEqual([]);
    const slide = generated.find((g) => g.file === 'slide-frontmatter.schema.json')?.schema as { properties: Record<string, { description: string }> };
    expect(slide.properties.notes?.description).toBe('Speaker notes for the presenter.');
  });

  it('refuse unknown fields, as the build does, so a typo is underlined in the editor', () => {
    for (const { file, schema } of generated) expect((schema as { additionalProperties?: boolean }).additionalProperties, file).toBe(false);
  });

  it("are wired for VS Code's YAML language server, each to the files it checks", () => {
    const settings = JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    expect(settings['yaml.schemas']).toEqual({
      './schemas/module.schema.json': ['modules/[0-9][0-9]-*.yaml', 'modules/[0-9][0-9]-*.yml'],
      './schemas/course.schema.json': ['modules/course.yaml', 'modules/course.yml'],
      './schemas/assessment.schema.json': ['modules/assessment.yaml'],
    });
    for (const path of Object.keys(settings['yaml.schemas'])) expect(generated.map((g) => `./schemas/${g.file}`)).toContain(path);
  });
});
