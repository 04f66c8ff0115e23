import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract } from './contract.ts';
import { ruleOf, schemaValidator } from './schema-validator.ts';

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

  it('names the keyword a problem breaks by its pointer into the document, as a rule is named', () => {
    const templated = contractFrom({
      openapi: '3.1.0',
      info: { title: 'Rules', version: '1' },
      paths: {
        '/w/{id}': {
          get: {
            operationId: 'getW',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 2 } }],
            responses: { '200': { description: 'W.' } },
          },
        },
      },
    });
    const node = templated.operations[0]!.parameters[0]!.schema!;
    expect(schemaValidator(templated.document).problems(node, 'abc').map(ruleOf)).toEqual([
      '#/paths/~1w~1{id}/get/parameters/0/schema/maxLength',
    ]);
    const quantity = loadContract();
    const problems = schemaValidator(quantity.document).problems(
      quantity.schemaNode({ $ref: '#/components/schemas/Quantity' }, ''),
      100001,
    );
    expect(problems.map(ruleOf)).toEqual(['#/components/schemas/Quantity/maximum']);
  });

  it('follows a discriminator even when the document also gives a mapping', () => {
    const part = contract.schemaNode({ $ref: '#/components/schemas/Part' }, '');
    const problems = validator.problems(part, { type: 'bolt', size: 999 });
    expect(problems.map((p) => p.instancePath)).toEqual(['/size']);
  });
});
