/**
 * `npm run present`: serve the built deck on this machine and print its URL.
 * Builds nothing (run `npm run build` first); works offline.
 *
 *   node src/cli/present.ts [--dir dist] [--port 4322]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createStaticServer } from './serve.ts';
import { exitOnListenError, listen, portOption } from './shared/listen.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4322' },
  },
});
const dir = values.dir;

if (!existsSync(join(dir, 'present.html'))) {
  console.error(`No ${dir}/present.html to present: run "npm run build" first.`);
  process.exit(1);
}

const server = createStaticServer({ dir, base: '/' });
const port = await listen(server, { port: portOption(values.port), command: 'npm run present' }).catch(exitOnListenError);
const url = `http://127.0.0.1:${port}/present.html`;
console.log(`Presenting ${dir}/ (Ctrl+C to stop)

  Deck:          ${url}
  Speaker view:  press S in the deck (allow the pop-up), or open ${url}?notes
  Handout:       ${url}?view=print   (or "npm run handout" for a PDF)

Keys: → / Space next, ← previous, O or Esc overview, B pause, F full screen, ? help.`);
