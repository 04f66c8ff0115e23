import { describe, expect, it } from 'vitest';
import { createStore } from './store.ts';

describe('what the mock remembers', () => {
  it('keeps items by resource and key, in the order they were made, copied when stored', () => {
    const store = createStore();
    const item = { id: 'b', n: 1 };
    store.put('widget', 'b', item);
    store.put('widget', 'a', { id: 'a' });
    item.n = 2;
    expect(store.list('widget')).toEqual([{ id: 'b', n: 1 }, { id: 'a' }]);
    expect([store.has('widget', 'a'), store.has('order', 'a'), store.get('widget', 'zz')]).toEqual([
      true,
      false,
      undefined,
    ]);
  });

  it('reset forgets every item', () => {
    const store = createStore();
    store.put('widget', 'a', {});
    store.reset();
    expect([store.list('widget'), store.has('widget', 'a')]).toEqual([[], false]);
  });
});
