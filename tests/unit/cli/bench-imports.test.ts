/**
 * How `npm run bench` follows a chunk's imports (src/cli/bench/imports.ts):
 * static ones load with the page, `import()` ones on demand, whichever quote
 * the bundler wrote.
 */
import { describe, expect, it } from 'vitest';
import { chunkImports } from '../../../src/cli/bench/imports';

describe('the chunks a chunk imports', () => {
  it('finds static imports, minified or not', () => {
    const code = `import{a as e}from"./urls.DBJZ.js";import{t}from './preload-helper.BQ.js';import "./side.js";`;
    expect(chunkImports(code).static).toEqual(['./urls.DBJZ.js', './preload-helper.BQ.js', './side.js']);
  });

  it('finds on-demand imports in backticks, as the bundler writes them, and in quotes', () => {
    const code = 'p(()=>import(`./assessment.C-pd.js`),[]);import("./search.DP.js");import( \'./answer.Bf.js\' )';
    expect(chunkImports(code).onDemand).toEqual(['./assessment.C-pd.js', './search.DP.js', './answer.Bf.js']);
    expect(chunkImports(code).static).toEqual([]);
  });

  it('leaves out bare and absolute specifiers, which the build never writes', () => {
    expect(chunkImports('import x from "reveal.js";import("/abs/x.js")')).toEqual({ static: [], onDemand: [] });
  });
});
