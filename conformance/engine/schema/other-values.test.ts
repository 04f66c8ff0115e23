import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import type { Schema } from '../../../lib/openapi.ts';
import { schemaValidator } from '../../../lib/schema-validator.ts';
import type { Candidate } from './candidate.ts';
import { anyValue, arrays, booleans, fixedValues, objects, typeSwaps } from './other-values.ts';
import { setAt, slotsOf } from './slots.ts';

const schemas: Record<string, Schema> = {
  Order: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      codes: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 3, uniqueItems: true },
      any: {},
    },
  },
};
const contract = contractFrom({ openapi: '3.1.0', info: { title: 'O', version: '1' }, components: { schemas } });
const validator = schemaValidator(contract.document);
const root = { schema: schemas.Order!, pointer: '#/components/schemas/Order' };
// The slots the body family walks (conformance/schema/slots.ts), from an example body.
const slots = slotsOf(contract, root, { codes: ['A1', 'B2'], any: 1 });
const slot = (label: string) => slots.find((s) => s.label === label)!;
const kinds = (candidates: Candidate[]) => Object.fromEntries(candidates.map((c) => [c.kind, c]));
const valid = (node: { schema: Schema; pointer: string }, value: unknown) =>
  validator.problems(node, value).length === 0;

describe('anyValue', () => {
  it('gives one value of every JSON type, each valid where the schema says nothing of type', () => {
    const values = anyValue();
    expect(values.map((c) => c.kind)).toEqual([
      'any-string',
      'any-integer',
      'any-decimal',
      'any-boolean',
      'any-null',
      'any-object',
      'any-array',
    ]);
    for (const c of values) expect(valid(slot('any').node, c.value), c.kind).toBe(c.valid);
  });
});

describe('typeSwaps', () => {
  it('gives each JSON type the place does not take', () => {
    expect(typeSwaps({}, ['string']).map((c) => c.kind)).toEqual([
      'type-null',
      'type-boolean',
      'type-object',
      'type-array',
      'type-number',
      'type-integer',
    ]);
    // A whole number is a number, and null is taken by a nullable type.
    expect(typeSwaps({}, ['integer', 'null']).map((c) => c.kind)).toEqual([
      'type-boolean',
      'type-object',
      'type-array',
      'type-string',
    ]);
    expect(typeSwaps({}, ['number']).map((c) => c.kind)).not.toContain('type-integer');
    expect(typeSwaps({}, [])).toEqual([]);
  });

  it('leaves out a swapped value the enum allows, and titles each swap', () => {
    expect(typeSwaps({ enum: [null, 'a'] }, ['string']).map((c) => c.kind)).not.toContain('type-null');
    expect(typeSwaps({}, ['string'])[0]).toMatchObject({
      title: 'null instead of string',
      keyword: 'type',
      valid: false,
    });
  });
});

describe('fixedValues', () => {
  it('gives each allowed value, and near-misses of each string for the validator to judge', () => {
    const c = kinds(fixedValues(['GTIN', 'SSCC'], 'enum'));
    expect(c['enum-GTIN']).toMatchObject({ value: 'GTIN', valid: true, keyword: 'enum' });
    expect(
      ['lower-case', 'capitalised', 'padded', 'trailing-space', 'truncated', 'extended'].map(
        (k) => c[`enum-GTIN-${k}`]?.value,
      ),
    ).toEqual(['gtin', 'Gtin', ' GTIN ', 'GTIN ', 'GTI', 'GTINX']);
    // Upper case of GTIN is GTIN itself: no near-miss that is the value.
    expect(c['enum-GTIN-upper-case']).toBeUndefined();
    expect(c['enum-SSCC-lower-case']?.valid).toBeUndefined();
  });

  it('gives a const that is not a string only itself', () => {
    expect(fixedValues([5], 'const')).toEqual([
      { kind: 'const-5', title: 'the allowed value 5', keyword: 'const', value: 5, valid: true },
    ]);
  });
});

describe('booleans', () => {
  it('takes true and false, and refuses what is mistaken for them', () => {
    expect(booleans().map((c) => [c.kind, c.value, c.valid])).toEqual([
      ['true', true, true],
      ['false', false, true],
      ['string-true', 'true', false],
      ['string-false', 'false', false],
      ['zero', 0, false],
      ['one', 1, false],
    ]);
  });
});

describe('arrays', () => {
  const node = slot('codes').node;
  const c = kinds(arrays(contract, slot('codes')));

  it('gives each item bound and one past it, built from the items the example holds, all distinct', () => {
    expect(c['min-items']?.value).toEqual(['A1', 'B2']);
    expect(c['below-min-items']?.value).toEqual(['A1']);
    expect(c['max-items']?.value).toHaveLength(3);
    expect(c['above-max-items']?.value).toHaveLength(4);
    expect(new Set(c['above-max-items']?.value as string[]).size).toBe(4);
    expect(c['duplicate-items']?.value).toEqual(['A1', 'B2', 'A1']);
  });

  it('means valid exactly what the schema validator takes', () => {
    for (const candidate of Object.values(c))
      expect(valid(node, candidate.value), candidate.kind).toBe(candidate.valid);
  });
});

describe('objects', () => {
  it('gives an object with too few properties, and a property the document does not list, beside the slot', () => {
    const c = kinds(objects(slot('')));
    expect(c['below-min-properties']).toMatchObject({ value: {}, valid: false, keyword: 'minProperties' });
    expect(c['unknown-property']).toMatchObject({ at: ['x_undocumented_property'], value: 'x', valid: false });
    const withUnknown = setAt(slot('').base, c['unknown-property']!.at!, 'x');
    expect([JSON.stringify(withUnknown), valid(root, withUnknown)]).toEqual([
      '{"codes":["A1","B2"],"any":1,"x_undocumented_property":"x"}',
      false,
    ]);
    expect(objects(slot('codes'))).toEqual([]);
  });
});
