import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../lib/contract.ts';
import { contextsOf } from '../../fixtures/test-kit.ts';
import { tenancyCases } from './tenancy.ts';

const kit = loadContract();

describe('tenancyCases', () => {
  const cases = tenancyCases(contextsOf(kit).get('createPackagingOrder')!);
  const byPart = new Map(cases.map((c) => [c.id.split('.tenancy.')[1], c]));

  it('reads, lists, moves and creates as the second tenant after the first tenant created', () => {
    expect([...byPart.keys()]).toEqual([
      'read',
      'read-own',
      'list',
      'assignSerials',
      'assignSerials.then-read',
      'releasePackagingOrder',
      'releasePackagingOrder.then-read',
      'create',
    ]);
    for (const c of cases) expect(c.prelude![0]!.request.headers['x-access-token'], c.id).toBe('{{token}}');
    for (const part of ['read', 'list', 'assignSerials', 'releasePackagingOrder', 'create'])
      expect(byPart.get(part)!.request.headers['x-access-token'], part).toBe('{{secondToken}}');
  });

  it('expects the second tenant to find nothing of the first’s, and to make its own item under the same key', () => {
    expect(byPart.get('read')!.expect.status).toBe(404);
    for (const transition of ['assignSerials', 'releasePackagingOrder'])
      expect(byPart.get(transition)!.expect.status, transition).toBe(404);
    expect(byPart.get('create')!.expect.status).toBe(200);
    expect(byPart.get('list')!.expect.lists).toMatchObject({ present: [], absent: [expect.any(String)] });
  });

  it("moves the first tenant's item to a state each transition may leave, and reads it unmoved after the attempt", () => {
    const release = byPart.get('releasePackagingOrder')!;
    // Created, then assigned by the first tenant: Pending release, which release leaves.
    expect(release.prelude!.map((step) => step.request.headers['x-access-token'])).toEqual(['{{token}}', '{{token}}']);
    const after = byPart.get('releasePackagingOrder.then-read')!;
    expect(after.prelude!.at(-1)!.request.headers['x-access-token']).toBe('{{secondToken}}');
    expect(after.request.headers['x-access-token']).toBe('{{token}}');
    expect(after.expect.holds!.value).toMatchObject({ status: 'Pending release' });
  });

  it('has each tenant make one key from other examples, and the first read back its own', () => {
    const own = byPart.get('read-own')!;
    const [mine, theirs] = own.prelude!.map((step) => JSON.parse(step.request.body!));
    expect(mine.order_id).toBe(theirs.order_id);
    expect(mine).not.toEqual(theirs);
    expect(own.request.headers['x-access-token']).toBe('{{token}}');
    expect(own.expect.holds!.value).toMatchObject({ order_id: mine.order_id, quantity: mine.quantity });
  });
});
