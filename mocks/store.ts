// What the mock remembers for one tenant, as `x-resource` declares it: items by resource name and key, in the order
// they were made, at most `maxItems` of each resource.
//
// Each item is kept once, as its JSON text, made when it is stored or changed, in pieces of PIECE_ITEMS items
// (pieces.ts); a read finds its item's text by its place. A list sends the pieces one after another, never
// serialising an item again: a list of 100,000 items costs writes, not seconds of JSON.stringify. Each piece marks,
// for each list's filter, the items it lets through, so that an item changed in place (a transition) moves in or
// out of a list by a change of its own piece alone.
import { isDeepStrictEqual } from 'node:util';
import { isObject, type Json } from '../lib/json.ts';
import { Piece, PIECE_ITEMS } from './pieces.ts';

/** Items of one resource kept at most, unless told otherwise (MOCK_MAX_ITEMS): room for 100,000 orders. */
export const DEFAULT_MAX_ITEMS = 100_000;

/** A list operation's view of a resource: the items with these property values. */
export interface ListView {
  resource: string;
  filter: Record<string, Json>;
}

export interface Store {
  maxItems: number;
  has(resource: string, key: string): boolean;
  get(resource: string, key: string): Json | undefined;
  /**
   * Stores the item's JSON text: a new key after the others, a known one in place of its item (a transition).
   * False, storing nothing, for a new key when the resource holds `maxItems` already.
   */
  put(resource: string, key: string, item: Json): boolean;
  /** The texts of the items the view lists, in the order they were made, joined by commas, in pieces; `most` first. */
  list(view: ListView, most?: number): Buffer[];
  /** Forgets every item. */
  reset(): void;
}

interface Items {
  /** Each key's place in the order. */
  places: Map<string, number>;
  pieces: Piece[];
}

const COMMA = Buffer.from(',');

export function createStore(views: ListView[] = [], maxItems = DEFAULT_MAX_ITEMS): Store {
  const resources = new Map<string, Items>();
  /** The views asked for, by their key, so that every item stored is marked for each view of its resource. */
  const known = new Map<string, ListView>();
  const itemsOf = (resource: string) =>
    resources.get(resource) ?? resources.set(resource, { places: new Map(), pieces: [] }).get(resource)!;
  const viewsOf = (resource: string) => [...known].filter(([, view]) => view.resource === resource);

  /** The key of a view, marked in every piece of its resource the first time it is asked for. */
  const viewKey = (view: ListView): string => {
    const key = JSON.stringify([view.resource, view.filter]);
    if (known.has(key)) return key;
    known.set(key, view);
    for (const piece of itemsOf(view.resource).pieces) {
      let index = 0;
      for (const text of piece.texts()) piece.mark(key, index++, matches(JSON.parse(text) as Json, view));
    }
    return key;
  };
  for (const view of views) viewKey(view);

  /** The item at its place, and the mark of each view of its resource. */
  const place = (resource: string, key: string, item: Json): boolean => {
    const items = itemsOf(resource);
    const text = JSON.stringify(item);
    const at = items.places.get(key);
    let piece: Piece;
    let index: number;
    if (at === undefined) {
      if (items.places.size >= maxItems) return false;
      if (!items.pieces.at(-1) || items.pieces.at(-1)!.full) items.pieces.push(new Piece());
      piece = items.pieces.at(-1)!;
      index = piece.add(text);
      items.places.set(key, items.places.size);
    } else {
      piece = items.pieces[Math.floor(at / PIECE_ITEMS)]!;
      index = at % PIECE_ITEMS;
      piece.replace(index, text);
    }
    for (const [name, view] of viewsOf(resource)) piece.mark(name, index, matches(item, view));
    return true;
  };

  return {
    maxItems,
    has: (resource, key) => itemsOf(resource).places.has(key),
    get(resource, key) {
      const items = itemsOf(resource);
      const at = items.places.get(key);
      if (at === undefined) return undefined;
      return JSON.parse(items.pieces[Math.floor(at / PIECE_ITEMS)]!.textAt(at % PIECE_ITEMS)) as Json;
    },
    put: place,
    list(view, most = Infinity) {
      const key = viewKey(view);
      const listed: Buffer[] = [];
      let left = most;
      for (const piece of itemsOf(view.resource).pieces) {
        if (left <= 0) break;
        const shown = piece.shownTo(key, left);
        if (!shown) continue;
        if (listed.length > 0) listed.push(COMMA);
        listed.push(shown.text);
        left -= shown.count;
      }
      return listed;
    },
    reset: () => resources.clear(),
  };
}

function matches(item: Json, { filter }: ListView): boolean {
  return Object.entries(filter).every(([name, value]) => isObject(item) && isDeepStrictEqual(item[name], value));
}
