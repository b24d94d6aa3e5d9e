/**
 * A busy port (src/cli/shared/listen.ts): a second server says which port is
 * taken and how to choose another, and the commands exit 1 with that one
 * line instead of a stack trace.
 */
import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../../src/cli/serve.ts';
import { ListenError, listen, listenErrorMessage } from '../../../src/cli/shared/listen.ts';
import { REPO, closeServer, portOf, runNode, spacedTempDir, writeTree } from './helpers.ts';

const work = spacedTempDir('listen');
let busy: Server;
let port: number;

beforeAll(async () => {
  writeTree(work, { 'dist/index.html': 'x', 'dist/present.html': 'deck', 'dist/packages/.keep': '' });
  busy = createServer((_req, res) => res.end('already here'));
  port = await listen(busy, { port: 0, command: 'test' });
});

afterAll(async () => {
  await closeServer(busy);
  rmSync(work, { recursive: true, force: true });
});

describe('listen', () => {
  it('resolves with the port it got (0: a free one)', () => {
    expect(port).toBeGreaterThan(0);
    expect(portOf(busy)).toBe(port);
  });

  it('rejects a busy port with a ListenError naming the port and how to choose another', async () => {
    const second = createStaticServer({ dir: join(work, 'dist'), base: '/' });
    const error = await listen(second, { port, command: 'npm run serve' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListenError);
    expect((error as ListenError).code).toBe('EADDRINUSE');
    expect((error as ListenError).message).toBe(
      `Port ${port} on 127.0.0.1 is already in use (is another server running?): choose another with "npm run serve -- --port ${port + 1}" (any free port; 0 picks one).`,
    );
    expect(second.listening).toBe(false);
  });

  it('rejects a port that is not one', async () => {
    const error = await listen(createServer(), { port: 70000, command: 'npm run serve' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListenError);
    expect(String((error as Error).message)).toContain('70000');
  });

  it('words the other errors too', () => {
    const options = { port: 80, command: 'npm run present' };
    expect(listenErrorMessage(Object.assign(new Error('x'), { code: 'EACCES' }), options)).toContain('Not allowed to listen on port 80');
    expect(listenErrorMessage(Object.assign(new Error('x'), { code: 'EACCES' }), options)).toContain('"npm run present -- --port 81"');
  });
});

describe('the commands on a busy port exit 1 with one clear line', () => {
  const commands: Array<[string, string[]]> = [
    ['npm run serve', [join(REPO, 'src/cli/serve.ts')]],
    ['npm run present', [join(REPO, 'src/cli/present.ts')]],
    ['npm run preview:lms', [join(REPO, 'src/cli/preview-lms.ts')]],
  ];
  it.each(commands)('%s', async (command, args) => {
    const run = await runNode([...args, '--port', String(port)], work);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Port ${port} on 127.0.0.1 is already in use (is another server running?): choose another with "${command} -- --port ${port + 1}" (any free port; 0 picks one).`,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('a --port that is not a number is said so', async () => {
    const run = await runNode([join(REPO, 'src/cli/serve.ts'), '--port', 'eighty'], work);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('--port must be a whole number from 0 to 65535 (0 picks a free port), not "eighty".');
  });
});
