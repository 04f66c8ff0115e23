import { describe, expect, it } from 'vitest';
import { loadContract } from './contract.ts';
import { schemaValidator } from './schema-validator.ts';

describe('validation by pointer into the document', () => {
  const contract = loadContract('test/fixtures/kinds.openapi.yaml');
  const validator = schemaValidator(contract.document);

  it('validates against a schema named by its pointer, $refs resolved as in the document', () => {
    const quantity = loadContract();
    const real = schemaValidator(quantity.document);
    const node = quantity.schemaNode({ $ref: '#/components/schemas/Quantity' }, '');
    expect(real.problems(node, 100000)).toEqual([]);
    expect(real.problems(node, 100001).map((p) => p.keyword)).toEqual(['maximum']);
    expect(real.problems(node, 10.5).map((p) => p.keyword)).toContain('type');
  });

  it('reaches schemas under a path template (braces are percent-encoded for the URI)', () => {
    const read = contract.operations.find((op) => op.path.includes('{'))!;
    const parameter = read.parameters.find((p) => p.in === 'path')!;
    expect(parameter.schema!.pointer).toMatch(/\{|components/);
    expect(validator.problems(parameter.schema!, 'ok_id')).toEqual([]);
    expect(validator.problems(parameter.schema!, 'not ok!').length).toBeGreaterThan(0);
  });

  it('follows a discriminator even when the document also gives a mapping', () => {
    const part = contract.schemaNode({ $ref: '#/components/schemas/Part' }, '');
    const problems = validator.problems(part, { type: 'bolt', size: 999 });
    expect(problems.map((p) => p.instancePath)).toEqual(['/size']);
  });
});
