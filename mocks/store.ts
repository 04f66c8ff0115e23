// What the mock remembers, as `x-resource` declares it: items by resource name and key, in the order they were
// made, for the one tenant every token of the mock belongs to, at most `maxItems` of each resource.
//
// Each item is kept once, as its JSON text, made when it is stored: the texts of a resource are joined (commas
// between) into pieces of PIECE_ITEMS items, and a read finds its item's text by its place in them. A list sends
// those pieces one after another, never serialising an item again: a list of 100,000 items costs writes, not
// seconds of JSON.stringify. A list whose filter has let every item through shares the resource's pieces; once it
// leaves one out, it keeps pieces of its own from then on.
import { isObject, type Json } from '../lib/json.ts';

/** Items of one resource kept at most, unless told otherwise (MOCK_MAX_ITEMS): room for 100,000 orders. */
export const DEFAULT_MAX_ITEMS = 100_000;

/** Items per piece: large enough to send a long list in few writes, small enough to join at once. */
const PIECE_ITEMS = 1_000;

/** A list operation's view of a resource: the items with these property values. */
export interface ListView {
  resource: string;
  filter: Record<string, Json>;
}

export interface Store {
  maxItems: number;
  has(resource: string, key: string): boolean;
  get(resource: string, key: string): Json | undefined;
  /** Stores the item's JSON text; false, storing nothing, when the resource holds `maxItems` already. */
  put(resource: string, key: string, item: Json): boolean;
  /** The texts of the items the view lists, in the order they were made, joined by commas, in pieces. */
  list(view: ListView): Buffer[];
  /** Forgets every item. */
  reset(): void;
}

/** Texts in order: whole pieces, and the texts since the last one. */
interface Pieces {
  sealed: Buffer[];
  open: string[];
}

interface Items extends Pieces {
  /** Each key's place in the order. */
  places: Map<string, number>;
  /** For each sealed piece, where each item's text starts, and one past its end (as if a comma followed it). */
  starts: Uint32Array[];
}

interface Listing {
  view: ListView;
  /** Undefined while the filter has let every item through: the list is the resource's pieces. */
  own?: Pieces;
}

export function createStore(views: ListView[] = [], maxItems = DEFAULT_MAX_ITEMS): Store {
  const resources = new Map<string, Items>();
  const listings = new Map<string, Listing>();
  const itemsOf = (resource: string) =>
    resources.get(resource) ??
    resources.set(resource, { places: new Map(), sealed: [], starts: [], open: [] }).get(resource)!;
  const listingsOf = (resource: string) => [...listings.values()].filter((l) => l.view.resource === resource);

  /** The listing of a view, made from the stored items the first time it is asked for. */
  const listingOf = (view: ListView): Listing => {
    const key = `${view.resource} ${JSON.stringify(view.filter)}`;
    const known = listings.get(key);
    if (known) return known;
    const items = itemsOf(view.resource);
    const own: Pieces = { sealed: [], open: [] };
    for (const text of textsOf(items)) if (matches(JSON.parse(text) as Json, view)) append(own, text);
    const listing = { view, ...(count(own) < items.places.size ? { own } : {}) };
    listings.set(key, listing);
    return listing;
  };
  for (const view of views) listingOf(view);

  const add = (resource: string, key: string, item: Json, text: string) => {
    const items = itemsOf(resource);
    for (const listing of listingsOf(resource)) {
      const fits = matches(item, listing.view);
      if (listing.own) {
        if (fits) append(listing.own, text);
      } else if (!fits) listing.own = { sealed: [...items.sealed], open: [...items.open] };
    }
    items.places.set(key, items.places.size);
    const sealed = append(items, text);
    if (sealed) items.starts.push(startsOf(sealed));
  };

  return {
    maxItems,
    has: (resource, key) => itemsOf(resource).places.has(key),
    get(resource, key) {
      const items = itemsOf(resource);
      const place = items.places.get(key);
      return place === undefined ? undefined : (JSON.parse(textAt(items, place)) as Json);
    },
    put(resource, key, item) {
      const items = itemsOf(resource);
      const text = JSON.stringify(item);
      const place = items.places.get(key);
      if (place === undefined) {
        if (items.places.size >= maxItems) return false;
        add(resource, key, item, text);
        return true;
      }
      // Stored again under its key: replaced where it stands, the resource made again (rare: the document lets a
      // create repeat a key only when it documents no answer for resource-exists).
      const texts = [...items.places.keys()].map((known, at) => [known, at === place ? text : textAt(items, at)]);
      resources.delete(resource);
      for (const listing of listingsOf(resource)) listing.own = undefined;
      for (const [known, stored] of texts) add(resource, known!, JSON.parse(stored!) as Json, stored!);
      return true;
    },
    list(view) {
      const { own } = listingOf(view);
      const { sealed, open } = own ?? itemsOf(view.resource);
      const pieces = open.length > 0 ? [...sealed, Buffer.from(open.join(','))] : sealed;
      return pieces.flatMap((piece, index) => (index === 0 ? [piece] : [COMMA, piece]));
    },
    reset() {
      resources.clear();
      for (const listing of listings.values()) listing.own = undefined;
    },
  };
}

const COMMA = Buffer.from(',');

/** Adds a text; the texts of the piece it sealed, if it filled one. */
function append(pieces: Pieces, text: string): string[] | undefined {
  pieces.open.push(text);
  if (pieces.open.length < PIECE_ITEMS) return undefined;
  const texts = pieces.open;
  pieces.sealed.push(Buffer.from(texts.join(',')));
  pieces.open = [];
  return texts;
}

function count({ sealed, open }: Pieces): number {
  return sealed.length * PIECE_ITEMS + open.length;
}

/** Where each text starts in their piece, and one past the end of the last (as if a comma followed it). */
function startsOf(texts: string[]): Uint32Array {
  const starts = new Uint32Array(texts.length + 1);
  texts.forEach((text, index) => (starts[index + 1] = starts[index]! + Buffer.byteLength(text) + 1));
  return starts;
}

function textAt(items: Items, place: number): string {
  const piece = Math.floor(place / PIECE_ITEMS);
  const index = place % PIECE_ITEMS;
  if (piece >= items.sealed.length) return items.open[index]!;
  const starts = items.starts[piece]!;
  return items.sealed[piece]!.toString('utf8', starts[index], starts[index + 1]! - 1);
}

function* textsOf(items: Items): Generator<string> {
  for (let place = 0; place < items.places.size; place++) yield textAt(items, place);
}

function matches(item: Json, { filter }: ListView): boolean {
  return Object.entries(filter).every(
    ([name, value]) => isObject(item) && JSON.stringify(item[name]) === JSON.stringify(value),
  );
}
