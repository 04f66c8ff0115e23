import { describe, expect, it } from 'vitest';
import { xml10Problems } from './xml-check.ts';

describe('xml10Problems', () => {
  it('passes a plain document with the five entities, character references and astral characters', () => {
    expect(xml10Problems('<a b="&quot;&apos;">&amp;&lt;&gt;&#9;&#x10FFFF;😀\ue000\ufffd</a>')).toEqual([]);
  });

  it('finds what XML 1.0 forbids and the lax validator lets through', () => {
    expect(xml10Problems('<a>\ufffe\uffff\u0000\u001b\ud800x\udc00</a>')).toEqual([
      'U+fffe at 3',
      'U+ffff at 4',
      'U+0000 at 5',
      'U+001b at 6',
      'U+d800 at 7',
      'U+dc00 at 9',
    ]);
  });

  it('finds bad references: to non-Chars, unknown names, a bare ampersand', () => {
    expect(xml10Problems('<a>&#0;&#xFFFE;&nbsp;& x</a>')).toEqual([
      'reference &#0; at 3',
      'reference &#xFFFE; at 7',
      'reference &nbsp; at 15',
      'reference & at 21',
    ]);
  });
});
