/**
 * The static server of `npm run serve` (src/cli/serve.ts), in this process on
 * a free port: what it answers to a bad URL, a way out of the folder, a
 * folder, each common file type, HEAD, and the base path it mounts the site under.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../../src/cli/serve.ts';
import { listen } from '../../../src/cli/shared/listen.ts';
import { closeServer, rawRequest, spacedTempDir, writeTree } from './helpers.ts';

const work = spacedTempDir('serve');
const site = join(work, 'site');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Each type the built site or a course author's assets may hold, with the Content-Type a browser needs. */
const TYPES: Array<[string, RegExp]> = [
  ['page.html', /^text\/html; charset=utf-8$/],
  ['app.js', /^text\/javascript; charset=utf-8$/],
  ['style.css', /^text\/css; charset=utf-8$/],
  ['logo.svg', /^image\/svg\+xml/],
  ['chart.png', /^image\/png$/],
  ['photo.jpg', /^image\/jpeg$/],
  ['photo.webp', /^image\/webp$/],
  ['data.json', /^application\/json; charset=utf-8$/],
  ['course.zip', /^application\/zip$/],
  ['handout.pdf', /^application\/pdf$/],
  ['font.woff2', /^font\/woff2$/],
  ['imsmanifest.xml', /^(application|text)\/xml; charset=utf-8$/],
];

let server: Server;
let port: number;
let mounted: Server;
let mountedPort: number;

beforeAll(async () => {
  writeTree(work, { 'secret.txt': 'outside the site' });
  writeTree(site, {
    'index.html': '<h1>home</h1>',
    'modules/index.html': '<h1>modules</h1>',
    'modules/one.html': '<h1>one</h1>',
    'with space.html': 'spaced',
    ...Object.fromEntries(TYPES.map(([name]) => [`assets/${name}`, name.endsWith('.png') ? PNG : `content of ${name}`])),
  });
  server = createStaticServer({ dir: site, base: '/' });
  port = await listen(server, { port: 0, command: 'npm run serve' });
  mounted = createStaticServer({ dir: site, base: '/deep/path/course/' });
  mountedPort = await listen(mounted, { port: 0, command: 'npm run serve' });
});

afterAll(async () => {
  await Promise.all([closeServer(server), closeServer(mounted)]);
  rmSync(work, { recursive: true, force: true });
});

describe('serve: bad requests', () => {
  it('answers a malformed %-escape with 400 and goes on serving', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/modules/%zz.html', '/%C0%AF']) {
      const reply = await rawRequest(port, path);
      expect(reply.status, path).toBe(400);
      expect(reply.body).toContain('malformed');
    }
    const after = await rawRequest(port, '/index.html');
    expect(after.status).toBe(200);
    expect(after.body).toBe('<h1>home</h1>');
  });

  it('never serves a file outside the folder, however the way out is written', async () => {
    for (const path of ['/../secret.txt', '/modules/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%2Fsecret.txt', '/modules/..%2F..%2Fsecret.txt', '/..\\secret.txt']) {
      const reply = await rawRequest(port, path);
      expect(reply.body, path).not.toContain('outside the site');
      expect([400, 403, 404], `${path}: ${reply.status}`).toContain(reply.status);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const reply = await rawRequest(port, '/index.html', 'POST');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });

  it('answers 404 for a missing file, and does not guess .html for a path without it', async () => {
    expect((await rawRequest(port, '/nothing.html')).status).toBe(404);
    expect((await rawRequest(port, '/modules/one')).status).toBe(404);
  });
});

describe('serve: files and folders', () => {
  it("serves a folder's index.html, and redirects the folder without its slash to it", async () => {
    const root = await rawRequest(port, '/');
    expect([root.status, root.body]).toEqual([200, '<h1>home</h1>']);
    const folder = await rawRequest(port, '/modules/');
    expect([folder.status, folder.body]).toEqual([200, '<h1>modules</h1>']);
    expect(folder.headers['content-type']).toBe('text/html; charset=utf-8');
    const bare = await rawRequest(port, '/modules?x=1');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/modules/?x=1');
  });

  it('decodes percent-encoded names', async () => {
    const reply = await rawRequest(port, '/with%20space.html');
    expect([reply.status, reply.body]).toEqual([200, 'spaced']);
  });

  it.each(TYPES)('serves %s with its Content-Type', async (name, type) => {
    const reply = await rawRequest(port, `/assets/${name}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(type);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await rawRequest(port, '/assets/photo.webp', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('image/webp');
    expect(head.headers['content-length']).toBe(String('content of photo.webp'.length));
    expect(head.body).toBe('');
  });

  it('revalidates: an unchanged file is 304 with its ETag', async () => {
    const first = await rawRequest(port, '/modules/one.html');
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await rawRequest(port, '/modules/one.html', 'GET', { 'if-none-match': String(etag) });
    expect(again.status).toBe(304);
  });
});

describe('serve --base: the site under a deep path', () => {
  it('serves the site under the base path only', async () => {
    const home = await rawRequest(mountedPort, '/deep/path/course/');
    expect([home.status, home.body]).toEqual([200, '<h1>home</h1>']);
    expect((await rawRequest(mountedPort, '/deep/path/course/modules/one.html')).body).toBe('<h1>one</h1>');
    expect((await rawRequest(mountedPort, '/index.html')).status).toBe(404);
    expect((await rawRequest(mountedPort, '/deep/path/index.html')).status).toBe(404);
  });

  it('redirects / to the base path', async () => {
    const reply = await rawRequest(mountedPort, '/');
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/deep/path/course/');
  });

  it('does not let ".." climb out of the base path into the folder above', async () => {
    const reply = await rawRequest(mountedPort, '/deep/path/course/../../../secret.txt');
    expect(reply.body).not.toContain('outside the site');
    expect(reply.status).toBe(404);
  });
});
