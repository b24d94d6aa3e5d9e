/**
 * A build writes into a staging folder beside dist/ and replaces dist/ only
 * once everything, packages included, is written: a build that fails at any
 * stage (the validator, MDX, Vite, the packager) leaves the previous dist/
 * as it was and no partial one. File-system edge; small on purpose.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface Staging {
  /** Where the build writes. */
  dir: string;
  /** Where the finished build goes (dist/). */
  final: string;
  /** Put the finished build in place of `final`. */
  commit(): void;
}

export function stage(final: string): Staging {
  const target = final.replace(/[\\/]+$/, '');
  const dir = join(dirname(target), `.${basename(target)}.building`);
  const old = join(dirname(target), `.${basename(target)}.old`);
  // What an interrupted build may have left.
  rmSync(dir, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  let committed = false;
  // Whatever stops the build (an error, Ctrl-C) leaves no staging folder behind.
  const cleanUp = () => {
    if (!committed) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  return {
    dir,
    final: target,
    commit() {
      // Two renames on one file system: dist/ is never missing for longer than between them.
      if (existsSync(target)) renameSync(target, old);
      renameSync(dir, target);
      committed = true;
      process.off('exit', cleanUp);
      rmSync(old, { recursive: true, force: true });
    },
  };
}
