// Every named example must validate against the schema it illustrates, with the same validator (ajv, JSON
// Schema 2020-12) that the mock and the conformance suite use.
import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { pointerOf } from '../lib/json.ts';
import { schemaValidator } from '../lib/schema-validator.ts';

const contract = loadContract();
const validator = schemaValidator(contract.document);

describe.each(contract.operations.map((op) => [op.operationId, op] as const))('%s', (_id, operation) => {
  const body = operation.requestBody;
  it.each((body?.examples ?? []).map((ex) => [ex.name, ex] as const))('request example %s is valid', (_name, ex) => {
    expect(validator.problems(body!.schema!, ex.value)).toEqual([]);
  });

  const responseExamples = operation.responses.flatMap((r) =>
    r.examples.map((ex) => [`${r.status} ${ex.name}`, r, ex] as const),
  );
  it.each(responseExamples)('response example %s is valid', (_name, response, example) => {
    expect(response.schema).toBeDefined();
    expect(validator.problems(response.schema!, example.value)).toEqual([]);
  });

  it('has at least one example for every documented response', () => {
    expect(operation.responses.filter((r) => r.examples.length === 0).map((r) => r.status)).toEqual([]);
  });
});

describe('route errors', () => {
  it.each(contract.routeErrors.flatMap((r) => r.examples.map((ex) => [`${r.status} ${ex.name}`, r, ex] as const)))(
    '%s is valid',
    (_name, response, example) => expect(validator.problems(response.schema!, example.value)).toEqual([]),
  );
});

describe('schema examples and x-invalid-examples', () => {
  const schemas = Object.entries(contract.document.components?.schemas ?? {}).filter(
    ([, s]) => s.examples !== undefined || s['x-invalid-examples'] !== undefined,
  );

  it('some field schemas carry them', () => expect(schemas.length).toBeGreaterThan(0));

  it.each(schemas)('%s accepts its examples and rejects its invalid examples', (name, schema) => {
    const node = { schema, pointer: pointerOf('components', 'schemas', name) };
    for (const value of schema.examples ?? []) {
      expect(validator.problems(node, value), `example ${JSON.stringify(value)}`).toEqual([]);
    }
    for (const value of schema['x-invalid-examples'] ?? []) {
      expect(validator.problems(node, value).length, `invalid example ${JSON.stringify(value)}`).toBeGreaterThan(0);
    }
  });
});
