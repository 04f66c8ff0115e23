// Whether a module is the one the process was started with, so that a script runs its main only then. Compared as
// real paths: a checkout reached through a symlink, or with spaces in its path (which a URL writes as %20), must
// not make a command exit 0 having done nothing.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `isEntryPoint(import.meta.url)`. */
export function isEntryPoint(moduleUrl: string): boolean {
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(process.argv[1] ?? '');
  } catch {
    return false;
  }
}
