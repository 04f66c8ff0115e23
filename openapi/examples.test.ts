// Every named example must validate against the schema it illustrates, with the same validator (ajv, JSON
// Schema 2020-12) that the mock and the conformance suite use.
import { describe, expect, it } from 'vitest';
import { loadContract, type JsonObject } from '../lib/contract.ts';
import { schemaValidator } from '../lib/schema-validator.ts';

const contract = loadContract();
const validator = schemaValidator(contract.document);

describe.each(contract.operations.map((op) => [op.operationId, op] as const))('%s', (_id, operation) => {
  const body = operation.raw.requestBody ? contract.resolve(operation.raw.requestBody as JsonObject) : undefined;
  const media = body ? ((body.content as JsonObject)['application/json'] as JsonObject) : undefined;
  const requestExamples = Object.entries((media?.examples as JsonObject | undefined) ?? {});

  it.each(requestExamples)('request example %s is valid', (_name, example) => {
    expect(validator.problems(media!.schema as JsonObject, (example as JsonObject).value)).toEqual([]);
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
  const schemas = Object.entries(((contract.document.components as JsonObject).schemas ?? {}) as JsonObject);
  const withValues = schemas.filter(
    ([, s]) => Array.isArray((s as JsonObject).examples) || Array.isArray((s as JsonObject)['x-invalid-examples']),
  );

  it('some field schemas carry them', () => expect(withValues.length).toBeGreaterThan(0));

  it.each(withValues)('%s accepts its examples and rejects its invalid examples', (name, schema) => {
    const ref = { $ref: `#/components/schemas/${name}` };
    for (const value of ((schema as JsonObject).examples as unknown[]) ?? []) {
      expect(validator.problems(ref, value), `example ${JSON.stringify(value)}`).toEqual([]);
    }
    for (const value of ((schema as JsonObject)['x-invalid-examples'] as unknown[]) ?? []) {
      expect(validator.problems(ref, value).length, `invalid example ${JSON.stringify(value)}`).toBeGreaterThan(0);
    }
  });
});
