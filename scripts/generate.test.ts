// generated/ is committed so that consumers need no build step; it must be exactly what the document produces.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generate } from './generate.ts';

const committed = resolve(import.meta.dirname, '../generated');
const fresh = mkdtempSync(join(tmpdir(), 'generated-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

it('generated/ matches what npm run generate makes from openapi/ (run it and commit the result)', async () => {
  await generate(fresh);
  const files = readdirSync(fresh).sort();
  // Its README is written by hand; everything else is the generator's.
  expect(
    readdirSync(committed)
      .filter((file) => file !== 'README.md')
      .sort(),
  ).toEqual(files);
  for (const file of files) {
    expect(readFileSync(join(committed, file), 'utf8'), `generated/${file} is stale`).toBe(
      readFileSync(join(fresh, file), 'utf8'),
    );
  }
}, 60_000);
