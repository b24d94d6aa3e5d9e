/**
 * `npm run preview:cmi5`: try the built cmi5 package in a local LMS.
 *
 * The package (dist/packages/<course>-cmi5.zip) is served straight out of
 * the zip, unzipped in memory, so what you preview is what you upload; the
 * LMS is the local LRS (src/cli/lrs/), which launches the AU with real
 * launch parameters (cmi5 §8.1), a one-time fetch URL (§8.2) and
 * LMS.LaunchData (§10), and judges every statement by the LMS-side rules.
 * The host page launches the AU in a frame (launchMethod AnyWindow, §8.1),
 * shows every statement and every refusal live, closes the AU (so it
 * terminates), relaunches it in the same registration (so it resumes) or
 * in a new one, in Normal, Browse or Review mode.
 *
 *   node src/cli/preview-cmi5.ts [--port 4410] [--dist dist] [--course <id>]
 *
 * Routes, one origin for host, content and LMS (below a prefix when
 * mounted in another server, createCmi5Host):
 *   /                    the host page; /host.js its script (lrs/host.ts, bundled at start)
 *   /content/...         the files of the zip
 *   /lrs/fetch/<key>     fetch URLs;  /lrs/xapi/...  the xAPI endpoint
 *   /admin/course        the course structure read from cmi5.xml
 *   /admin/launch        POST {launchMode, registration?, masteryScore?}: a launch
 *   /admin/log           GET: statements, refusals and requests so far
 *
 * Loopback only. A rebuilt zip is picked up on the next launch.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { readCourseStructure, type CourseStructure } from './lrs/course-structure.ts';
import { lrsHandler, readBody, send } from './lrs/http.ts';
import { createLrs, type Lrs } from './lrs/lrs.ts';
import { isEntryPoint } from './shared/entry.ts';
import { exitOnListenError, listen, portOption } from './shared/listen.ts';
import { contentType } from './shared/mime.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The host page's script, bundled from lrs/host.ts (type-checked with src/; esbuild only strips the types). */
export async function bundleCmi5Host(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [join(HERE, 'lrs', 'host.ts')], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent' });
  const [out] = result.outputFiles;
  if (!out) throw new Error('esbuild wrote no host.js');
  return out.text;
}

interface LoadedPackage {
  zip: string;
  mtimeMs: number;
  files: Record<string, Uint8Array>;
  structure: CourseStructure;
}

export interface Cmi5PreviewOptions {
  /** The built site holding packages/ (default dist). */
  dist: string;
  course?: string;
  /** The host page's script (bundleCmi5Host()); tests that drive the LRS directly pass ''. */
  hostScript: string;
}

export interface Cmi5Preview {
  server: Server;
  /** Set once listening: the origin, e.g. http://127.0.0.1:4410. */
  origin: () => string;
  lrs: () => Lrs;
  /** The course structure of the package now in dist/. */
  structure: () => CourseStructure;
}

const HOST_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>cmi5 preview</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{margin:0;font:14px/1.4 system-ui,sans-serif;display:grid;grid-template-columns:1fr 28rem;height:100vh}
main{display:flex;flex-direction:column;min-width:0}
header{padding:.5rem;border-bottom:1px solid #ccc;display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
iframe{flex:1;border:0;width:100%}
aside{border-left:1px solid #ccc;overflow:auto;padding:.5rem}
ol{padding-left:1.5rem;margin:0}li{margin:.25rem 0}
.refused{color:#a00}.verb{font-weight:600}.meta{color:#555;font-size:12px}
</style></head>
<body><main><header>
<label>Launch mode <select data-mode><option>Normal</option><option>Browse</option><option>Review</option></select></label>
<button type="button" data-launch>Launch (same registration)</button>
<button type="button" data-new>Launch in a new registration</button>
<button type="button" data-close>Close the AU</button>
<span data-status role="status"></span>
</header><iframe data-au title="The course (AU)"></iframe></main>
<aside><h2>Statements</h2><ol data-statements></ol><h2>Refused</h2><ol data-refused></ol></aside>
<script src="host.js" defer></script></body></html>`;

export interface Cmi5Host {
  /** Answer a request under `prefix`; false when the path is not the preview's. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  lrs: () => Lrs;
  /** The course structure of the package now in dist/. */
  structure: () => CourseStructure;
}

/**
 * The preview's routes under `prefix` (`/` for its own server; e.g. `/cmi5/`
 * inside `npm run preview:lms`), on the server whose origin `origin()` gives
 * once it listens.
 */
export function createCmi5Host(options: Cmi5PreviewOptions & { prefix: string; origin: () => string }): Cmi5Host {
  const { prefix, origin } = options;
  const packagesDir = resolve(options.dist, 'packages');
  let lrs: Lrs | null = null;
  let loaded: LoadedPackage | null = null;

  function zipPath(): string {
    const names = existsSync(packagesDir)
      ? readdirSync(packagesDir)
          .filter((n) => n.endsWith('-cmi5.zip') && (!options.course || n === `${options.course}-cmi5.zip`))
          .sort()
      : [];
    if (!names[0]) throw new Error(`no <course>-cmi5.zip in ${packagesDir}: run npm run build first`);
    return join(packagesDir, names[0]);
  }

  function pkg(): LoadedPackage {
    const zip = zipPath();
    const mtimeMs = statSync(zip).mtimeMs;
    if (loaded && loaded.zip === zip && loaded.mtimeMs === mtimeMs) return loaded;
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    const xml = files['cmi5.xml'];
    if (!xml) throw new Error(`${zip} has no cmi5.xml at its root`);
    loaded = { zip, mtimeMs, files, structure: readCourseStructure(new TextDecoder().decode(xml)) };
    return loaded;
  }

  const theLrs = () => (lrs ??= createLrs({ endpoint: `${origin()}${prefix}lrs/xapi/`, fetchBase: `${origin()}${prefix}lrs/fetch/` }));
  let handleLrs: ReturnType<typeof lrsHandler> | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith(prefix)) return false;
    try {
      handleLrs ??= lrsHandler(theLrs(), `${prefix}lrs/`);
      if (await handleLrs(req, res, url)) return true;
      const path = url.pathname.slice(prefix.length - 1);
      if (path === '/' || path === '/index.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(HOST_PAGE);
      } else if (path === '/host.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(options.hostScript);
      } else if (path === '/admin/course') {
        send(res, { status: 200, body: pkg().structure });
      } else if (path === '/admin/log') {
        const l = theLrs();
        send(res, { status: 200, body: { statements: l.statements(), rejections: l.rejections(), requests: l.requests() } });
      } else if (path === '/admin/launch' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req)) ?? '{}') as { launchMode?: 'Normal' | 'Browse' | 'Review'; registration?: string; masteryScore?: number | null };
        const au = pkg().structure.aus[0]!;
        const launched = theLrs().launch({
          au,
          auUrl: new URL(au.url, `${origin()}${prefix}content/`).href,
          ...(body.registration ? { registration: body.registration } : {}),
          ...(body.launchMode ? { launchMode: body.launchMode } : {}),
          ...(body.masteryScore !== undefined ? { masteryScore: body.masteryScore } : {}),
          preferences: { languagePreference: 'en-US', audioPreference: 'off' },
        });
        send(res, { status: 200, body: launched });
      } else if (path.startsWith('/content/')) {
        const name = decodeURIComponent(path.slice('/content/'.length));
        const data = pkg().files[name];
        if (!data) send(res, { status: 404, body: { error: `${name} is not in the package` } });
        else res.writeHead(200, { 'Content-Type': contentType(name), 'Cache-Control': 'no-store' }).end(data);
      } else {
        send(res, { status: 404, body: { error: 'not found' } });
      }
    } catch (e) {
      send(res, { status: 500, body: { error: e instanceof Error ? e.message : String(e) } });
    }
    return true;
  }

  return { handle, lrs: theLrs, structure: () => pkg().structure };
}

/** The preview's own HTTP server, not yet listening. */
export function createCmi5Preview(options: Cmi5PreviewOptions): Cmi5Preview {
  let origin = '';
  const host = createCmi5Host({ ...options, prefix: '/', origin: () => origin });
  const server = createServer((req, res) => {
    void host.handle(req, res, new URL(req.url ?? '/', origin || 'http://127.0.0.1'));
  });
  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') origin = `http://127.0.0.1:${address.port}`;
  });
  return { server, origin: () => origin, lrs: host.lrs, structure: host.structure };
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4410' }, dist: { type: 'string', default: 'dist' }, course: { type: 'string' } } });
  const port = portOption(values.port);
  const preview = createCmi5Preview({ dist: values.dist, ...(values.course ? { course: values.course } : {}), hostScript: await bundleCmi5Host() });
  try {
    const listening = await listen(preview.server, { port, command: 'npm run preview:cmi5' });
    console.log(`cmi5 preview: http://127.0.0.1:${listening}/ (the AU from ${values.dist}/packages, the local LRS as the LMS)`);
  } catch (e) {
    exitOnListenError(e);
  }
}

if (isEntryPoint(import.meta.url)) void main();
