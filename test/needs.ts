// What some tests need beyond Node and npm: Debian's Chromium, and ../shared beside the checkout. CI (.ci/run, with
// CI=true) has both; a fresh clone may have neither. There, the tests that need one are skipped, with one line that
// says what is missing and how to get it; in CI a missing one fails the test file instead, so that CI never passes
// by skipping.
import { existsSync } from 'node:fs';

export const IN_CI = process.env.CI === 'true';

/** Debian's Chromium, which .ci/run installs with apt-get; playwright-core drives it, nothing downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags a headless Chromium needs here: no sandbox as root, and no calls to hosts a closed network refuses. */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * Whether `path` is there. When it is not: outside CI, says `what` is skipped and why, on stderr; in CI, throws.
 * `remedy` says how to get it.
 */
export function needs(what: string, path: string, remedy: string, inCi = IN_CI): boolean {
  if (existsSync(path)) return true;
  const missing = `${what}: ${path} is missing (${remedy})`;
  if (inCi) throw new Error(`${missing}; CI must have it`);
  console.warn(`skipped: ${missing}`);
  return false;
}
