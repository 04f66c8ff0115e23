import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract, type Contract } from './contract.ts';
import { keyPlace, keysIn, lifecyclesOf } from './lifecycle.ts';
import type { OpenApiDocument } from './openapi.ts';

const kit = loadContract();
const fixture = loadContract(fileURLToPath(new URL('../test/fixtures/kinds.openapi.yaml', import.meta.url)));
const operation = (contract: Contract, id: string) => contract.operations.find((op) => op.operationId === id)!;

describe('lifecyclesOf', () => {
  it('reads the kit’s orders: Open, then Pending release, then In progress', () => {
    const [orders] = lifecyclesOf(kit);
    expect(orders).toMatchObject({ store: 'packaging-order', state: 'status', initial: 'Open' });
    expect(orders!.create.operationId).toBe('createPackagingOrder');
    expect(orders!.states).toEqual(['Open', 'Pending release', 'In progress']);
    expect(orders!.pathTo('In progress')!.map((step) => step.operation.operationId)).toEqual([
      'assignSerials',
      'releasePackagingOrder',
    ]);
    expect(orders!.pathTo('Open')).toEqual([]);
    expect(orders!.pathTo('Suspended')).toBeUndefined();
  });

  it('reads the fixture’s widgets: draft, then active', () => {
    const [widgets] = lifecyclesOf(fixture);
    expect(widgets).toMatchObject({ store: 'widget', initial: 'draft', states: ['draft', 'active'] });
  });

  it('takes the fewest transitions to a state, and none to one nothing reaches', () => {
    const document = structuredClone(kit.document) as OpenApiDocument;
    const release = document.paths!['/packaging_order/{order_id}/release']!;
    if ('$ref' in release || release.patch?.['x-resource']?.action !== 'transition') throw new Error('no release');
    // Release straight from Open as well: In progress is then one step away.
    release.patch['x-resource'].transition.from = ['Pending release', 'Open'];
    const [orders] = lifecyclesOf(contractFrom(document));
    expect(orders!.pathTo('In progress')!.map((step) => step.operation.operationId)).toEqual(['releasePackagingOrder']);
  });

  it('has no lifecycle for a store without transitions', () => {
    const document = structuredClone(kit.document) as OpenApiDocument;
    delete document.paths!['/serials/assign'];
    delete document.paths!['/packaging_order/{order_id}/release'];
    expect(lifecyclesOf(contractFrom(document))).toEqual([]);
  });
});

describe('keyPlace and keysIn', () => {
  const request = (path: string, query = {}) => ({ path, headers: {}, query });

  it('a path parameter names one item', () => {
    const release = operation(kit, 'releasePackagingOrder');
    const place = keyPlace(kit, release)!;
    expect('parameter' in place && place.parameter.in).toBe('path');
    expect(keysIn(place, release, request('/packaging_order/Order%2F1/release'), undefined)).toEqual(['Order/1']);
  });

  it('an array body property names each of its items, and a query parameter its one', () => {
    const assign = operation(kit, 'assignSerials');
    const place = keyPlace(kit, assign)!;
    expect(place).toEqual({ property: 'order_ids', many: true });
    expect(keysIn(place, assign, request('/serials/assign'), { order_ids: ['A', 'B'] })).toEqual(['A', 'B']);
    expect(keysIn(place, assign, request('/serials/assign'), { order_ids: 'A' })).toBeUndefined();
    const read = operation(kit, 'getPackagingOrderDetails');
    expect(keysIn(keyPlace(kit, read)!, read, request('/x', { order_id: 'A' }), undefined)).toEqual(['A']);
  });

  it('a create’s key is its body property; a list has none', () => {
    expect(keyPlace(kit, operation(kit, 'createPackagingOrder'))).toEqual({ property: 'order_id', many: false });
    expect(keyPlace(kit, operation(kit, 'getOpenPackagingOrders'))).toBeUndefined();
  });
});
