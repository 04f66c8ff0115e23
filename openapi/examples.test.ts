// Every named example must validate against the schema it illustrates, with the same validator (ajv, JSON
// Schema 2020-12) that the mock and the conformance suite use: for the kit's document and for the fixture of
// every kind of operation alike.
import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { pointerOf } from '../lib/json.ts';
import { schemaValidator } from '../lib/schema-validator.ts';

describe.each(['generated/openapi.yaml', 'test/fixtures/kinds.openapi.yaml'])('the examples of %s', (path) => {
  const contract = loadContract(path);
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

    it('has an example for every documented response, and marks each error example with its x-error-case', () => {
      expect(operation.responses.filter((r) => r.examples.length === 0).map((r) => r.status)).toEqual([]);
      const unmarked = operation.responses
        .filter((r) => Number(r.status) >= 400)
        .flatMap((r) => r.examples.filter((ex) => !ex.errorCase).map((ex) => `${r.status} ${ex.name}`));
      expect(unmarked).toEqual([]);
    });
  });

  it.each(contract.routeErrors.flatMap((r) => r.examples.map((ex) => [`${r.status} ${ex.name}`, r, ex] as const)))(
    'route error %s is valid',
    (_name, response, example) => expect(validator.problems(response.schema!, example.value)).toEqual([]),
  );

  const schemas = Object.entries(contract.document.components?.schemas ?? {}).filter(
    ([, s]) => s.examples !== undefined || s['x-invalid-examples'] !== undefined,
  );
  it.each(schemas)('%s accepts its examples and rejects its invalid examples', (name, schema) => {
    const node = { schema, pointer: pointerOf('components', 'schemas', name) };
    for (const value of schema.examples ?? [])
      expect(validator.problems(node, value), `example ${JSON.stringify(value)}`).toEqual([]);
    for (const value of schema['x-invalid-examples'] ?? []) {
      expect(validator.problems(node, value).length, `invalid example ${JSON.stringify(value)}`).toBeGreaterThan(0);
    }
  });
});
