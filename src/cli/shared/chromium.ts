/**
 * Which Chromium the browser tools run (the Playwright tests, `npm run
 * handout`, `npm run bench -- --lighthouse`), in one place:
 *
 * 1. Playwright's own Chromium when it is installed (`npx playwright install
 *    chromium`): a new user's machine; launched as Playwright launches it.
 * 2. Otherwise a system Chromium: $CHROMIUM_PATH, then Debian's
 *    /usr/bin/chromium, then /usr/bin/chromium-browser (CI, containers where
 *    Playwright cannot download browsers), with SYSTEM_CHROMIUM_ARGS.
 *
 * When neither exists, chromiumLaunch() leaves the executable to Playwright,
 * whose error then says how to install its browser.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Flags for a system Chromium in a container or CI: no sandbox (often run as
 * root, without user namespaces), no GPU, and none of the background traffic
 * (component updates, sync, first-run) a test or a measurement must not see.
 */
export const SYSTEM_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where a system Chromium may be, in order. */
export function systemChromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
}

/** Playwright's own Chromium, if it is installed. */
export function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined; // no browser registered for this Playwright version
  }
}

export interface ChromiumLaunch {
  /** A system Chromium's path; absent: Playwright's own. */
  executablePath?: string;
  args: string[];
}

/** Options for `chromium.launch()` / Playwright's `launchOptions`. */
export function chromiumLaunch(): ChromiumLaunch {
  if (playwrightChromium()) return { args: [] };
  const system = systemChromiumCandidates().find((p) => existsSync(p));
  return system ? { executablePath: system, args: [...SYSTEM_CHROMIUM_ARGS] } : { args: [] };
}

/** The Chromium binary chromiumLaunch() runs, for tools that start it themselves (Lighthouse's CHROME_PATH). */
export function chromiumExecutable(): string | undefined {
  return chromiumLaunch().executablePath ?? playwrightChromium();
}
