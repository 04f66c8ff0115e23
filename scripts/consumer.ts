// A project of a package user's, for the consumer tests and the bench: empty but for the packed tarballs (and the
// tools a TypeScript app brings), installed by npm from its cache, as a user installs them.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);

/** Makes `dir` an ESM project with the tarballs and `extras` (`name@version`) installed. */
export async function installConsumer(dir: string, tarballs: string[], extras: string[] = []): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs, ...extras], { cwd: dir });
}

/** The minified browser bundle of a page that makes a client of the installed `clientPackage`: its bytes. */
export async function browserBundleBytes(dir: string, clientPackage: string): Promise<number> {
  const entry = join(dir, 'browser.js');
  writeFileSync(
    entry,
    `import { createClient } from '${clientPackage}';\nexport const client = createClient({ baseUrl: location.origin });\n`,
  );
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents.length;
}
