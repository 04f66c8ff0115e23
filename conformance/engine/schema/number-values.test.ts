import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import type { Schema } from '../../../lib/openapi.ts';
import { schemaValidator } from '../../../lib/schema-validator.ts';
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
/** The keywords the document's own validator finds broken by a value. */
function faultsOf(schema: Schema): (value: unknown) => string[] {
  const contract = contractFrom({
    openapi: '3.1.0',
    info: { title: 'N', version: '1' },
    components: { schemas: { S: schema } },
  });
  const validator = schemaValidator(contract.document);
  return (value) => validator.problems({ schema, pointer: '#/components/schemas/S' }, value).map((p) => p.keyword);
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
    const c = kinds([
      ...numbers({ type: 'integer', minimum: 100000 }, true),
      ...numbers({ type: 'integer', maximum: 12 }, true),
    ]);
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

  it('keeps the values meant valid on the multiples inside the bounds, and each invalid one a step outside', () => {
    const c = kinds(numbers({ type: 'integer', minimum: 1, maximum: 10, multipleOf: 3 }, true));
    const values = (...names: string[]) => names.map((name) => [name, c[name]?.value, c[name]?.valid]);
    expect(values('minimum', 'below-minimum', 'maximum', 'above-maximum')).toEqual([
      ['minimum', 3, true],
      ['below-minimum', 0, false],
      ['maximum', 9, true],
      ['above-maximum', 12, false],
    ]);
    expect(values('whole-as-decimal', 'decimal', 'multiple', 'not-multiple')).toEqual([
      ['whole-as-decimal', 6, true],
      ['decimal', 6.5, false],
      ['multiple', 3, true],
      ['not-multiple', 4, false],
    ]);
    expect([c['minimum-exponent']?.raw, c['whole-as-decimal']?.raw]).toEqual(['3e0', '6.0']);
    expect([c.minimum?.title, c.maximum?.title]).toEqual([
      '3, the least multiple of 3 from the minimum 1',
      '9, the greatest multiple of 3 up to the maximum 10',
    ]);
  });

  it('steps from an exclusive bound to the nearest multiple past it, and tries the nearest one not past it', () => {
    const c = kinds(numbers({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 3 }, true));
    expect(
      ['exclusive-minimum', 'above-exclusive-minimum', 'exclusive-maximum', 'below-exclusive-maximum'].map(
        (name) => c[name]?.value,
      ),
    ).toEqual([0, 3, 12, 9]);
    expect(c['exclusive-maximum']?.title).toBe('12, not below the exclusive maximum');
  });

  it('gives a number a decimal that is a multiple of a decimal multipleOf', () => {
    const c = kinds(numbers({ type: 'number', minimum: 0, maximum: 10, multipleOf: 0.5 }, false));
    expect([c.decimal?.value, c.decimal?.valid]).toEqual([3.5, true]);
    const open = kinds(numbers({ type: 'number', multipleOf: 0.5 }, false));
    expect([open.decimal?.value, open.multiple?.value, open['not-multiple']?.value]).toEqual([6.5, 0.5, 0.75]);
  });

  it('shows the multiples in titles without floating-point noise', () => {
    const titles = numbers({ type: 'number', minimum: 0.25, maximum: 1, multipleOf: 0.1 }, false).map((c) => c.title);
    expect(titles).toContain('0.4, a multiple of 0.1');
    for (const title of titles) expect(title).not.toMatch(/\d\.\d{10}/);
  });

  const MULTIPLES: [string, Schema, boolean][] = [
    ['whole bounds on multiples', { type: 'integer', minimum: 1, maximum: 10, multipleOf: 3 }, true],
    [
      'exclusive bounds on multiples',
      { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 3 },
      true,
    ],
    ['a decimal multipleOf', { type: 'number', multipleOf: 0.5 }, false],
    [
      'tenths, which floating point divides unevenly',
      { type: 'number', minimum: 0.25, maximum: 2, multipleOf: 0.1 },
      false,
    ],
    ['a decimal multipleOf of whole numbers', { type: 'integer', minimum: 1, maximum: 9, multipleOf: 1.5 }, true],
  ];

  it.each<[string, Schema, boolean]>([
    ['whole bounds', { type: 'integer', minimum: -5, maximum: 5 }, true],
    ['exclusive whole bounds', { type: 'integer', exclusiveMinimum: -3, exclusiveMaximum: 7 }, true],
    ['decimal bounds', { type: 'number', minimum: 0.25, maximum: 9.75 }, false],
    ['exclusive decimal bounds', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, false],
    ['no bounds', { type: 'number' }, false],
    ['both bounds on a side', { type: 'integer', minimum: 0, exclusiveMinimum: 5, maximum: 10 }, true],
    ['a decimal exclusive bound of a whole number', { type: 'integer', exclusiveMinimum: 0.5, maximum: 4 }, true],
    ...MULTIPLES,
  ])('means valid exactly what the schema validator takes: %s', (_, schema, integer) => {
    const takes = judge(schema);
    for (const candidate of numbers(schema, integer))
      expect(takes(candidate.value), `${candidate.kind}: ${candidate.value}`).toBe(candidate.valid);
  });

  it.each(MULTIPLES)(
    'breaks only the rule it names, when that rule is a bound or multipleOf: %s',
    (_, schema, integer) => {
      const faults = faultsOf(schema);
      for (const candidate of numbers(schema, integer).filter((c) => !c.valid && c.keyword !== 'type'))
        expect(faults(candidate.value), `${candidate.kind}: ${candidate.value}`).toEqual([candidate.keyword]);
    },
  );
});
