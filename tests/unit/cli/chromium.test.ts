/**
 * The one choice of Chromium (src/cli/shared/chromium.ts) for the tests,
 * the handout and the bench: Playwright's own when installed, so a new
 * user's `npm test` needs nothing else; otherwise a system Chromium with the
 * container flags.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumExecutable, chromiumLaunch, playwrightChromium, SYSTEM_CHROMIUM_ARGS, systemChromiumCandidates } from '../../../src/cli/shared/chromium.ts';

describe('chromiumLaunch', () => {
  it("uses Playwright's own Chromium as Playwright launches it when it is installed, else a system one with the container flags", () => {
    const launch = chromiumLaunch();
    if (playwrightChromium()) {
      expect(launch).toEqual({ args: [] });
    } else if (launch.executablePath) {
      expect(systemChromiumCandidates()).toContain(launch.executablePath);
      expect(existsSync(launch.executablePath)).toBe(true);
      expect(launch.args).toEqual([...SYSTEM_CHROMIUM_ARGS]);
    } else {
      // No browser at all: Playwright's own error says how to install one.
      expect(launch).toEqual({ args: [] });
    }
  });

  it('looks for a system Chromium at $CHROMIUM_PATH first, then the Debian paths', () => {
    expect(systemChromiumCandidates({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toEqual(['/opt/chrome/chrome', '/usr/bin/chromium', '/usr/bin/chromium-browser']);
    expect(systemChromiumCandidates({})).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser']);
  });

  it('names the binary it launches, for tools that start Chromium themselves', () => {
    expect(chromiumExecutable()).toBe(chromiumLaunch().executablePath ?? playwrightChromium());
  });

  it('the system flags: no sandbox, no GPU, no background traffic', () => {
    expect(SYSTEM_CHROMIUM_ARGS).toEqual(['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']);
  });
});
