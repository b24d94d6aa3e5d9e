/**
 * Start an HTTP server of the developer tools and say plainly when it cannot:
 * a second `npm run serve` on a busy port ends with which port and how to
 * choose another, not with a stack trace.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Why a server could not listen, in words for the person who ran the command. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
  }
}

export interface ListenOptions {
  port: number;
  host?: string;
  /** The command that started the server, for the hint: `npm run serve` → `npm run serve -- --port 4322`. */
  command: string;
}

export function listenErrorMessage(error: NodeJS.ErrnoException, { port, host = '127.0.0.1', command }: ListenOptions): string {
  const other = `choose another with "${command} -- --port ${port < 65535 ? port + 1 : 0}" (any free port; 0 picks one)`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} on ${host} is already in use (is another server running?): ${other}.`;
    case 'EACCES':
      return `Not allowed to listen on port ${port} on ${host}: ${other}.`;
    case 'EADDRNOTAVAIL':
      return `Cannot listen on ${host}: it is not an address of this machine.`;
    default:
      return `Cannot listen on ${host}:${port}: ${error.message}`;
  }
}

/** Listen on `port` (0: any free port); resolves with the port, or rejects with a ListenError saying what to do. */
export function listen(server: Server, options: ListenOptions): Promise<number> {
  const { port, host = '127.0.0.1' } = options;
  return new Promise<number>((resolve, reject) => {
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      reject(new ListenError(`Not a port number: ${port} (a whole number from 0 to 65535; 0 picks a free port).`, 'ERR_SOCKET_BAD_PORT'));
      return;
    }
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(new ListenError(listenErrorMessage(error, options), error.code));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** A command's --port value as a port number; anything else ends the command with a one-line message. */
export function portOption(raw: string): number {
  const port = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  console.error(`--port must be a whole number from 0 to 65535 (0 picks a free port), not "${raw}".`);
  process.exit(1);
}

/** For a command's main(): print a ListenError's message (no stack) and exit 1; anything else is rethrown. */
export function exitOnListenError(error: unknown): never {
  if (error instanceof ListenError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
