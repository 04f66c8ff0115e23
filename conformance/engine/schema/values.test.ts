import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../lib/contract.ts';
import { slotsOf } from './slots.ts';
import { CHARACTERS, candidatesFor, textOf } from './values.ts';

describe('value variety', () => {
  it('builds text of exact code-point lengths in each UTF-8 width', () => {
    for (const [width, char] of Object.entries(CHARACTERS)) {
      const text = textOf(5, width as keyof typeof CHARACTERS);
      expect([...text].length).toBe(5);
      expect(Buffer.byteLength(text)).toBe(5 * Buffer.byteLength(char));
    }
    expect(textOf(6, '4-byte', 'ab')).toBe('ab😀😀😀😀');
    expect([...textOf(2, '1-byte', 'abcdef')].length).toBe(2);
  });

  it('gives each kind of schema the candidates its rules call for', () => {
    const contract = loadContract();
    const create = contract.operations[0]!;
    const slots = slotsOf(contract, create.requestBody!.schema!, create.requestBody!.examples[0]!.value);
    const kinds = (label: string) =>
      candidatesFor(
        contract,
        slots.find((s) => s.label === label)!,
        { unique: () => 'u-1' },
      ).map((c) => c.kind);
    expect(kinds('quantity')).toEqual(
      expect.arrayContaining([
        'maximum',
        'maximum-exponent',
        'above-maximum',
        'decimal',
        'whole-as-decimal',
        'type-string',
        'type-null',
      ]),
    );
    expect(kinds('serialized')).toEqual(expect.arrayContaining(['true', 'false', 'string-true', 'zero', 'one']));
    expect(kinds('market')).toEqual(expect.arrayContaining(['any-object', 'any-array', 'any-null']));
    expect(kinds('product_code_schema')).toEqual(
      expect.arrayContaining(['enum-GTIN', 'enum-GTIN-lower-case', 'invalid-EAN']),
    );
    expect(kinds('')).toEqual(expect.arrayContaining(['type-array', 'unknown-property']));
    expect(kinds('order_id')).toEqual(expect.arrayContaining(['missing', 'max-length-4-byte', 'above-max-length']));
  });
});
