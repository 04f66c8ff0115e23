// A JSON answer already made into text, in pieces sent one after another: the envelope of a list with its items,
// each item's text made when it was stored (store.ts). Sending it takes no serialising, only writes.
import { randomUUID } from 'node:crypto';
import { setPointer, type Json } from '../lib/json.ts';

export class JsonText {
  readonly length: number;
  constructor(readonly pieces: readonly Buffer[]) {
    this.length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  }
}

/** The envelope with, at `pointer`, the JSON array whose items are `items` (texts joined by commas). */
export function withArray(envelope: Json, pointer: string, items: readonly Buffer[]): JsonText {
  // A string no document holds marks the place; the text either side of it becomes the first and last piece.
  const mark = JSON.stringify(`list-${randomUUID()}`);
  const [before, after] = JSON.stringify(
    setPointer(structuredClone(envelope), pointer, JSON.parse(mark) as Json),
  ).split(mark);
  return new JsonText([Buffer.from(`${before}[`), ...items, Buffer.from(`]${after}`)]);
}
