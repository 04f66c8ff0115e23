import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { createTenants, secondTenantDefaults } from './tenants.ts';
import type { MockRequest } from './types.ts';

const contract = loadContract();
const operation = (id: string) => contract.operations.find((op) => op.operationId === id)!;
const first = { token: 'one-token', channelKey: 'OneChannel', apiKey: 'one-key', apiSecret: 'one-secret' };
const second = { token: 'two-token', channelKey: 'TwoChannel', apiKey: 'two-key', apiSecret: 'two-secret' };
const request = (headers: Record<string, string>, body?: object): MockRequest => ({
  method: 'GET',
  path: '/packaging_order/open',
  query: {},
  headers,
  ...(body ? { body: Buffer.from(JSON.stringify(body)) } : {}),
});
const list = operation('getOpenPackagingOrders');
const login = operation('authenticate');

describe("the mock's tenants", () => {
  it('a request acts for the tenant its token names: its own, or one issued to it', () => {
    const tenants = createTenants({ credentials: first, secondTenant: second, views: [] });
    const [one, two] = tenants.all;
    const issued = two!.tokens.issue();
    const of = (token: string) => tenants.of(list, request({ 'x-access-token': token }), () => undefined).name;
    expect([of('one-token'), of('two-token'), of(issued)]).toEqual(['first', 'second', 'second']);
    expect([tenants.knows(issued), one!.tokens.knows(issued), tenants.knows('nobody')]).toEqual([true, false, false]);
  });

  it('a request without a token acts for the tenant whose API key it sends, else the first', () => {
    const tenants = createTenants({ credentials: first, secondTenant: second, views: [] });
    const of = (body: object) => tenants.of(login, request({}), () => body as never).name;
    expect([of({ api_key: 'two-key', api_secret: 'x' }), of({ api_key: 'other' }), of({})]).toEqual([
      'second',
      'first',
      'first',
    ]);
  });

  it('each tenant has its own store, and a reset empties every one', () => {
    const tenants = createTenants({ credentials: first, secondTenant: second, views: [] });
    const [one, two] = tenants.all;
    one!.store.put('order', 'A', { n: 1 });
    two!.store.put('order', 'A', { n: 2 });
    expect([one!.store.get('order', 'A'), two!.store.get('order', 'A')]).toEqual([{ n: 1 }, { n: 2 }]);
    const issued = two!.tokens.issue();
    tenants.reset();
    expect([one!.store.has('order', 'A'), two!.store.has('order', 'A'), tenants.knows(issued)]).toEqual([
      false,
      false,
      false,
    ]);
    expect(tenants.knows('two-token')).toBe(true);
  });

  it('refuses a second tenant that shares a value with the first, naming it', () => {
    expect(() =>
      createTenants({ credentials: first, secondTenant: { ...second, channelKey: 'OneChannel' }, views: [] }),
    ).toThrow(/second tenant's channelKey must differ from the first tenant's/);
  });

  it("gives a second tenant a value of its own for each credential it is not given, derived from the first's", () => {
    expect(secondTenantDefaults({ token: 'mock-token', channelKey: 'Ky1Spf' })).toEqual({
      token: 'second-mock-token',
      channelKey: 'SecondKy1Spf',
    });
    const tenants = createTenants({ credentials: first, secondTenant: { token: 'two-token' }, views: [] });
    expect(tenants.all[1]!.secrets).toEqual({ ...secondTenantDefaults(first), token: 'two-token' });
    expect(createTenants({ credentials: first, views: [] }).all.map((t) => t.name)).toEqual(['first']);
  });
});
