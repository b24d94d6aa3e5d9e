/**
 * `npm run preview:lms`: try the built packages in a local LMS: SCORM 1.2 and
 * 2004 under scorm-again at `/`, cmi5 under the local LRS at `/cmi5/`.
 *
 * A host page (src/cli/lms-preview/) runs scorm-again's Scorm12API or
 * Scorm2004API as the LMS, launches the package's SCO in a frame, shows
 * every API call live with its values and what the LMS has stored, closes
 * and relaunches the course to try resume, injects faults, and plays LMS
 * quirk profiles: how Moodle 4.3, Open edX, Chamilo, ILIAS and others answer
 * otherwise than scorm-again (lms-preview/quirks/, `?lms=<id>`). The content
 * is served straight out of the zips the build wrote
 * (dist/packages/<course>-scorm12.zip, -scorm2004.zip), unzipped in memory,
 * so what you preview is exactly what you would upload.
 *
 *   node src/cli/preview-lms.ts [--port 4400] [--dist dist] [--course <id>]
 *
 * Routes (one origin for host and content, as in an LMS that serves both):
 *   /                      the host page (?standard=<id>, ?lms=<profile>, faults: see lms-preview/options.ts)
 *   /host.js               its script: lms-preview/host.ts and its modules, bundled
 *                          with esbuild in memory when the preview starts
 *   /host.css              its styles
 *   /scorm-again/<file>    scorm-again's browser bundle (IIFE) from node_modules
 *   /packages.json         the packages found, with what the LMS reads from each manifest
 *   /content/<target>/...  the files of <course>-<target>.zip
 *   /cmi5/...              the cmi5 package under the local LRS (preview-cmi5.ts, mounted here)
 *
 * Loopback only. A rebuilt zip is picked up on the next request.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { runnerImport } from 'vite';
import { bundleCmi5Host, createCmi5Host } from './preview-cmi5.ts';
import { isEntryPoint } from './shared/entry.ts';
import { exitOnListenError, listen, portOption } from './shared/listen.ts';
import { contentType } from './shared/mime.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const HOST_DIR = join(HERE, 'lms-preview');
// Found the way Node finds the package, wherever this file or node_modules sits.
const SCORM_AGAIN_DIR = dirname(createRequire(import.meta.url).resolve('scorm-again')); // its CommonJS entry sits in dist/
const TEXT = contentType('.txt');

/**
 * The host page's script: lms-preview/host.ts and the modules it imports, as
 * one classic script (the page loads it with <script defer>). Type-checked
 * with the rest of src/ by `npm run typecheck`; esbuild only strips the types.
 */
export async function bundleHost(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(HOST_DIR, 'host.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const [out] = result.outputFiles;
  if (!out) throw new Error('esbuild wrote no host.js');
  return out.text;
}

/** A standard as the preview's server needs it: its id (the /content/<id>/ route, the zip's name) and scorm-again's bundle for it. */
export interface PreviewStandard {
  id: string;
  label: string;
  bundle: string;
}

/** The registry's SCORM standards (src/standards/registry.ts), loaded through Vite's module runner: src/ imports without extensions, as the build does. */
export async function loadStandards(): Promise<PreviewStandard[]> {
  const { module } = await runnerImport<typeof import('../standards/registry')>(fileURLToPath(new URL('../standards/registry.ts', import.meta.url)));
  return module.scormStandards.map((s) => ({ id: s.id, label: s.label, bundle: s.preview.library.bundle }));
}

/** Where the cmi5 preview is mounted. */
export const CMI5_PREFIX = '/cmi5/';

/** What an LMS reads from the manifest at import: the launch URL and the values it initializes the run-time data with. */
export interface ManifestInfo {
  title: string;
  /** The SCO's `href` plus the item's `parameters`, relative to the package root. */
  launch: string;
  /** SCORM 1.2 `adlcp:masteryscore` → `cmi.student_data.mastery_score`. */
  masteryScore: string | null;
  /** SCORM 2004 primary objective `minNormalizedMeasure` when `satisfiedByMeasure` → `cmi.scaled_passing_score`. */
  scaledPassingScore: string | null;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1] ?? null;
const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Read the few things the preview needs from imsmanifest.xml (a lexical read of our own manifests, not a general parser). */
export function readManifest(xml: string): ManifestInfo {
  const sco = [...xml.matchAll(/<resource\b[^>]*>/g)].map((m) => m[0]).find((tag) => /scormtype\s*=\s*"sco"/i.test(tag));
  const href = sco ? attr(sco, 'href') : null;
  if (!href) throw new Error('imsmanifest.xml: no SCO resource with an href');
  const item = /<item\b[^>]*identifierref\s*=\s*"[^"]*"[^>]*>/.exec(xml)?.[0] ?? '';
  const parameters = attr(item, 'parameters') ?? '';
  const title = /<organization\b[^>]*>\s*<title>([^<]*)<\/title>/.exec(xml)?.[1] ?? '';
  const mastery = /<adlcp:masteryscore>\s*([^<\s]+)\s*<\/adlcp:masteryscore>/.exec(xml)?.[1] ?? null;
  const primary = /<imsss:primaryObjective\b[^>]*>[\s\S]*?<\/imsss:primaryObjective>/.exec(xml)?.[0] ?? '';
  const byMeasure = /satisfiedByMeasure\s*=\s*"true"/.test(primary);
  const measure = /<imsss:minNormalizedMeasure>\s*([^<\s]+)\s*</.exec(primary)?.[1] ?? null;
  const params = parameters === '' ? '' : /^[?#]/.test(parameters) ? parameters : `?${parameters}`;
  return {
    title: unescapeXml(title),
    launch: unescapeXml(href) + unescapeXml(params),
    masteryScore: mastery,
    scaledPassingScore: byMeasure ? measure : null,
  };
}

interface LoadedPackage {
  zip: string;
  mtimeMs: number;
  bytes: number;
  files: Record<string, Uint8Array>;
  manifest: ManifestInfo;
}

export interface PreviewOptions {
  /** The built site holding packages/ (default dist). */
  dist: string;
  /** Course id, when packages/ holds several courses. */
  course?: string;
  /** The host page's script (bundleHost()). */
  hostScript: string;
  /** The standards it plays (loadStandards()). */
  standards: readonly PreviewStandard[];
  /** The cmi5 host page's script (bundleCmi5Host()); without it, no /cmi5/. */
  cmi5HostScript?: string;
}

/** The preview's HTTP server, not yet listening. */
export function createPreviewServer(options: PreviewOptions): Server {
  const packagesDir = resolve(options.dist, 'packages');
  const TARGETS = options.standards.map((s) => s.id);
  const standards = options.standards;
  const cache = new Map<string, LoadedPackage>();
  let origin = '';
  const cmi5 =
    options.cmi5HostScript === undefined
      ? null
      : createCmi5Host({ dist: options.dist, ...(options.course ? { course: options.course } : {}), hostScript: options.cmi5HostScript, prefix: CMI5_PREFIX, origin: () => origin });

  /** The zip of `target`, or null: `<course>-<target>.zip`, the first in name order when no course is given. */
  function zipPath(target: string): string | null {
    if (!existsSync(packagesDir)) return null;
    const suffix = `-${target}.zip`;
    const names = readdirSync(packagesDir)
      .filter((n) => n.endsWith(suffix) && (!options.course || n === `${options.course}${suffix}`))
      .sort();
    return names[0] ? join(packagesDir, names[0]) : null;
  }

  function load(target: string): LoadedPackage | null {
    const zip = zipPath(target);
    if (!zip) return null;
    const { mtimeMs, size } = statSync(zip);
    const cached = cache.get(target);
    if (cached && cached.zip === zip && cached.mtimeMs === mtimeMs && cached.bytes === size) return cached;
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    const manifestBytes = files['imsmanifest.xml'];
    if (!manifestBytes) throw new Error(`${zip} has no imsmanifest.xml at its root`);
    const loaded: LoadedPackage = { zip, mtimeMs, bytes: size, files, manifest: readManifest(new TextDecoder().decode(manifestBytes)) };
    cache.set(target, loaded);
    return loaded;
  }

  function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array) {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  }

  function sendFile(res: ServerResponse, path: string) {
    if (!existsSync(path)) return send(res, 404, TEXT, 'Not found');
    send(res, 200, contentType(path), readFileSync(path));
  }

  const server = createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1');
      // The cmi5 LRS takes POST and PUT (statements, state); it answers everything below its prefix.
      if (cmi5 && (url.pathname === CMI5_PREFIX.slice(0, -1) || url.pathname.startsWith(CMI5_PREFIX))) {
        if (url.pathname === CMI5_PREFIX.slice(0, -1)) return void res.writeHead(308, { location: CMI5_PREFIX }).end();
        return void cmi5.handle(req, res, url);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'GET only');
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return send(res, 400, TEXT, `Bad request: malformed %-escape in ${url.pathname}`);
      }

      if (path === '/' || path === '/index.html') return sendFile(res, join(HOST_DIR, 'index.html'));
      if (path === '/host.js') return send(res, 200, contentType(path), options.hostScript);
      if (path === '/host.css') return sendFile(res, join(HOST_DIR, 'host.css'));
      if (standards.some((s) => path === `/scorm-again/${s.bundle}`)) {
        return sendFile(res, join(SCORM_AGAIN_DIR, path.slice('/scorm-again/'.length)));
      }
      if (path === '/packages.json') {
        const list = TARGETS.map((target) => {
          const p = load(target);
          return p ? { target, zip: p.zip.slice(packagesDir.length + 1), bytes: p.bytes, files: Object.keys(p.files).length, ...p.manifest } : { target, missing: true };
        });
        return send(res, 200, contentType(path), JSON.stringify(list));
      }
      const content = /^\/content\/([a-z0-9-]+)\/(.*)$/.exec(path);
      if (content) {
        const target = TARGETS.find((t) => t === content[1]);
        if (!target) return send(res, 404, TEXT, `No standard "${content[1]}": the preview plays ${TARGETS.join(', ')}.`);
        const pkg = load(target);
        if (!pkg) return send(res, 404, TEXT, `No ${target} package in ${packagesDir}: run "npm run build" first.`);
        const file = pkg.files[content[2] ?? ''];
        if (!file) return send(res, 404, TEXT, `Not in ${pkg.zip}: ${content[2]}`);
        return send(res, 200, contentType(path), file);
      }
      send(res, 404, TEXT, 'Not found');
    } catch (error) {
      send(res, 500, TEXT, String(error instanceof Error ? error.message : error));
    }
  });
  // The LRS hands the AU absolute endpoint and fetch URLs (cmi5 §8.1): they need the origin the server listens on.
  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') origin = `http://127.0.0.1:${address.port}`;
  });
  return server;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4400' },
      dist: { type: 'string', default: 'dist' },
      course: { type: 'string' },
    },
  });
  const requested = portOption(values.port);
  let hostScript: string;
  try {
    hostScript = await bundleHost();
  } catch (error) {
    console.error(`Could not bundle the host page (src/cli/lms-preview/host.ts):\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const standards = await loadStandards();
  const cmi5HostScript = await bundleCmi5Host();
  const server = createPreviewServer({ dist: values.dist, hostScript, standards, cmi5HostScript, ...(values.course ? { course: values.course } : {}) });
  const port = await listen(server, { port: requested, command: 'npm run preview:lms' }).catch(exitOnListenError);
  const missing = existsSync(resolve(values.dist, 'packages')) ? '' : `\n(No ${values.dist}/packages/ yet: run "npm run build" first.)`;
  const { profiles } = await import('./lms-preview/quirks/registry.ts');
  console.log(
    `LMS preview at http://127.0.0.1:${port}/ (${standards[0]?.label}; ${standards.slice(1).map((s) => `http://127.0.0.1:${port}/?standard=${s.id} for ${s.label}`).join(', ')}; cmi5 at http://127.0.0.1:${port}${CMI5_PREFIX}).` +
      `\nLMS quirk profiles: ?lms=${profiles.map((p) => p.id).join(' | ')} (default ${profiles[0].id}). Ctrl+C to stop.${missing}`,
  );
}

if (isEntryPoint(import.meta.url)) await main();
