// The committed stamps are what the committed inputs hash to, so that `npm start` on a fresh clone builds nothing;
// and a stamp notices any change of an input, but not of a test beside it.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsHash, isCurrent, recordStamp, STEPS } from './stamps.ts';

const ROOT = resolve(import.meta.dirname, '..');

it.each(STEPS)('.build-stamps.json is current for %s (run npm run build and commit)', (step) => {
  expect(isCurrent(step)).toBe(true);
});

describe('a stamp', () => {
  const root = mkdtempSync(join(tmpdir(), 'stamps-'));
  const stamps = join(root, '.build-stamps.json');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  cpSync(join(ROOT, 'openapi'), join(root, 'openapi'), { recursive: true });
  write('scripts/generate.ts', '// generate');

  it('holds until an input changes, even by a byte, and is current again once recorded', () => {
    expect(isCurrent('generate', root, stamps)).toBe(false);
    recordStamp('generate', root, stamps);
    expect(isCurrent('generate', root, stamps)).toBe(true);
    write('openapi/paths/new.yaml', 'x');
    expect(isCurrent('generate', root, stamps)).toBe(false);
    recordStamp('generate', root, stamps);
    write('openapi/paths/new.yaml', 'y');
    expect(isCurrent('generate', root, stamps)).toBe(false);
  });

  it('ignores tests and READMEs beside the inputs, and each step has its own', () => {
    const before = inputsHash('generate', root);
    write('openapi/new.test.ts', 'it()');
    write('openapi/paths/README.md', '# Paths');
    expect(inputsHash('generate', root)).toBe(before);
    expect(inputsHash('docs', root)).not.toBe(before);
  });
});
