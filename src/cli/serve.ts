/**
 * A small static server for the built site: `npm run serve` (and the tests,
 * the deck's `npm run present`, the LMS preview) use it. It can mount the
 * site under any base path (--base /deep/path/) to prove every URL is
 * relative. Loopback only; no dependencies.
 *
 *   node src/cli/serve.ts [--dir dist] [--port 4321] [--base /]
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.dtd': 'application/xml-dtd',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export interface ServeOptions {
  dir: string;
  port: number;
  base: string;
  host?: string;
}

export function serve({ dir, port, base, host = '127.0.0.1' }: ServeOptions) {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(url.pathname === '/' ? 302 : 404, url.pathname === '/' ? { location: prefix } : {});
      res.end(url.pathname === '/' ? '' : 'Not found');
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(path).pipe(res);
  });
  server.listen(port, host);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4321' },
      base: { type: 'string', default: '/' },
      open: { type: 'string', default: '' },
    },
  });
  const port = Number(values.port);
  if (!existsSync(values.dir)) {
    console.error(`No ${values.dir}/ to serve: run "npm run build" first.`);
    process.exit(1);
  }
  serve({ dir: values.dir, port, base: values.base });
  console.log(`Serving ${values.dir}/ at http://127.0.0.1:${port}${values.base}${values.open} (Ctrl+C to stop)`);
}
