// The adapter called directly, and the rule that makes it the only one: no other module of the mock imports
// Prism, statically or on demand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { loadPrism, operationKey, prismPathMatcher } from './prism.ts';

const MOCKS = import.meta.dirname;

/** Every module specifier a file names: static imports, re-exports, `import()` and `require()`. */
function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

describe('the one adapter', () => {
  it('reads every kind of import', () => {
    const text = [
      "import a from '@stoplight/a';",
      "import type { B } from '@stoplight/b';",
      "export { c } from '@stoplight/c';",
      "const d = await import('@stoplight/d');",
      "const e = require('@stoplight/e');",
    ].join('\n');
    expect(specifiersOf(text)).toEqual([
      '@stoplight/a',
      '@stoplight/b',
      '@stoplight/c',
      '@stoplight/d',
      '@stoplight/e',
    ]);
  });

  it('is the only module of the mock that imports Prism', () => {
    const importers = readdirSync(MOCKS)
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => specifiersOf(readFileSync(join(MOCKS, file), 'utf8')).some((s) => s.startsWith('@stoplight/')));
    expect(importers).toEqual(['prism.ts']);
  });
});

describe('prismPathMatcher', () => {
  it('says how a path meets a template, as Prism matches it', () => {
    expect(prismPathMatcher('/widgets', '/widgets')).toBe('concrete');
    expect(prismPathMatcher('/widgets/W1', '/widgets/{widget_id}')).toBe('templated');
    expect(prismPathMatcher('/widgets/W1/parts', '/widgets/{widget_id}')).toBeUndefined();
  });
});

describe('loadPrism', async () => {
  const contract = loadContract();
  const before = JSON.stringify(contract.document);
  const prism = await loadPrism(contract.document);
  const create = contract.operations.find((op) => op.resource?.action === 'create')!;
  const request = { path: create.path, query: {}, headers: {} };

  it('reads a copy of the document, never the document itself', () => {
    expect(JSON.stringify(contract.document)).toBe(before);
  });

  it('reads Prefer and its query fallback as Prism does, a refusal on one line', async () => {
    expect(await prism.preferOf({ ...request, headers: { prefer: 'code=401, example=tokenRejected' } })).toEqual({
      value: { code: 401, exampleKey: 'tokenRejected', dynamic: undefined },
    });
    expect(await prism.preferOf({ ...request, query: { __dynamic: 'true' } })).toMatchObject({
      value: { dynamic: true },
    });
    const refused = await prism.preferOf({ ...request, headers: { prefer: 'code=abc' } });
    expect(refused).toMatchObject({ refusal: expect.stringMatching(/^[^\n]*"code"[^\n]*"abc"[^\n]*$/) });
  });

  it("answers with the document's example of the status asked for", async () => {
    const documented = create.responses.find((r) => r.status === '401')!.examples[0]!.value;
    const key = operationKey(create.method, create.path);
    expect(await prism.answer(key, request, { code: 401 })).toEqual({ value: { status: 401, body: documented } });
    expect(await prism.answer('GET /nowhere', request, {})).toEqual({
      refusal: 'Prism read no operation GET /nowhere',
    });
  });
});
