import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContract, type Contract } from '../../lib/contract.ts';
import { lifecyclesOf } from '../../lib/lifecycle.ts';
import { contextsOf } from '../fixtures/test-kit.ts';
import { as, namesSeveral, storeSteps } from './store-steps.ts';

const kit = loadContract();
const fixture = loadContract(fileURLToPath(new URL('../../test/fixtures/kinds.openapi.yaml', import.meta.url)));

function stepsOf(contract: Contract) {
  const [lifecycle] = lifecyclesOf(contract);
  const contexts = contextsOf(contract);
  return { lifecycle: lifecycle!, steps: storeSteps(contexts.get(lifecycle!.create.operationId)!, lifecycle)! };
}

describe('storeSteps of the kit’s orders', () => {
  const { lifecycle, steps } = stepsOf(kit);
  const [assign, release] = lifecycle.transitions;

  it('creates under a key of the case’s own, expecting exactly the echo of what it sent', () => {
    const key = steps.newKey();
    const create = steps.createStep(key);
    expect(JSON.parse(create.request.body!)).toMatchObject({ order_id: key });
    expect(create.expect).toMatchObject({ status: 200 });
    expect(create.expect.orElse).toBeUndefined();
    expect(steps.itemOf(steps.bodyFor(key))).toMatchObject({ order_id: key, status: 'Open' });
  });

  it('moves several items by the body’s array, and answers with the array as it is after', () => {
    expect(namesSeveral(steps.create, assign!)).toBe(true);
    const items = [steps.itemOf(steps.bodyFor('A')), steps.itemOf(steps.bodyFor('B'))];
    const step = steps.transitionStep(assign!, ['A', 'B'], items);
    expect(JSON.parse(step.request.body!)).toEqual({ order_ids: ['A', 'B'] });
    expect(step.expect.holds).toEqual({
      pointer: '/data',
      value: items.map((item) => ({ ...item, status: 'Pending release' })),
    });
  });

  it('moves one item by the path, and expects a refusal with the item as it stands, or not found', () => {
    expect(namesSeveral(steps.create, release!)).toBe(false);
    const item = steps.itemOf(steps.bodyFor('Order 1/2'));
    const moved = steps.transitionStep(release!, ['Order 1/2'], [item]);
    expect(moved.request.path).toBe('/packaging_order/Order%201%2F2/release');
    expect(moved.expect.holds).toEqual({ pointer: '/data', value: { ...item, status: 'In progress' } });
    const refused = steps.transitionStep(release!, ['Order 1/2'], [item], { outcome: 'refused' });
    expect(refused.expect).toMatchObject({ status: 409, errorCase: 'transition-refused', holds: { value: item } });
    const unknown = steps.transitionStep(release!, ['Nobody'], [], { outcome: 'not-found' });
    expect(unknown.expect).toMatchObject({ status: 404, errorCase: 'resource-not-found' });
  });

  it('reaches a state by the fewest transitions, each step expecting the item as it is then', () => {
    const reached = steps.reach('In progress');
    expect(reached.prelude.map((step) => step.operationId)).toEqual([
      'createPackagingOrder',
      'assignSerials',
      'releasePackagingOrder',
    ]);
    expect(reached.item.status).toBe('In progress');
  });

  it('reads an item, or expects it not found; lists what must be there and what must not', () => {
    const item = steps.itemOf(steps.bodyFor('K'));
    expect(steps.readStep('K', item)!.expect.holds).toEqual({ pointer: '/data', value: item });
    expect(steps.readStep('K', undefined)!.expect.status).toBe(404);
    expect(steps.listStep([item], ['Gone'])!.expect.lists).toEqual({
      pointer: '/data',
      key: 'order_id',
      present: [item],
      absent: ['Gone'],
    });
  });

  it('sends as the second tenant with its own credentials, in every place the first tenant’s stand', () => {
    const request = as('second', steps.create, steps.createStep('K').request);
    expect(JSON.stringify(request)).not.toMatch(/\{\{(token|channelKey)\}\}/);
    expect(request.headers).toMatchObject({
      'x-access-token': '{{secondToken}}',
      'x-channel-key': '{{secondChannelKey}}',
    });
  });
});

describe('storeSteps of the fixture’s widgets', () => {
  const { lifecycle, steps } = stepsOf(fixture);

  it('holds a bounded list only to what it must not show: it may leave any item out', () => {
    const item = steps.itemOf(steps.bodyFor('W1'));
    expect(steps.listStep([item], [])).toBeUndefined();
    expect(steps.listStep([item], ['W2'])!.expect.lists).toMatchObject({ present: [], absent: ['W2'] });
  });

  it('expects the id from the path repeated in an answer without the item', () => {
    const moved = steps.transitionStep(lifecycle.transitions[0]!, ['W-7'], [steps.itemOf(steps.bodyFor('W-7'))]);
    expect(moved.expect.holds).toBeUndefined();
    expect(moved.expect.echoesParameters).toEqual([{ path: ['data', 'id'], value: 'W-7' }]);
  });
});
