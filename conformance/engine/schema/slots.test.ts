import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../lib/contract.ts';
import { schemaValidator } from '../../../lib/schema-validator.ts';
import { setAt, slotsOf, valueAt } from './slots.ts';

const contract = loadContract('test/fixtures/kinds.openapi.yaml');
const validator = schemaValidator(contract.document);
const create = contract.operations.find((op) => op.resource?.action === 'create')!;
const root = create.requestBody!.schema!;
const slots = slotsOf(contract, root, create.requestBody!.examples[0]!.value);

describe('the schema walker', () => {
  it('finds every place at every depth, each branch of a oneOf on its own', () => {
    const labels = slots.map((s) => s.label);
    expect(labels).toEqual(expect.arrayContaining(['', 'dimensions', 'dimensions.width']));
    expect(labels.some((l) => /^tags\[\d+\]$/.test(l))).toBe(true);
    expect(labels.some((l) => /^parts\[\d+\]:bolt\.size$/.test(l))).toBe(true);
    expect(labels.some((l) => /^parts\[\d+\]:panel\.thickness$/.test(l))).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives each place a whole valid body that has a value there', () => {
    for (const slot of slots) {
      expect(valueAt(slot.base, slot.path), slot.label).not.toBeUndefined();
      expect(validator.problems(root, slot.base), slot.label).toEqual([]);
    }
  });

  it('names each place as the 422 does, and knows where its rules are written', () => {
    const width = slots.find((s) => s.label === 'dimensions.width')!;
    expect(width.field).toBe('dimensions.width');
    expect(width.required).toBe(true);
    expect(width.parentPointer).toMatch(/Dimensions|dimensions/);
  });

  it('setAt changes a copy, and removes a place when given undefined', () => {
    const base = { a: [1, { b: 2 }] };
    expect(setAt(base, ['a', 1, 'b'], 3)).toEqual({ a: [1, { b: 3 }] });
    expect(setAt(base, ['a', 0], undefined)).toEqual({ a: [{ b: 2 }] });
    expect(base).toEqual({ a: [1, { b: 2 }] });
  });
});
