import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import { fieldErrorsOf } from '../../../lib/field-errors.ts';
import type { ErrorCase } from '../../../lib/extensions.ts';
import type { OpenApiDocument } from '../../../lib/openapi.ts';
import type { Case } from '../case.ts';
import { generatedCases } from './generated.ts';
import { answers, contextOf, jsonBody, onePost } from '../../fixtures/test-kit.ts';

const document = (errorCase: ErrorCase = 'fields-invalid', example = true): OpenApiDocument =>
  onePost(
    jsonBody(
      {
        type: 'object',
        additionalProperties: false,
        required: ['order_id', 'qty'],
        properties: {
          order_id: { type: 'string', 'x-unique': true, maxLength: 40 },
          qty: { type: 'integer', minimum: 1, maximum: 99 },
          size: { enum: ['S', 'M', 'L'] },
          label: { type: 'string', maxLength: 5 },
        },
      },
      example ? { one: { order_id: 'O-1', qty: 2 } } : {},
    ),
    { '201': { description: 'Made.' }, '422': answers(errorCase) },
  );

/** The cases of the operation, from the context the catalogue gives it (conformance/catalogue.ts). */
const build = (doc: OpenApiDocument) => {
  const context = contextOf(contractFrom(doc));
  const { operation, validator } = context;
  const fieldsAtFault = (body: string) =>
    fieldErrorsOf(validator.problems(operation.requestBody!.schema!, JSON.parse(body))).map((f) => f.field);
  return { cases: generatedCases(context), fieldsAtFault };
};
/** A fixed seed: the runner draws with `--seed`, and so do these tests, so a failure can be replayed. */
const drawn = (c: Case) => fc.sample(c.property!.arbitrary, { numRuns: 100, seed: 42 });

describe('generatedCases', () => {
  const { cases, fieldsAtFault } = build(document());
  const [valid, oneFault] = cases;

  it('makes a valid-bodies and a one-fault-bodies case under the body schema, each with a sample request', () => {
    expect(cases.map((c) => [c.id, c.family, c.property?.kind])).toEqual([
      ['createOrder.generated.valid-bodies', 'generated', 'valid'],
      ['createOrder.generated.one-fault-bodies', 'generated', 'one-fault'],
    ]);
    for (const c of cases) {
      expect(c.rule).toBe('#/paths/~1orders/post/requestBody/content/application~1json/schema');
      expect(c.request).toMatchObject({ method: 'POST', path: '/orders' });
    }
    expect(fieldsAtFault(valid!.request.body!)).toEqual([]);
    expect(fieldsAtFault(oneFault!.request.body!)).toEqual(oneFault!.expect.fields);
  });

  it('draws bodies the schema validator accepts, each expected accepted and echoed', () => {
    for (const { request, expect: expected } of drawn(valid!)) {
      expect(fieldsAtFault(request.body!), request.body).toEqual([]);
      expect(expected).toEqual({ status: 201, echoOf: JSON.parse(request.body!) });
    }
  });

  it('gives every drawn body a new x-unique value of this run', () => {
    const ids = drawn(valid!).map(({ request }) => JSON.parse(request.body!).order_id as string);
    for (const id of ids) expect(id).toMatch(/^test-\d+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws bodies with exactly one field at fault, expecting fields-invalid naming that field', () => {
    const named = new Set<string>();
    for (const { request, expect: expected } of drawn(oneFault!)) {
      const fields = fieldsAtFault(request.body!);
      expect(fields, request.body).toHaveLength(1);
      expect(expected).toMatchObject({ status: 422, errorCase: 'fields-invalid', fields });
      named.add(fields[0]!);
    }
    // The faults come from every place of the body, not one; '' is the body itself (an array for the object).
    expect([...named].sort()).toEqual(['', 'label', 'order_id', 'qty', 'size', 'x_undocumented_property']);
  });

  it('makes no one-fault case without a fields-invalid answer, and nothing without a request example', () => {
    expect(build(document('body-unparsable')).cases.map((c) => c.property?.kind)).toEqual(['valid']);
    expect(build(document('fields-invalid', false)).cases).toEqual([]);
  });
});
