import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../lib/contract.ts';
import type { Schema } from '../../lib/openapi.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import type { Candidate } from './candidate.ts';
import { numbers } from './number-values.ts';

/** Whether the document's own validator (ajv, JSON Schema 2020-12) takes a value for this schema. */
function judge(schema: Schema): (value: unknown) => boolean {
  const contract = contractFrom({
    openapi: '3.1.0',
    info: { title: 'N', version: '1' },
    components: { schemas: { S: schema } },
  });
  const validator = schemaValidator(contract.document);
  return (value) => validator.problems({ schema, pointer: '#/components/schemas/S' }, value).length === 0;
}
const kinds = (candidates: Candidate[]) => Object.fromEntries(candidates.map((c) => [c.kind, c]));

describe('numbers', () => {
  it('gives each inclusive bound of a whole number, and one step past it', () => {
    const c = kinds(numbers({ type: 'integer', minimum: 1, maximum: 100000 }, true));
    expect([c.minimum?.value, c['below-minimum']?.value, c.maximum?.value, c['above-maximum']?.value]).toEqual([
      1, 0, 100000, 100001,
    ]);
    expect([c.minimum?.valid, c['below-minimum']?.valid, c['above-maximum']?.valid]).toEqual([true, false, false]);
    expect([c['below-minimum']?.keyword, c['above-maximum']?.keyword]).toEqual(['minimum', 'maximum']);
  });

  it('steps a hundredth past the bounds of a number, without floating-point noise', () => {
    const c = kinds(numbers({ type: 'number', minimum: 1.1, maximum: 2.2 }, false));
    expect([c['below-minimum']?.value, c['above-maximum']?.value]).toEqual([1.09, 2.21]);
  });

  it('gives an exclusive bound itself as invalid, and the value just inside as valid', () => {
    const whole = kinds(numbers({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 }, true));
    expect([whole['exclusive-minimum']?.value, whole['exclusive-minimum']?.valid]).toEqual([0, false]);
    expect([whole['above-exclusive-minimum']?.value, whole['above-exclusive-minimum']?.valid]).toEqual([1, true]);
    expect([whole['exclusive-maximum']?.value, whole['below-exclusive-maximum']?.value]).toEqual([10, 9]);
    const real = kinds(numbers({ type: 'number', exclusiveMinimum: 0.1, exclusiveMaximum: 0.7 }, false));
    expect([real['above-exclusive-minimum']?.value, real['below-exclusive-maximum']?.value]).toEqual([0.11, 0.69]);
    expect(real.minimum).toBeUndefined();
  });

  it('writes a bound in its other JSON spellings, each the same number', () => {
    const c = kinds(numbers({ type: 'integer', minimum: 100000, maximum: 12 }, true));
    expect([c['minimum-as-decimal']?.raw, c['minimum-exponent']?.raw]).toEqual(['100000.0', '1e5']);
    expect([c['maximum-exponent']?.raw, c['maximum-exponent-capital']?.raw]).toEqual(['1.2e1', '1.2E1']);
    for (const spelled of Object.values(c).filter((k) => k.raw !== undefined))
      expect(JSON.parse(spelled.raw!), spelled.kind).toBe(spelled.value);
  });

  it('refuses decimals for a whole number but takes one written N.0; takes decimals for a number', () => {
    const whole = kinds(numbers({ type: 'integer', minimum: 0, maximum: 20 }, true));
    expect([whole.decimal?.value, whole.decimal?.valid]).toEqual([10.5, false]);
    expect([whole['whole-as-decimal']?.raw, whole['whole-as-decimal']?.valid]).toEqual(['10.0', true]);
    const real = kinds(numbers({ type: 'number', minimum: 0, maximum: 30 }, false));
    expect([real.decimal?.value, real.decimal?.valid]).toEqual([10, true]);
    expect(real['whole-as-decimal']).toBeUndefined();
  });

  it('gives a multiple and a non-multiple of multipleOf, and a number written as a string', () => {
    const c = kinds(numbers({ type: 'integer', minimum: 10, multipleOf: 4, examples: [24] }, true));
    expect([c.multiple?.value, c['not-multiple']?.value]).toEqual([12, 14]);
    expect(c['numeric-string']).toMatchObject({ value: '24', valid: false, keyword: 'type' });
  });

  it.each<[string, Schema, boolean]>([
    ['whole bounds', { type: 'integer', minimum: -5, maximum: 5 }, true],
    ['exclusive whole bounds', { type: 'integer', exclusiveMinimum: -3, exclusiveMaximum: 7 }, true],
    ['decimal bounds', { type: 'number', minimum: 0.25, maximum: 9.75 }, false],
    ['exclusive decimal bounds', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, false],
    ['no bounds', { type: 'number' }, false],
  ])('means valid exactly what the schema validator takes: %s', (_, schema, integer) => {
    const takes = judge(schema);
    for (const candidate of numbers(schema, integer))
      expect(takes(candidate.value), `${candidate.kind}: ${candidate.value}`).toBe(candidate.valid);
  });
});
