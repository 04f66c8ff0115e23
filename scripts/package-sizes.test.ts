import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { installedSizes } from './package-sizes.ts';

const nodeModules = mkdtempSync(join(tmpdir(), 'sizes-'));
afterAll(() => rmSync(nodeModules, { recursive: true, force: true }));

function lay(name: string, dependencies: string[], bytes: number) {
  mkdirSync(join(nodeModules, name, 'lib'), { recursive: true });
  const manifest = JSON.stringify({ name, dependencies: Object.fromEntries(dependencies.map((d) => [d, '1'])) });
  writeFileSync(join(nodeModules, name, 'package.json'), manifest);
  writeFileSync(join(nodeModules, name, 'lib/code.js'), 'x'.repeat(bytes));
  return manifest.length + bytes;
}

it('counts a package and what it needs, each once, through scopes and cycles', () => {
  const app = lay('@kit/app', ['shared', 'left'], 100);
  const left = lay('left', ['shared', '@kit/app'], 20);
  const shared = lay('shared', [], 7);
  lay('unrelated', [], 1000);
  expect(installedSizes(nodeModules, [{ name: '@kit/app' }, { name: 'shared' }])).toEqual([
    { name: '@kit/app', bytes: app + left + shared, packages: ['@kit/app', 'shared', 'left'] },
    { name: 'shared', bytes: shared, packages: ['shared'] },
  ]);
});
