import { describe, expect, it } from 'vitest';
import { JsonText, withArray } from './json-text.ts';

const text = (json: JsonText) => Buffer.concat(json.pieces).toString();

describe('withArray', () => {
  it('puts the items, as an array, where the pointer says, the envelope as it was', () => {
    const envelope = { success: true, data: [], message: 'Open packaging orders' };
    const made = withArray(envelope, '/data', [Buffer.from('{"a":1},{"b":2}'), Buffer.from(','), Buffer.from('3')]);
    expect(JSON.parse(text(made))).toEqual({ ...envelope, data: [{ a: 1 }, { b: 2 }, 3] });
    expect(made.length).toBe(Buffer.byteLength(text(made)));
    expect(envelope.data).toEqual([]);
  });

  it('makes an empty array of no items, and a nested place or the whole body', () => {
    expect(JSON.parse(text(withArray({ page: { items: null } }, '/page/items', [])))).toEqual({ page: { items: [] } });
    expect(text(withArray({}, '', [Buffer.from('1,2')]))).toBe('[1,2]');
  });
});
