import { describe, expect, it } from 'vitest';
import { CHARACTERS, label, ruleAt, show, textOf, type Width } from './candidate.ts';

describe('CHARACTERS', () => {
  it('holds one code point of each UTF-8 width', () => {
    for (const [width, char] of Object.entries(CHARACTERS)) {
      expect([...char].length, width).toBe(1);
      expect(`${Buffer.byteLength(char)}-byte`).toBe(width);
    }
  });
});

describe('textOf', () => {
  it('makes text of an exact number of code points in one width', () => {
    for (const width of Object.keys(CHARACTERS) as Width[]) {
      const text = textOf(7, width);
      expect([[...text].length, Buffer.byteLength(text)], width).toEqual([7, 7 * Buffer.byteLength(CHARACTERS[width])]);
    }
    expect(textOf(0)).toBe('');
  });

  it('starts with the prefix, cut by code points when it is longer than the text', () => {
    expect(textOf(6, '2-byte', 'id-')).toBe('id-ééé');
    expect(textOf(2, '1-byte', 'conformance-1')).toBe('co');
    // A 4-byte character of the prefix is kept whole, never split into half a surrogate pair.
    expect(textOf(1, '1-byte', '😀x')).toBe('😀');
  });
});

describe('ruleAt', () => {
  const node = { schema: { type: 'string' as const, maxLength: 3 }, pointer: '#/components/schemas/Code' };

  it('points at the keyword where the schema writes it, else at the schema itself', () => {
    expect(ruleAt(node, 'maxLength')).toBe('#/components/schemas/Code/maxLength');
    expect(ruleAt(node, 'minLength')).toBe('#/components/schemas/Code');
  });
});

describe('label', () => {
  it('names a value for a case id: strings as they are, white space as _, other values as JSON', () => {
    expect(label('GTIN')).toBe('GTIN');
    expect(label(' a b\tc\n')).toBe('_a_b_c_');
    expect(label('')).toBe('empty');
    expect([label(5), label(null), label({ a: [1] })]).toEqual(['5', 'null', '{"a":[1]}']);
  });
});

describe('show', () => {
  it('shows a value as JSON, cut to 37 characters and an ellipsis when longer than 40', () => {
    expect(show('x'.repeat(38))).toBe(`"${'x'.repeat(38)}"`);
    const long = show('y'.repeat(50));
    expect(long).toBe(`"${'y'.repeat(36)}…`);
    expect(long).toHaveLength(38);
    expect(show({ a: 1 })).toBe('{"a":1}');
  });

  it('counts and cuts by code points, never leaving half a surrogate pair', () => {
    // 36 code points in (the quote and 35 a's), the emoji is the 37th: kept whole, not split after its first unit.
    const cut = show(`${'a'.repeat(35)}${'😀'.repeat(10)}`);
    expect(cut).toBe(`"${'a'.repeat(35)}😀…`);
    // Half a surrogate pair does not survive UTF-8, the way every title is written out.
    expect(Buffer.from(cut).toString()).toBe(cut);
    // 40 code points, 78 UTF-16 units: short enough to show whole.
    expect(show('😀'.repeat(38))).toBe(`"${'😀'.repeat(38)}"`);
  });
});
