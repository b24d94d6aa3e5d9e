/**
 * Astro's glob() loader, kept right when a slide file is renamed (its id, from
 * the frontmatter, stays the same). Upstream, the store entry keeps the old
 * file path: a rename seen as "add new, unlink old" deletes the entry the add
 * just refreshed, and a restart after a rename trusts the stored entry (same
 * digest) and renders a file that no longer exists (or one of another
 * course, after COURSE_DIR changed). Here every entry whose file is gone or
 * outside the course is dropped before anything is synced, and after a slide's
 * unlink the slide files the store no longer has are synced again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

type Handler = (path: string) => Promise<void> | void;

export function renameSafeGlob(options: Parameters<typeof glob>[0] & { base: string }): Loader {
  const inner = glob(options);
  return {
    name: inner.name,
    load: async (context: LoaderContext) => {
      const { store, config, watcher } = context;
      const base = join(fileURLToPath(new URL(options.base, config.root)), sep);
      // An entry is kept only while its file is there, in this course: the store outlives a COURSE_DIR change too.
      const dropGone = () => {
        for (const [id, entry] of store.entries()) {
          const file = entry.filePath && fileURLToPath(new URL(entry.filePath, config.root));
          if (!file || !file.startsWith(base) || !existsSync(file)) store.delete(id);
        }
      };
      dropGone();
      if (!watcher) return inner.load(context);

      const handlers = new Map<string, Handler>();
      const resyncMissing = async () => {
        const add = handlers.get('add');
        if (!add || !existsSync(base)) return;
        const stored = new Set(store.values().map((entry) => entry.filePath && fileURLToPath(new URL(entry.filePath, config.root))));
        for (const name of readdirSync(base)) if (!stored.has(join(base, name))) await add(join(base, name));
      };
      // The loader sees the watcher through this shim: its handlers run after (add, change) or before (unlink) the repair.
      const shim = {
        add: (paths: string | readonly string[]) => watcher.add(paths as string[]),
        on: (event: string, handler: Handler) => {
          handlers.set(event, handler);
          const wrapped: Handler =
            event === 'unlink'
              ? async (path) => {
                  await handler(path);
                  if (path.endsWith('.mdx')) await resyncMissing();
                }
              : async (path) => {
                  dropGone();
                  await handler(path);
                };
          watcher.on(event as 'add', wrapped);
          return shim;
        },
      };
      return inner.load({ ...context, watcher: shim as unknown as typeof watcher });
    },
  };
}
