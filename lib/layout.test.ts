import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH } from './contract.ts';
import { BUILT, dataFile } from './layout.ts';

const ROOT = resolve(import.meta.dirname, '..');

describe('BUILT', () => {
  it('is false in a checkout: only the package build defines KIT_BUILT', () => {
    expect(BUILT).toBe(false);
  });
});

describe('dataFile, in a checkout', () => {
  it('resolves the checkout path relative to the asking module, not to the working directory', () => {
    expect(dataFile(import.meta.url, '../generated/openapi.yaml', './openapi.yaml')).toBe(
      resolve(ROOT, 'generated/openapi.yaml'),
    );
    const elsewhere = pathToFileURL(resolve('/srv/kit/conformance/cli.ts')).href;
    expect(dataFile(elsewhere, '../docs/index.html', './index.html')).toBe(resolve('/srv/kit/docs/index.html'));
    expect(dataFile(elsewhere, './report.schema.json', './x.json')).toBe(
      resolve('/srv/kit/conformance/report.schema.json'),
    );
  });

  it('gives a file path with the URL’s escapes decoded (a checkout in a folder with a space)', () => {
    const spaced = pathToFileURL(resolve('/home/someone/my kit/lib/contract.ts')).href;
    expect(spaced).toContain('my%20kit');
    expect(dataFile(spaced, '../generated/openapi.yaml', './openapi.yaml')).toBe(
      resolve('/home/someone/my kit/generated/openapi.yaml'),
    );
  });

  it('is where lib/contract.ts finds the bundled document', () => {
    expect(BUNDLE_PATH).toBe(resolve(ROOT, 'generated/openapi.yaml'));
    expect(existsSync(BUNDLE_PATH)).toBe(true);
  });
});
