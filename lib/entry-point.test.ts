import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'entry point ')));
afterAll(() => rmSync(base, { recursive: true, force: true }));

it('is true for the started module, through a symlinked path with spaces, and false for an imported one', () => {
  const checkout = join(base, 'a checkout');
  mkdirSync(checkout);
  cpSync(fileURLToPath(new URL('./entry-point.ts', import.meta.url)), join(checkout, 'entry-point.ts'));
  const says = (name: string) =>
    `import { isEntryPoint } from './entry-point.ts'; console.log('${name}', isEntryPoint(import.meta.url));`;
  writeFileSync(join(checkout, 'main.mjs'), `${says('main')} await import('./other.mjs');`);
  writeFileSync(join(checkout, 'other.mjs'), says('other'));
  symlinkSync(checkout, join(base, 'a link'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(base, 'a link', 'main.mjs')], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('main true\nother false\n');
});
