import { describe, expect, it } from 'vitest';
import { createStore } from './store.ts';

describe('what the mock remembers', () => {
  it('keeps items by resource and key, in the order they were made, copied when stored', () => {
    const store = createStore(['static']);
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

  it('reset forgets items and issued tokens, not the static token', () => {
    const store = createStore(['static']);
    store.put('widget', 'a', {});
    store.tokens.add('issued');
    store.reset();
    expect([store.list('widget'), [...store.tokens]]).toEqual([[], ['static']]);
  });
});
