/**
 * `npm run schemas`: writes the editor's JSON Schemas (schemas/*.json) from
 * the author's contract; `-- --check` only says whether they are up to date
 * (the unit tests check it too). The work is ./schemas/generate.ts, loaded
 * through Vite's module runner like the build loads the contract.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const { module: generate } = await runnerImport<typeof import('./schemas/generate')>(resolve('src/cli/schemas/generate.ts'));
const out = resolve('schemas');
mkdirSync(out, { recursive: true });
let stale = 0;
for (const { file, schema } of generate.jsonSchemas(resolve('src'))) {
  const path = join(out, file);
  const text = generate.schemaText(schema);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    /* not written yet */
  }
  if (current === text) continue;
  stale++;
  if (values.check) console.error(`schemas/${file} is out of date: run npm run schemas`);
  else {
    writeFileSync(path, text);
    console.log(`schemas/${file} written`);
  }
}
if (values.check && stale > 0) process.exit(1);
if (stale === 0) console.log('schemas/ is up to date');
