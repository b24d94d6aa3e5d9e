/**
 * `npm run present`: serve the built deck on this machine and print its URL.
 * Builds nothing (run `npm run build` first); works offline.
 *
 *   node src/cli/present.ts [--dir dist] [--port 4322] [--live [--host <address>]...]
 *
 * With --live, the room answers the deck's questions on their phones
 * (src/cli/live/server.ts): the server then also listens on this machine's
 * network addresses (or only the --host ones), prints them, and prints
 * `Audience: <url>` with a room code, which the title and question slides
 * show with a QR code. Without --live it listens on 127.0.0.1 only and the
 * deck is exactly the built one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lanAddresses } from './live/network.ts';
import { startLiveServer } from './live/server.ts';
import { createStaticServer } from './serve.ts';
import { exitOnListenError, listen, portOption } from './shared/listen.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4322' },
    live: { type: 'boolean', default: false },
    host: { type: 'string', multiple: true, default: [] },
  },
});
const dir = values.dir;

if (!existsSync(join(dir, 'present.html'))) {
  console.error(`No ${dir}/present.html to present: run "npm run build" first.`);
  process.exit(1);
}
const keys = 'Keys: → / Space next, ← previous, O or Esc overview, B pause, F full screen, ? help.';

if (!values.live) {
  if (values.host.length > 0) {
    console.error('--host is for --live: without it the deck is served on 127.0.0.1 only.');
    process.exit(1);
  }
  const server = createStaticServer({ dir, base: '/' });
  const port = await listen(server, { port: portOption(values.port), command: 'npm run present' }).catch(exitOnListenError);
  const url = `http://127.0.0.1:${port}/present.html`;
  console.log(`Presenting ${dir}/ (Ctrl+C to stop)

  Deck:          ${url}
  Speaker view:  press S in the deck (allow the pop-up), or open ${url}?notes
  Handout:       ${url}?view=print   (or "npm run handout" for a PDF)
  Live answers:  "npm run present -- --live" lets the room answer on their phones

${keys}`);
} else {
  if (!existsSync(join(dir, 'audience.html'))) {
    console.error(`No ${dir}/audience.html (the phones' page): run "npm run build" first.`);
    process.exit(1);
  }
  const hosts = values.host.length > 0 ? values.host : lanAddresses();
  const live = await startLiveServer({ dir, port: portOption(values.port), hosts }).catch(exitOnListenError);
  const network = live.audienceUrls.filter((u) => !u.includes('//127.0.0.1:'));
  console.log(`Presenting ${dir}/ with live answers (Ctrl+C to stop)

  Deck:          ${live.deckUrl}
  Speaker view:  press S in the deck (allow the pop-up)
Audience: ${live.audienceUrl}
  Room code:     ${live.room.code}
  Served to the network on: ${network.length > 0 ? network.map((u) => new URL(u).hostname).join(', ') : values.host.length > 0 ? 'none: this machine only (--host 127.0.0.1)' : 'none (no network address found: phones cannot join; use --host <address>)'}
  Phones get the audience page only; nothing is stored, and the answers end with this command.

${keys}`);
}
