/**
 * The logger adapters and the session report problems to. Injected, so tests
 * can collect messages and the page can route them where it likes.
 */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Logs to the browser console, prefixed so course messages are easy to filter. */
export const consoleLogger: Logger = {
  debug: (message, data) => console.debug(`[course] ${message}`, data ?? ''),
  warn: (message, data) => console.warn(`[course] ${message}`, data ?? ''),
  error: (message, data) => console.error(`[course] ${message}`, data ?? ''),
};

export const silentLogger: Logger = {
  debug: () => {},
  warn: () => {},
  error: () => {},
};
