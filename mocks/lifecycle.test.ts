// The lifecycle of the kit's orders through the mock, over real HTTP: assigning serials moves orders from Open to
// Pending release, releasing moves one on to In progress; a refused transition changes nothing and says how the items
// stand; reads and the open list show the stored state. The states come from the document's `x-resource`.
import { describe, expect, it } from 'vitest';
import { answerFor, loadContract, type Operation } from '../lib/contract.ts';
import { atPointer, isObject, type Json } from '../lib/json.ts';
import type { TransitionAction } from '../lib/openapi.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { sender, useMock, type Answer } from './test-kit.ts';

const contract = loadContract();
const validator = schemaValidator(contract.document);
const operation = (id: string) => contract.operations.find((op) => op.operationId === id)!;
const [create, read, list] = ['createPackagingOrder', 'getPackagingOrderDetails', 'getOpenPackagingOrders'].map(
  operation,
) as [Operation, Operation, Operation];
const [assign, release] = [operation('assignSerials'), operation('releasePackagingOrder')];
const { from, to: pending } = (assign.resource as TransitionAction).transition;
const inProgress = (release.resource as TransitionAction).transition.to;
const credentials = { token: 'life-token', channelKey: 'LifeChannel1' };

const mock = useMock({ credentials });
const send = sender(() => mock().url, { 'x-access-token': credentials.token, 'x-channel-key': credentials.channelKey });

const example = create.requestBody!.examples[0]!.value as Record<string, Json>;
const orderOf = (id: string) => ({ ...example, order_id: id });
const created = async (id: string) => atPointer((await send('POST', create.path, orderOf(id))).body, '/data') ?? null;
const details = async (id: string) => send('GET', `${read.path}?order_id=${encodeURIComponent(id)}`);
const openIds = async () =>
  ((atPointer((await send('GET', list.path)).body, '/data') as Json[]) ?? []).map((o) => isObject(o) && o.order_id);
const assigned = (ids: string[]) => send('POST', assign.path, { order_ids: ids });
const released = (id: string) => send('PATCH', release.path.replace('{order_id}', encodeURIComponent(id)));
const withState = (item: Json, state: Json) => ({ ...(item as object), status: state });

/** The answer is the documented one of the operation's status, its schema keeps it, and it carries these items. */
function expectAnswer(answer: Answer, op: Operation, status: string, data: Json | undefined) {
  const response = op.responses.find((r) => r.status === status)!;
  expect([answer.status, atPointer(answer.body, '/data')]).toEqual([Number(status), data]);
  expect(validator.problems(response.schema!, answer.body)).toEqual([]);
}

describe('transitions', () => {
  it('assigning moves each order named: the answer carries them in the order named, reads and the list follow', async () => {
    expect(from).toEqual(['Open']);
    const [a, b, c] = [await created('A'), await created('B'), await created('C')];
    expectAnswer(await assigned(['C', 'A']), assign, '200', [withState(c, pending), withState(a, pending)]);
    expect(atPointer((await details('A')).body, '/data')).toEqual(withState(a, pending));
    expect(atPointer((await details('B')).body, '/data')).toEqual(b);
    expect(await openIds()).toEqual(['B']);
  });

  it('releasing moves one order named in the path on; the answer carries it as it is now', async () => {
    const order = await created('Order 1/2');
    await assigned(['Order 1/2']);
    expectAnswer(await released('Order 1/2'), release, '200', withState(order, inProgress));
    expect(atPointer((await details('Order 1/2')).body, '/data')).toEqual(withState(order, inProgress));
  });

  it('a transition from a state it may not leave is refused, with the order as it stands, and nothing changes', async () => {
    const order = await created('A');
    expectAnswer(await released('A'), release, '409', order);
    expect(atPointer((await details('A')).body, '/data')).toEqual(order);
    await assigned(['A']);
    expectAnswer(await assigned(['A']), assign, '409', [withState(order, pending)]);
    expect(atPointer((await details('A')).body, '/data')).toEqual(withState(order, pending));
  });

  it('is all or nothing: one order not Open, or one unknown, and none moves', async () => {
    const [a, b] = [await created('A'), await created('B')];
    await assigned(['B']);
    expectAnswer(await assigned(['A', 'B']), assign, '409', [a, withState(b, pending)]);
    const notFound = answerFor(contract, 'resource-not-found', assign)!;
    expect(await assigned(['A', 'NOPE'])).toEqual({ status: 404, body: notFound.example.value });
    expect(await released('NOPE')).toEqual({ status: 404, body: notFound.example.value });
    expect(atPointer((await details('A')).body, '/data')).toEqual(a);
    expect(await openIds()).toEqual(['A']);
  });

  it('keeps a long list right as orders move out of it, in any piece of the store', async () => {
    for (let i = 0; i < 2_100; i++) await send('POST', create.path, orderOf(`M${i}`));
    await assigned(['M0', 'M1500', 'M2099']);
    const open = await openIds();
    expect([open.length, open[0], open.includes('M1500'), open.at(-1)]).toEqual([2_097, 'M1', false, 'M2098']);
    await released('M1500');
    expect(atPointer((await details('M1500')).body, '/data/status')).toBe(inProgress);
  });
});
