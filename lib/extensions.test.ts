// The error-case names are written twice, in code (ERROR_CASES, which tools branch on) and in the Spectral rules
// that check the document (.spectral.yaml); this keeps the two lists from drifting apart.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ERROR_CASES, isErrorCase } from './extensions.ts';

interface SchemaRule {
  then: { functionOptions: { schema: { enum?: unknown[]; items?: { enum?: unknown[] } } } };
}

const ruleset = parse(readFileSync(resolve(import.meta.dirname, '../.spectral.yaml'), 'utf8')) as {
  rules: Record<string, SchemaRule>;
};

describe('the error cases of lib/extensions.ts and .spectral.yaml', () => {
  it('x-error-case-known allows exactly ERROR_CASES, in the same order', () => {
    expect(ruleset.rules['x-error-case-known']!.then.functionOptions.schema.enum).toEqual([...ERROR_CASES]);
  });

  it('x-check-order-value allows exactly ERROR_CASES as items', () => {
    expect(ruleset.rules['x-check-order-value']!.then.functionOptions.schema.items!.enum).toEqual([...ERROR_CASES]);
  });

  it('isErrorCase accepts the names and nothing else', () => {
    expect(ERROR_CASES.every(isErrorCase)).toBe(true);
    expect([undefined, null, 1, '', 'credentails-missing', 'Route-Not-Found'].some(isErrorCase)).toBe(false);
  });
});
