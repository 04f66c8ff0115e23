import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import type { TransitionAction } from '../lib/openapi.ts';
import { createStore } from './store.ts';
import { move, namedKeys, planOf } from './transitions.ts';
import type { MockRequest } from './types.ts';

const contract = loadContract();
const assign = contract.operations.find((op) => op.operationId === 'assignSerials')!;
const release = contract.operations.find((op) => op.operationId === 'releasePackagingOrder')!;
const { transition } = assign.resource as TransitionAction;
const request = (path: string): MockRequest => ({ method: 'POST', path, query: {}, headers: {} });

describe('what a transition names and does', () => {
  it('reads the keys from a path parameter (one item) or a body array (several)', () => {
    expect(namedKeys(contract, release, request('/packaging_order/A%201/release'), undefined)).toEqual({
      keys: ['A 1'],
      many: false,
    });
    expect(namedKeys(contract, assign, request('/serials/assign'), { order_ids: ['A', 'B'] })).toEqual({
      keys: ['A', 'B'],
      many: true,
    });
    expect(namedKeys(contract, assign, request('/serials/assign'), { order_ids: [1] })).toBeUndefined();
  });

  it('plans all or nothing: one unknown key is not found, one item in another state refuses them all', () => {
    const store = createStore();
    store.put('packaging-order', 'A', { order_id: 'A', status: 'Open' });
    store.put('packaging-order', 'B', { order_id: 'B', status: 'Pending release' });
    const plan = (...keys: string[]) => planOf(store, 'packaging-order', transition, { keys, many: true });
    expect(plan('A', 'Z')).toEqual({ outcome: 'not-found' });
    expect(plan('A', 'B')).toEqual({
      outcome: 'refused',
      standing: [
        { order_id: 'A', status: 'Open' },
        { order_id: 'B', status: 'Pending release' },
      ],
    });
    expect(store.get('packaging-order', 'A')).toEqual({ order_id: 'A', status: 'Open' });
  });

  it('moves every item named to the new state, and carries one item or the array as the key names them', () => {
    const store = createStore();
    store.put('packaging-order', 'A', { order_id: 'A', status: 'Open' });
    const single = planOf(store, 'packaging-order', transition, { keys: ['A'], many: false });
    expect(single).toMatchObject({ outcome: 'moves', carried: { order_id: 'A', status: 'Pending release' } });
    const plan = planOf(store, 'packaging-order', transition, { keys: ['A'], many: true });
    expect(plan).toMatchObject({ carried: [{ order_id: 'A', status: 'Pending release' }] });
    expect(store.get('packaging-order', 'A')).toEqual({ order_id: 'A', status: 'Open' });
    if (plan.outcome === 'moves') move(store, 'packaging-order', plan);
    expect(store.get('packaging-order', 'A')).toEqual({ order_id: 'A', status: 'Pending release' });
  });
});
