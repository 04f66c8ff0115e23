import { describe, expect, it } from 'vitest';
import { createStore, type ListView } from './store.ts';

const all: ListView = { resource: 'widget', filter: {} };
const open: ListView = { resource: 'widget', filter: { status: 'Open' } };
const listed = (pieces: Buffer[]) => JSON.parse(`[${Buffer.concat(pieces).toString()}]`) as unknown;

describe('what the mock remembers', () => {
  it('keeps items by resource and key, in the order they were made, as they were when stored', () => {
    const store = createStore([all]);
    const item = { id: 'b', n: 1 };
    store.put('widget', 'b', item);
    store.put('widget', 'a', { id: 'a' });
    item.n = 2;
    expect(listed(store.list(all))).toEqual([{ id: 'b', n: 1 }, { id: 'a' }]);
    expect([
      store.get('widget', 'b'),
      store.has('widget', 'a'),
      store.has('order', 'a'),
      store.get('widget', 'zz'),
    ]).toEqual([{ id: 'b', n: 1 }, true, false, undefined]);
  });

  it('lists what a view filters, for a view declared at the start or asked for later', () => {
    const store = createStore([open]);
    store.put('widget', 'a', { status: 'Open' });
    store.put('widget', 'b', { status: 'Closed' });
    store.put('gadget', 'c', { status: 'Open' });
    expect(listed(store.list(open))).toEqual([{ status: 'Open' }]);
    expect(listed(store.list(all))).toEqual([{ status: 'Open' }, { status: 'Closed' }]);
  });

  it('keeps the pieces of a long list once made: a new item adds to its end', () => {
    const store = createStore([all]);
    for (let i = 0; i < 2_500; i++) store.put('widget', `w${i}`, { i });
    const before = store.list(all);
    store.put('widget', 'last', { i: 'last' });
    const after = store.list(all);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after[0]).toBe(before[0]);
    expect(listed(after)).toHaveLength(2_501);
  });

  it('reads back every item, from a piece or after it, whatever its characters', () => {
    const store = createStore([all]);
    const itemOf = (i: number) => ({ i, name: `é€😀 "quoted", {braced} [${i}] \\` });
    for (let i = 0; i < 2_300; i++) store.put('widget', `w${i}`, itemOf(i));
    for (const i of [0, 1, 999, 1_000, 1_999, 2_000, 2_299]) expect(store.get('widget', `w${i}`)).toEqual(itemOf(i));
  });

  it('lists what a filter lets through, once it left one out after a full piece', () => {
    const store = createStore([open]);
    for (let i = 0; i < 1_500; i++) store.put('widget', `w${i}`, { i, status: i === 1_200 ? 'Closed' : 'Open' });
    const listedOpen = listed(store.list(open)) as { i: number }[];
    expect([listedOpen.length, listedOpen.some((item) => item.i === 1_200)]).toEqual([1_499, false]);
    expect(listed(store.list(all))).toHaveLength(1_500);
  });

  it('replaces an item stored again under its key, where it stands', () => {
    const store = createStore([all]);
    store.put('widget', 'a', { v: 1 });
    store.put('widget', 'b', { v: 2 });
    store.put('widget', 'a', { v: 3 });
    expect(listed(store.list(all))).toEqual([{ v: 3 }, { v: 2 }]);
  });

  it('changes an item in place: its list follows its new values, the other items and pieces as they were', () => {
    const store = createStore([open, all]);
    for (let i = 0; i < 2_500; i++) store.put('widget', `w${i}`, { i, status: 'Open' });
    const before = store.list(open);
    for (const i of [0, 2_400]) store.put('widget', `w${i}`, { i, status: 'Pending release é' });
    // The piece of items 1,000 to 1,999 is sent as it was: none of its items changed.
    expect(store.list(open)[2]).toBe(before[2]);
    store.put('widget', 'w1500', { i: 1_500, status: 'Pending release é' });
    const listedOpen = (listed(store.list(open)) as { i: number }[]).map((item) => item.i);
    expect([listedOpen.length, listedOpen.includes(0), listedOpen.includes(1_500), listedOpen[0]]).toEqual([
      2_497,
      false,
      false,
      1,
    ]);
    expect(store.get('widget', 'w1500')).toEqual({ i: 1_500, status: 'Pending release é' });
    expect(store.get('widget', 'w1501')).toEqual({ i: 1_501, status: 'Open' });
    expect((listed(store.list(all)) as { i: number }[]).map((item) => item.i)).toEqual(
      Array.from({ length: 2_500 }, (_, i) => i),
    );
    store.put('widget', 'w0', { i: 0, status: 'Open' });
    expect((listed(store.list(open)) as { i: number }[])[0]).toEqual({ i: 0, status: 'Open' });
  });

  it('lists the oldest items first, `most` of them at most, across pieces', () => {
    const store = createStore([open]);
    for (let i = 0; i < 1_500; i++) store.put('widget', `w${i}`, { i, status: i % 2 ? 'Open' : 'Closed' });
    const ids = (most: number) => (listed(store.list(open, most)) as { i: number }[]).map((item) => item.i);
    expect(ids(3)).toEqual([1, 3, 5]);
    expect(ids(600)).toHaveLength(600);
    expect(ids(600).at(-1)).toBe(1_199);
    expect(ids(10_000)).toHaveLength(750);
    expect(ids(0)).toEqual([]);
  });

  it('stores at most maxItems of a resource, and room comes back with a reset', () => {
    const store = createStore([all], 2);
    expect([store.put('widget', 'a', 1), store.put('widget', 'b', 2), store.put('widget', 'c', 3)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([store.put('widget', 'a', 4), store.put('gadget', 'a', 5)]).toEqual([true, true]);
    store.reset();
    expect([listed(store.list(all)), store.has('widget', 'a'), store.put('widget', 'c', 3)]).toEqual([[], false, true]);
  });
});
