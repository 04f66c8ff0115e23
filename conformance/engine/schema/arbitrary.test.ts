import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract, type Contract, type SchemaNode } from '../../../lib/contract.ts';
import type { Json } from '../../../lib/json.ts';
import type { Schema } from '../../../lib/openapi.ts';
import { schemaValidator } from '../../../lib/schema-validator.ts';
import { arbitraryOf } from './arbitrary.ts';

const schemas: Record<string, Schema> = {
  Count: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 },
  Ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  Sevens: { type: 'integer', minimum: 0, maximum: 100, multipleOf: 7 },
  AboveFive: { type: 'integer', minimum: 0, exclusiveMinimum: 5, maximum: 10 },
  Halves: { type: 'number', multipleOf: 0.5 },
  Tenths: { type: 'number', exclusiveMinimum: 0, maximum: 1, multipleOf: 0.1 },
  Name: { type: 'string', minLength: 2, maxLength: 4 },
  Code: { type: 'string', pattern: '^[A-Z]{3}-\\d{2}$' },
  Day: { type: 'string', format: 'date' },
  Size: { enum: ['S', 'M'] },
  Fixed: { const: 'v1' },
  Maybe: { type: ['string', 'null'], maxLength: 2 },
  Tags: { type: 'array', items: { type: 'string', maxLength: 3 }, minItems: 1, maxItems: 3, uniqueItems: true },
  Bolt: {
    type: 'object',
    required: ['kind', 'length'],
    properties: { kind: { const: 'bolt' }, length: { type: 'integer', minimum: 1 } },
  },
  Nut: {
    type: 'object',
    required: ['kind'],
    properties: { kind: { const: 'nut' }, size: { $ref: '#/components/schemas/Size' } },
  },
  Part: {
    oneOf: [{ $ref: '#/components/schemas/Bolt' }, { $ref: '#/components/schemas/Nut' }],
    discriminator: { propertyName: 'kind' },
  },
  Thing: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    minProperties: 2,
    properties: {
      name: { $ref: '#/components/schemas/Name' },
      part: { $ref: '#/components/schemas/Part' },
      tags: { $ref: '#/components/schemas/Tags' },
      note: { $ref: '#/components/schemas/Maybe' },
      anything: {},
    },
  },
};
const contract = contractFrom({
  openapi: '3.1.0',
  info: { title: 'Arbitrary', version: '1' },
  components: { schemas },
});
const validator = schemaValidator(contract.document);
const node = (name: string): SchemaNode => ({ schema: schemas[name]!, pointer: `#/components/schemas/${name}` });
/** A fixed seed: the same values every run, so a failure can be replayed. */
const draw = (from: Contract, at: SchemaNode, numRuns = 300): Json[] =>
  fc.sample(arbitraryOf(from, at), { numRuns, seed: 20240229 });

describe('arbitraryOf', () => {
  it.each(Object.keys(schemas))('draws only values the schema validator accepts: %s', (name) => {
    for (const value of draw(contract, node(name)))
      expect(validator.problems(node(name), value), JSON.stringify(value)).toEqual([]);
  });

  it('keeps whole numbers strictly inside exclusive bounds, and reaches the ones next to them', () => {
    const counts = draw(contract, node('Count')) as number[];
    expect([Math.min(...counts), Math.max(...counts)]).toEqual([1, 9]);
    const ratios = draw(contract, node('Ratio')) as number[];
    expect(ratios.every((r) => r > 0 && r <= 1)).toBe(true);
  });

  it('draws multiples of multipleOf inside the bounds, reaching the outermost ones', () => {
    const sevens = draw(contract, node('Sevens')) as number[];
    expect([Math.min(...sevens), Math.max(...sevens)]).toEqual([0, 98]);
    expect(new Set(sevens).size).toBeGreaterThan(10);
    const halves = draw(contract, node('Halves')) as number[];
    expect(halves.some((h) => !Number.isInteger(h))).toBe(true);
    expect(new Set(halves).size).toBeGreaterThan(100);
    const tenths = draw(contract, node('Tenths')) as number[];
    expect([Math.min(...tenths), Math.max(...tenths)]).toEqual([0.1, 1]);
  });

  it('keeps within the tighter bound where minimum and exclusiveMinimum are both set', () => {
    const aboveFive = draw(contract, node('AboveFive')) as number[];
    expect([Math.min(...aboveFive), Math.max(...aboveFive)]).toEqual([6, 10]);
  });

  it('counts string lengths in code points, as JSON Schema does', () => {
    const names = draw(contract, node('Name')) as string[];
    for (const name of names) expect([...name].length).toBeGreaterThanOrEqual(2);
    // Characters outside the BMP take two UTF-16 units: such names are longer than 4 in JavaScript's count.
    expect(names.some((name) => name.length > 4)).toBe(true);
  });

  it('tags each branch of a discriminated oneOf with its own value, and reaches both', () => {
    const parts = draw(contract, node('Part')) as { kind: string; length?: number }[];
    expect(new Set(parts.map((p) => p.kind))).toEqual(new Set(['bolt', 'nut']));
    for (const part of parts.filter((p) => p.kind === 'bolt')) expect(part.length).toBeGreaterThanOrEqual(1);
  });

  it('draws arrays of distinct items within their bounds, and objects with the properties they need', () => {
    for (const tags of draw(contract, node('Tags')) as string[][]) {
      expect(tags.length).toBeGreaterThanOrEqual(1);
      expect(new Set(tags).size).toBe(tags.length);
    }
    const things = draw(contract, node('Thing')) as Record<string, Json>[];
    expect(things.every((t) => 'name' in t && Object.keys(t).length >= 2)).toBe(true);
    expect(things.some((t) => t.note === null)).toBe(true);
  });

  it('draws valid request bodies for every operation of the kit’s document and of the fixture', () => {
    for (const from of [loadContract(), loadContract('test/fixtures/kinds.openapi.yaml')]) {
      const own = schemaValidator(from.document);
      for (const operation of from.operations.filter((op) => op.requestBody?.schema)) {
        const root = operation.requestBody!.schema!;
        for (const body of draw(from, root, 50))
          expect(own.problems(root, body), `${operation.operationId}: ${JSON.stringify(body)}`).toEqual([]);
      }
    }
  });
});
