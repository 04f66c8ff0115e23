import { describe, expect, it } from 'vitest';
import {
  atPointer,
  childPointer,
  escapeToken,
  isJsonText,
  isObject,
  pointerOf,
  setPointer,
  unescapeToken,
  valueAtPointer,
} from './json.ts';

describe('JSON Pointers', () => {
  it('escape ~ and / in tokens, and read them back', () => {
    expect(escapeToken('a/b~c')).toBe('a~1b~0c');
    expect(unescapeToken('a~1b~0c')).toBe('a/b~c');
    expect(pointerOf('paths', '/packaging_order', 'post')).toBe('#/paths/~1packaging_order/post');
    expect(childPointer('#/a', 'b/c', 0)).toBe('#/a/b~1c/0');
  });

  it('valueAtPointer follows objects and arrays, decodes URI escapes, and throws where nothing is', () => {
    const root = { paths: { '/x/{id}': { get: { tags: ['t'] } } } };
    expect(valueAtPointer(root, '#/paths/~1x~1%7Bid%7D/get/tags/0')).toBe('t');
    expect(() => valueAtPointer(root, '#/paths/none')).toThrow('does not resolve');
    expect(() => valueAtPointer(root, 'other.yaml#/x')).toThrow('only local $refs');
  });

  it('atPointer answers undefined where nothing is; setPointer replaces a place', () => {
    const value = { data: [{ id: 'a' }] };
    expect(atPointer(value, '/data/0/id')).toBe('a');
    expect(atPointer(value, '/data/3/id')).toBeUndefined();
    expect(atPointer(value, '')).toEqual(value);
    expect(setPointer(value, '/data/0/id', 'b')).toEqual({ data: [{ id: 'b' }] });
    expect(setPointer(value, '', 1)).toBe(1);
  });

  it('isObject is true for plain objects only', () => {
    expect([isObject({}), isObject([]), isObject(null), isObject('x')]).toEqual([true, false, false, false]);
  });
});

describe('isJsonText', () => {
  it('is one JSON value as JSON.parse reads it, nothing after it', () => {
    expect(['{}', ' [1] ', '"x"', '0', 'null'].map(isJsonText)).toEqual([true, true, true, true, true]);
    expect(['', '{}x', "{'a':1}", '[1,]', 'undefined'].map(isJsonText)).toEqual([false, false, false, false, false]);
  });
});
