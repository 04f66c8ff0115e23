import { describe, expect, it } from 'vitest';
import { Piece, PIECE_ITEMS } from './pieces.ts';

const filled = (count: number, text = (i: number) => JSON.stringify({ i })) => {
  const piece = new Piece();
  for (let i = 0; i < count; i++) piece.mark('all', piece.add(text(i)), true);
  return piece;
};
const shown = (piece: Piece, view = 'all', most?: number) => piece.shownTo(view, most)?.text.toString();

describe('a piece of items', () => {
  it('is sealed when full, and shares its own bytes with a view that lists every item', () => {
    const piece = filled(PIECE_ITEMS);
    expect([piece.size, piece.full]).toEqual([PIECE_ITEMS, true]);
    expect(piece.shownTo('all')!.text).toBe(piece.shownTo('all')!.text);
    expect(JSON.parse(`[${shown(piece)}]`)).toHaveLength(PIECE_ITEMS);
  });

  it('replaces one text in place, of another length and with multi-byte characters, in a sealed piece', () => {
    const piece = filled(PIECE_ITEMS);
    piece.replace(1, '"é€😀, longer than it was"');
    piece.replace(PIECE_ITEMS - 1, '0');
    expect([piece.textAt(0), piece.textAt(1), piece.textAt(2), piece.textAt(PIECE_ITEMS - 1)]).toEqual([
      '{"i":0}',
      '"é€😀, longer than it was"',
      '{"i":2}',
      '0',
    ]);
    expect(JSON.parse(`[${shown(piece)}]`)[1]).toBe('é€😀, longer than it was');
  });

  it('shows a view the items it marks, the first `most` of them, none as undefined; a change is seen', () => {
    const piece = filled(5);
    [0, 2, 3].forEach((i) => piece.mark('some', i, true));
    expect([shown(piece, 'some'), shown(piece, 'some', 2), shown(piece, 'none')]).toEqual([
      '{"i":0},{"i":2},{"i":3}',
      '{"i":0},{"i":2}',
      undefined,
    ]);
    piece.mark('some', 2, false);
    piece.replace(0, '"zero"');
    expect(shown(piece, 'some')).toBe('"zero",{"i":3}');
  });
});
