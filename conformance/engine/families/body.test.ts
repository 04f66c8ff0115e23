import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import { fieldErrorsOf } from '../../../lib/field-errors.ts';
import type { Case } from '../case.ts';
import { bodyCases } from './body.ts';
import { contextOf, jsonBody, onePost } from '../../fixtures/test-kit.ts';

const contract = contractFrom(
  onePost(
    jsonBody(
      {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'qty', 'size'],
        properties: {
          // `not` makes the longest name invalid: the probe meant valid must be left out, with a note.
          name: { type: 'string', minLength: 1, maxLength: 5, not: { const: 'aaaaa' } },
          qty: { type: 'integer', minimum: 1, maximum: 10 },
          size: { enum: ['S', 'M'] },
          note: { type: 'string' },
        },
      },
      { one: { name: 'ab', qty: 2, size: 'S' } },
    ),
    {
      '201': { description: 'Made.' },
      '422': {
        description: 'Invalid.',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Problem' },
            examples: { bad: { 'x-error-case': 'fields-invalid', value: { errors: [] } } },
          },
        },
      },
    },
    {
      components: {
        schemas: { Problem: { type: 'object', properties: { errors: { type: 'array', 'x-field-errors': true } } } },
      },
    },
  ),
);
const notes: string[] = [];
const context = contextOf(contract, 'createOrder', notes);
const { operation, validator } = context;
const cases = bodyCases(context);
const of = (part: string): Case => {
  const found = cases.find((c) => c.id === `createOrder.body.${part}`);
  if (!found) throw new Error(`no case body.${part}`);
  return found;
};
const schema = '#/paths/~1orders/post/requestBody/content/application~1json/schema';
const sent = (part: string) => JSON.parse(of(part).request.body!);

describe('bodyCases', () => {
  it('puts a value just outside a bound in the example, expecting that field named, under the bound’s keyword', () => {
    expect(sent('qty.below-minimum')).toEqual({ name: 'ab', qty: 0, size: 'S' });
    expect(of('qty.below-minimum').expect).toMatchObject({ status: 422, errorCase: 'fields-invalid', fields: ['qty'] });
    expect(of('qty.below-minimum').rule).toBe(`${schema}/properties/qty/minimum`);
    expect([sent('qty.maximum').qty, of('qty.maximum').expect.status]).toEqual([10, 201]);
    expect(sent('name.above-max-length').name).toBe('aaaaaa');
  });

  it('leaves a required field out under the parent’s required, and an optional one out as accepted', () => {
    expect(sent('name.missing')).toEqual({ qty: 2, size: 'S' });
    expect([of('name.missing').rule, of('name.missing').expect.fields]).toEqual([`${schema}/required`, ['name']]);
    expect(of('note.absent').expect).toEqual({ status: 201, echoOf: { name: 'ab', qty: 2, size: 'S' } });
  });

  it('writes numbers in their other JSON spellings as raw text', () => {
    expect(of('qty.minimum-exponent').request.body).toBe('{"name":"ab","qty":1e0,"size":"S"}');
    expect(of('qty.whole-as-decimal').request.body).toBe('{"name":"ab","qty":5.0,"size":"S"}');
    expect(of('qty.whole-as-decimal').expect.status).toBe(201);
  });

  it('adds a property the document does not list, and swaps the type of the body itself', () => {
    expect(sent('unknown-property').x_undocumented_property).toBe('x');
    expect(of('unknown-property').rule).toBe(`${schema}/additionalProperties`);
    expect(of('unknown-property').expect.fields).toEqual(['x_undocumented_property']);
    expect([of('type-array').request.body, of('type-array').expect.fields]).toEqual(['[]', ['']]);
  });

  it('makes each invalid case fault exactly the field it names, and each accepted case valid', () => {
    for (const c of cases.filter((k) => k.id !== 'createOrder.body.several-fields')) {
      const named = fieldErrorsOf(validator.problems(operation.requestBody!.schema!, JSON.parse(c.request.body!)));
      expect(
        named.map((f) => f.field),
        c.id,
      ).toEqual(c.expect.fields ?? []);
    }
  });

  it('breaks three fields at once, each to be listed, pointing at the x-field-errors property', () => {
    const several = of('several-fields');
    expect(several.expect.fields).toEqual(['name', 'qty', 'size']);
    expect(several.rule).toBe('#/components/schemas/Problem/properties/errors');
    const named = fieldErrorsOf(validator.problems(operation.requestBody!.schema!, JSON.parse(several.request.body!)));
    expect(named.map((f) => f.field).sort()).toEqual(['name', 'qty', 'size']);
  });

  it('leaves out, with a note, a probe the schema contradicts', () => {
    expect(cases.some((c) => c.id === 'createOrder.body.name.max-length')).toBe(false);
    expect(notes).toEqual(['createOrder: body.name.max-length left out: meant valid, the schema says otherwise']);
  });
});
