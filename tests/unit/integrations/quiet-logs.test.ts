/** Only the known, harmless bundler warning is filtered; every other log reaches the terminal. */
import { expect, it } from 'vitest';
import { quietKnownLogs } from '../../../src/integrations/quiet-logs';

it("drops MODULE_LEVEL_DIRECTIVE for Astro's head-inject directive and passes everything else", () => {
  const passed: string[] = [];
  const log = (code: string, message: string) => quietKnownLogs('warn', { code, message }, (_l, l) => passed.push(`${l.code}: ${l.message}`));
  log('MODULE_LEVEL_DIRECTIVE', 'The semantics of the module level directive "use astro:head-inject" in "slides/01-a.mdx" may not be preserved');
  log('MODULE_LEVEL_DIRECTIVE', 'The semantics of the module level directive "use client" in "x.js" may not be preserved');
  log('UNRESOLVED_IMPORT', 'Could not resolve "./missing.js"');
  expect(passed).toEqual([
    'MODULE_LEVEL_DIRECTIVE: The semantics of the module level directive "use client" in "x.js" may not be preserved',
    'UNRESOLVED_IMPORT: Could not resolve "./missing.js"',
  ]);
});
