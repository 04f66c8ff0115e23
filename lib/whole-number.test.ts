import { describe, expect, it } from 'vitest';
import { wholeNumber } from './whole-number.ts';

describe('wholeNumber', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['4010', 4010],
    ['007', 7],
    ['9007199254740991', 9007199254740991],
  ])('reads %j as %d', (text, value) => {
    expect(wholeNumber(text)).toBe(value);
  });

  it.each([
    '',
    ' 7',
    '7 ',
    '0x10',
    '1e3',
    '0b11',
    '0o7',
    '-1',
    '+1',
    '1.0',
    '1_000',
    'NaN',
    'Infinity',
    '9007199254740993',
  ])('refuses %j', (text) => {
    expect(wholeNumber(text)).toBeUndefined();
  });
});
