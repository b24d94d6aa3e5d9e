/**
 * A static server for the built site: `npm run serve` (and the tests, the
 * deck's `npm run present`, the handout, the bench) use it. It can mount the
 * site under any base path (--base /deep/path/) to prove every URL is
 * relative. Loopback only.
 *
 *   node src/cli/serve.ts [--dir dist] [--port 4321] [--base /]
 *
 * The files are served by sirv (ETag and 304, Range requests, Content-Length);
 * this file adds what a course needs around it:
 * - the base path: `/` redirects to it, anything outside it is 404;
 * - a malformed %-escape is answered 400 (it used to kill the server);
 * - a path that leaves the site, even %-encoded, is 403;
 * - a folder without its trailing slash redirects to it (so the relative URLs
 *   of its index.html resolve), a folder with it serves its index.html; no
 *   other guessing (`modules/x` is not `modules/x.html`), because an LMS does
 *   none either, and a link that would break there must break here;
 * - Content-Type from the one MIME table of the tools (shared/mime.ts).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { isEntryPoint } from './shared/entry.ts';
import { exitOnListenError, listen, portOption } from './shared/listen.ts';
import { contentType } from './shared/mime.ts';

export interface ServeOptions {
  dir: string;
  port: number;
  base: string;
  host?: string;
}

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType('.txt'), 'cache-control': 'no-cache', ...headers });
  res.end(body);
}

function redirect(res: ServerResponse, status: 301 | 302, location: string): void {
  res.writeHead(status, { location, 'cache-control': 'no-cache' });
  res.end();
}

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** `base` as the mount point's path, percent-encoded as in a request (`/deep/path/`). */
function mountPath(base: string): string {
  const withSlashes = `/${base}/`.replace(/\/{2,}/g, '/');
  return new URL(withSlashes, 'http://localhost').pathname;
}

/** The request handler: `dir` served under `base`. */
export function staticHandler({ dir, base }: Pick<ServeOptions, 'dir' | 'base'>): RequestListener {
  const root = resolve(dir);
  const prefix = mountPath(base);
  const files = sirv(root, {
    dev: true, // read the disk on every request: a rebuild is served without a restart
    etag: true,
    extensions: [], // no `x` → `x.html` (see above)
    setHeaders: (res, pathname) => res.setHeader('content-type', contentType(pathname)),
    onNoMatch: (_req, res) => text(res, 404, 'Not found'),
  });

  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'GET or HEAD only', { allow: 'GET, HEAD' });
    // WHATWG URL parsing resolves "." and ".." segments (also %2e%2e) and never throws on a bad escape.
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURI(url.pathname); // as sirv decodes it
    } catch {
      return text(res, 400, `Bad request: malformed %-escape in ${url.pathname}`);
    }
    if (path.includes('\0')) return text(res, 400, 'Bad request: NUL in the path');
    if (!url.pathname.startsWith(prefix)) {
      if (url.pathname === '/') return redirect(res, 302, prefix);
      return text(res, 404, 'Not found');
    }
    let inside = url.pathname.slice(prefix.length - 1); // keeps its leading "/"
    const file = join(root, decodeURI(inside));
    // URL parsing already removed ".." segments and decodeURI keeps %2F encoded; check the path on disk all the same.
    if (file !== root && !file.startsWith(root + sep)) return text(res, 403, 'Forbidden: outside the served folder');
    if (isDirectory(file)) {
      if (!inside.endsWith('/')) return redirect(res, 301, `${url.pathname}/${url.search}`);
      inside += 'index.html';
    }
    req.url = inside + url.search;
    files(req, res);
  };
}

/** An HTTP server for `dir` under `base`, not yet listening. */
export function createStaticServer(options: Pick<ServeOptions, 'dir' | 'base'>): Server {
  return createServer(staticHandler(options));
}

/** The server, listening on `port` (0: any free port); wait for its 'listening' event, or use shared/listen.ts's `listen`. */
export function serve({ dir, port, base, host = '127.0.0.1' }: ServeOptions): Server {
  const server = createStaticServer({ dir, base });
  server.listen(port, host);
  return server;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4321' },
      base: { type: 'string', default: '/' },
    },
  });
  if (!existsSync(values.dir)) {
    console.error(`No ${values.dir}/ to serve: run "npm run build" first.`);
    process.exit(1);
  }
  const server = createStaticServer({ dir: values.dir, base: values.base });
  const port = await listen(server, { port: portOption(values.port), command: 'npm run serve' }).catch(exitOnListenError);
  console.log(`Serving ${values.dir}/ at http://127.0.0.1:${port}${mountPath(values.base)} (Ctrl+C to stop)`);
}

if (isEntryPoint(import.meta.url)) await main();
