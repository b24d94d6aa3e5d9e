/**
 * Is this module the script Node was started with (`node src/cli/serve.ts`),
 * rather than imported by another one (the tests, present.ts)?
 *
 * `import.meta.url` is the file URL of the module's real path: percent-encoded
 * (a space is %20) and with symlinks resolved. So the comparison must be with
 * the file URL of the real path of argv[1], never with `file://${argv[1]}`,
 * which fails from any folder whose name has a space, and the command then
 * exits 0 having done nothing.
 *
 *   if (isEntryPoint(import.meta.url)) main();
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function isEntryPoint(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false; // the REPL, `node -e`
  let real: string;
  try {
    real = realpathSync(argv1);
  } catch {
    return false; // argv[1] is not a file (e.g. a bare module name)
  }
  return pathToFileURL(real).href === moduleUrl;
}
