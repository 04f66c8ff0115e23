// One piece of a resource's items (store.ts): up to PIECE_ITEMS items' JSON texts, in the order the items were made.
// While it fills, its texts are kept as strings; once full, as one Buffer of them joined by commas, with where each
// starts, so that a list sends it as it is. An item changed in place (a transition) has its bytes replaced in the
// Buffer, never the other items serialised again.
//
// Each list view (a filter) marks which items of the piece it lists. Its part of the piece is made when the view is
// first listed and kept until an item of the piece changes: the piece's own Buffer when the view lists every item,
// nothing when it lists none, else the listed items' bytes copied side by side.

/** Items per piece: large enough to send a long list in few writes, small enough to join or copy at once. */
export const PIECE_ITEMS = 1_000;

const COMMA = Buffer.from(',');

/** A view's part of a piece: the texts it lists, joined by commas, and how many there are. */
export interface Shown {
  text: Buffer;
  count: number;
}

export class Piece {
  /** The texts while the piece fills; undefined once it is sealed. */
  private open: string[] | undefined = [];
  /** Once sealed: the texts joined by commas, and where each starts (one past the last: as if a comma followed). */
  private sealed: Buffer = Buffer.alloc(0);
  private starts: Uint32Array = new Uint32Array(1);
  /** For each view, by its key, a 1 for each item it lists. */
  private readonly marks = new Map<string, Uint8Array>();
  /** Each view's part, made when listed; forgotten when the piece changes (null: the view lists none of it). */
  private readonly shown = new Map<string, Shown | null>();

  get size(): number {
    return this.open ? this.open.length : this.starts.length - 1;
  }

  get full(): boolean {
    return this.size >= PIECE_ITEMS;
  }

  /** Adds a text after the others (the piece must not be full); its index in the piece. */
  add(text: string): number {
    const open = this.open!;
    open.push(text);
    this.shown.clear();
    if (open.length === PIECE_ITEMS) this.seal(open);
    return open.length - 1;
  }

  /** Replaces the text at an index: the other items' bytes are copied as they are. */
  replace(index: number, text: string): void {
    this.shown.clear();
    if (this.open) {
      this.open[index] = text;
      return;
    }
    const [start, end] = [this.starts[index]!, this.starts[index + 1]! - 1];
    const bytes = Buffer.from(text);
    const shift = bytes.length - (end - start);
    this.sealed = Buffer.concat([this.sealed.subarray(0, start), bytes, this.sealed.subarray(end)]);
    for (let i = index + 1; i < this.starts.length; i++) this.starts[i] = this.starts[i]! + shift;
  }

  textAt(index: number): string {
    if (this.open) return this.open[index]!;
    return this.sealed.toString('utf8', this.starts[index], this.starts[index + 1]! - 1);
  }

  *texts(): Generator<string> {
    for (let index = 0; index < this.size; index++) yield this.textAt(index);
  }

  /** Says whether a view lists the item at an index. */
  mark(view: string, index: number, listed: boolean): void {
    const marks = this.marks.get(view) ?? this.marks.set(view, new Uint8Array(PIECE_ITEMS)).get(view)!;
    marks[index] = listed ? 1 : 0;
    this.shown.delete(view);
  }

  /** The view's part of the piece, the first `most` items it lists at most; undefined when it lists none. */
  shownTo(view: string, most = Infinity): Shown | undefined {
    if (most < this.size) return this.made(view, most);
    if (!this.shown.has(view)) this.shown.set(view, this.made(view, Infinity) ?? null);
    return this.shown.get(view) ?? undefined;
  }

  private made(view: string, most: number): Shown | undefined {
    const marks = this.marks.get(view);
    const listed: number[] = [];
    for (let index = 0; index < this.size && listed.length < most; index++) if (marks?.[index]) listed.push(index);
    if (listed.length === 0) return undefined;
    if (this.open) return { text: Buffer.from(listed.map((i) => this.open![i]).join(',')), count: listed.length };
    if (listed.length === this.size) return { text: this.sealed, count: listed.length };
    const bytes = listed.flatMap((i, n) => [
      ...(n > 0 ? [COMMA] : []),
      this.sealed.subarray(this.starts[i], this.starts[i + 1]! - 1),
    ]);
    return { text: Buffer.concat(bytes), count: listed.length };
  }

  private seal(texts: string[]): void {
    this.sealed = Buffer.from(texts.join(','));
    this.starts = new Uint32Array(texts.length + 1);
    texts.forEach((text, index) => (this.starts[index + 1] = this.starts[index]! + Buffer.byteLength(text) + 1));
    this.open = undefined;
  }
}
