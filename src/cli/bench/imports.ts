/**
 * The chunks a built chunk imports, as `npm run bench` follows them: static
 * imports load with the page; `import()` loads on demand. Relative specifiers
 * only (the build writes every chunk URL relative), in any quote the bundler
 * uses: it writes on-demand imports with backticks (import(`./x.js`)).
 */
export function chunkImports(code: string): { static: string[]; onDemand: string[] } {
  return {
    static: [...code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1] ?? ''),
    onDemand: [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1] ?? ''),
  };
}
