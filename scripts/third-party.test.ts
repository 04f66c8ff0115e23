import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { bundledPackages, thirdPartyNotices } from './third-party.ts';

const root = mkdtempSync(join(tmpdir(), 'third-party-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function lay(path: string, manifest: object, licence?: string) {
  mkdirSync(join(root, path), { recursive: true });
  writeFileSync(join(root, path, 'package.json'), JSON.stringify(manifest));
  if (licence) writeFileSync(join(root, path, 'LICENSE.md'), licence);
}

it('finds each package the inputs come from once, scoped and nested ones too, and not our own files', () => {
  const inputs = [
    'node_modules/plain/lib/a.js',
    'node_modules/plain/lib/b.js',
    'node_modules/@scope/pkg/dist/esm/index.js',
    'node_modules/outer/node_modules/inner/index.js',
    'lib/contract.ts',
  ];
  const metafile: Metafile = {
    inputs: Object.fromEntries(inputs.map((i) => [i, { bytes: 1, imports: [] }])),
    outputs: {},
  };
  expect(bundledPackages(metafile, root)).toEqual(
    ['node_modules/@scope/pkg', 'node_modules/outer/node_modules/inner', 'node_modules/plain'].map((p) =>
      join(root, p),
    ),
  );
});

it("gives each package's name, version, licence and its licence file, or says there is none", () => {
  lay(
    'node_modules/plain',
    { name: 'plain', version: '1.2.3', license: 'MIT' },
    'MIT License\n\nCopyright (c) Plain\n',
  );
  lay('node_modules/bare', { name: 'bare', version: '0.1.0' });
  const notices = thirdPartyNotices([join(root, 'node_modules/plain'), join(root, 'node_modules/bare')]);
  expect(notices).toBe(
    `plain@1.2.3 (MIT)\n\nMIT License\n\nCopyright (c) Plain\n\n${'-'.repeat(80)}\n\nbare@0.1.0 (licence not stated)\n\n(no licence file in the package)\n`,
  );
});
