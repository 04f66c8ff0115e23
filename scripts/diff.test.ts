// Change control: the document may not break its last released version without a new major version, and the
// check that says so is itself tested on a fixture pair whose verdicts are known.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLE_PATH, type JsonObject } from '../lib/contract.ts';
import { breakingWithoutMajor, compareDocuments, latestReleased, report } from './diff.ts';

const fixture = (name: string) =>
  parse(readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8')) as JsonObject;
const withVersion = (document: JsonObject, version: string) => ({
  ...document,
  info: { ...(document.info as JsonObject), version },
});

describe('the current document against the last released one', () => {
  const released = latestReleased();
  const before = parse(readFileSync(released.path, 'utf8')) as JsonObject;
  const current = parse(readFileSync(BUNDLE_PATH, 'utf8')) as JsonObject;

  it('the released copy is the version its file name says', () => {
    expect((before.info as JsonObject).version, basename(released.path)).toBe(released.version);
  });

  it('has no breaking change, unless info.version has a new major (then add openapi/released/ and CHANGELOG.md)', () => {
    const comparison = compareDocuments(before, current);
    expect(
      breakingWithoutMajor(before, current, comparison),
      `against ${released.version}:\n${report(comparison)}`,
    ).toEqual([]);
  });
});

describe('the check on a fixture pair', () => {
  const base = fixture('base.yaml');

  it('a new required request property (changed in components) is breaking, found where it takes effect', () => {
    const { breaking, nonBreaking } = compareDocuments(base, fixture('breaking.yaml'));
    expect(breaking.length).toBeGreaterThan(0);
    expect(nonBreaking).toEqual([]);
    for (const diff of breaking) expect(diff.path.slice(0, 4)).toEqual(['paths', '/orders', 'post', 'requestBody']);
    expect(breaking.map((d) => d.description).join('\n')).toContain('quantity');
  });

  it('a new optional response property is not breaking', () => {
    const { breaking, nonBreaking } = compareDocuments(base, fixture('non-breaking.yaml'));
    expect(breaking).toEqual([]);
    expect(nonBreaking.map((d) => d.path.join('/'))).toEqual([
      'paths//orders/post/responses/200/content/application/json/schema/properties/created_at',
    ]);
  });

  it('a breaking change is allowed with a new major version only', () => {
    const breaking = fixture('breaking.yaml');
    expect(breakingWithoutMajor(base, breaking).length).toBeGreaterThan(0);
    expect(breakingWithoutMajor(base, withVersion(breaking, '1.1.0')).length).toBeGreaterThan(0);
    expect(breakingWithoutMajor(base, withVersion(breaking, '2.0.0'))).toEqual([]);
    expect(breakingWithoutMajor(base, fixture('non-breaking.yaml'))).toEqual([]);
  });
});

describe('npm run diff', () => {
  const run = (...args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', 'scripts/diff.ts', ...args], {
          cwd: resolve(import.meta.dirname, '..'),
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      };
    } catch (error) {
      const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
      return { code: status, out: stdout + stderr };
    }
  };

  it('exits 1 on a breaking change and lists it under breaking', () => {
    const { code, out } = run('scripts/fixtures/base.yaml', 'scripts/fixtures/breaking.yaml');
    expect(code).toBe(1);
    expect(out).toMatch(/Breaking changes: [1-9][\s\S]*quantity[\s\S]*Non-breaking changes: 0/);
    expect(out).toContain('need a major version');
  });

  it('exits 0 on a non-breaking change and lists it under non-breaking', () => {
    const { code, out } = run('scripts/fixtures/base.yaml', 'scripts/fixtures/non-breaking.yaml');
    expect(code).toBe(0);
    expect(out).toMatch(/Breaking changes: 0[\s\S]*Non-breaking changes: 1[\s\S]*created_at/);
  });

  it('exits 2 with a reason for something that is neither a file nor a git ref', () => {
    const { code, out } = run('no-such-ref-or-file');
    expect(code).toBe(2);
    expect(out).toContain('neither a file nor a git ref');
  });
});
