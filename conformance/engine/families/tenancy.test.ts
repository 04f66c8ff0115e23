import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../lib/contract.ts';
import { contextsOf } from '../../fixtures/test-kit.ts';
import { tenancyCases } from './tenancy.ts';

const kit = loadContract();

describe('tenancyCases', () => {
  const cases = tenancyCases(contextsOf(kit).get('createPackagingOrder')!);
  const byPart = new Map(cases.map((c) => [c.id.split('.tenancy.')[1], c]));

  it('reads, lists, moves and creates as the second tenant after the first tenant created', () => {
    expect([...byPart.keys()]).toEqual(['read', 'read-own', 'list', 'transition', 'create']);
    for (const c of cases) expect(c.prelude![0]!.request.headers['x-access-token'], c.id).toBe('{{token}}');
    for (const part of ['read', 'list', 'transition', 'create'])
      expect(byPart.get(part)!.request.headers['x-access-token'], part).toBe('{{secondToken}}');
  });

  it('expects the second tenant to find nothing of the first’s, and to make its own item under the same key', () => {
    expect(byPart.get('read')!.expect.status).toBe(404);
    expect(byPart.get('transition')!.expect.status).toBe(404);
    expect(byPart.get('create')!.expect.status).toBe(200);
    expect(byPart.get('list')!.expect.lists).toMatchObject({ present: [], absent: [expect.any(String)] });
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
