import { describe, expect, it } from 'vitest';
import { contractFrom, type Contract } from '../../../lib/contract.ts';
import type { OpenApiDocument, PathItemObject, SecuritySchemeObject } from '../../../lib/openapi.ts';
import type { Case } from '../case.ts';
import { statefulCases } from './stateful.ts';
import { answers, apiKey, contextsOf, createOrder, documentOf, getOrder, securedBy } from '../../fixtures/test-kit.ts';

const documentWith = (key: SecuritySchemeObject): OpenApiDocument =>
  documentOf(
    {
      '/orders': {
        get: {
          operationId: 'listOrders',
          'x-resource': { name: 'order', action: 'list', item: '/data' },
          responses: { '200': { description: 'Orders.' } },
        },
        post: createOrder({
          responses: {
            '201': {
              description: 'Made.',
              links: {
                GetOrder: { operationId: 'getOrder', parameters: { order_id: '$response.body#/data/order_id' } },
                ListOrders: { operationId: 'listOrders' },
                Elsewhere: { operationId: 'notInTheDocument' },
                WrongParameter: { operationId: 'getOrder', parameters: { id: '$response.body#/data/order_id' } },
              },
            },
            '409': answers('resource-exists'),
          },
        }),
      },
      '/orders/{order_id}': {
        get: getOrder({ responses: { '200': { description: 'The order.' }, '404': answers('resource-not-found') } }),
      },
      '/login': {
        post: {
          operationId: 'logIn',
          security: [],
          'x-issues-token': '/token',
          responses: { '200': { description: 'In.' } },
        },
      },
    },
    securedBy({ key }),
  );
const document = documentWith(apiKey());

/** Every operation's stateful cases, the contexts siblings of each other as conformance/catalogue.ts builds them. */
function catalogueOf(contract: Contract) {
  const notes: string[] = [];
  return { cases: [...contextsOf(contract, notes).values()].flatMap(statefulCases), notes };
}
const { cases, notes } = catalogueOf(contractFrom(document));
const byId = (id: string): Case => cases.find((c) => c.id === id)!;
const orderIdOf = (c: { request: { body?: string } }) => JSON.parse(c.request.body!).order_id as string;

describe('statefulCases', () => {
  it('sends a create twice with the same key, the second expecting resource-exists', () => {
    const twice = byId('createOrder.stateful.create-twice');
    expect(twice.prelude).toHaveLength(1);
    expect(twice.request).toEqual(twice.prelude![0]!.request);
    expect(twice.prelude![0]!.expect).toEqual({ status: 201, echoOf: { order_id: orderIdOf(twice) } });
    expect(twice.expect).toMatchObject({ status: 409, errorCase: 'resource-exists' });
    expect(twice.rule).toBe('#/paths/~1orders/post/x-resource');
  });

  it('follows a link to a read, filling its parameter from the create’s answer, expecting the same item', () => {
    const read = byId('getOrder.stateful.createOrder.GetOrder');
    expect(read.operationId).toBe('getOrder');
    expect(read.request.path).toBe('/orders/{{$response.body#/data/order_id}}');
    expect(read.expect).toEqual({ status: 200, sameAs: { pointer: '/data', earlier: '/data' } });
    expect(read.rule).toBe('#/paths/~1orders/post/responses/201/links/GetOrder');
    // Two creates of different items: the read must return the one its key names, not just any.
    const keys = read.prelude!.map((step) => orderIdOf(step));
    expect(new Set(keys).size).toBe(2);
  });

  it('follows a link to a list, expecting both created items in it, in order', () => {
    const list = byId('listOrders.stateful.createOrder.ListOrders');
    expect(list.request).toMatchObject({ method: 'GET', path: '/orders' });
    expect(list.expect).toEqual({ status: 200, includes: { pointer: '/data', earlier: '/data' } });
    expect(list.prelude!.map((step) => step.operationId)).toEqual(['createOrder', 'createOrder']);
  });

  it('notes a link to an operation the document lacks, and drops one naming a parameter the target lacks', () => {
    expect(notes).toEqual(['createOrder: link Elsewhere names notInTheDocument, which the document does not have']);
    expect(cases.some((c) => /Elsewhere|WrongParameter/.test(c.id))).toBe(false);
  });

  it('reads a key that no request of this run made, expecting resource-not-found', () => {
    const unknown = byId('getOrder.stateful.unknown-key');
    expect(unknown.request.path).toMatch(/^\/orders\/test-\d+$/);
    expect(unknown.expect).toMatchObject({ status: 404, errorCase: 'resource-not-found' });
    expect(unknown.prelude).toBeUndefined();
  });

  it('presents the token an operation issues to the first secured operation, taken from the issuer’s answer', () => {
    const issued = byId('listOrders.stateful.issued-token.logIn');
    expect(issued.request.headers).toEqual({ 'x-key': '{{$response.body#/token}}' });
    expect(issued.prelude).toEqual([
      { operationId: 'logIn', request: { method: 'POST', path: '/login', headers: {} }, expect: { status: 200 } },
    ]);
    expect([issued.rule, issued.expect.status]).toEqual(['#/paths/~1login/post/x-issues-token', 200]);
  });

  it('presents an issued token where the scheme carries it, the documented one taken out', () => {
    const inQuery = catalogueOf(contractFrom(documentWith(apiKey('query'))));
    const issued = inQuery.cases.find((c) => c.id === 'listOrders.stateful.issued-token.logIn')!;
    expect(issued.request.path).toBe('/orders?api_key={{$response.body#/token}}');
  });

  it('makes exactly these cases, and none for a document without x-resource, links or x-issues-token', () => {
    expect(cases.map((c) => c.id).sort()).toEqual([
      'createOrder.stateful.create-twice',
      'getOrder.stateful.createOrder.GetOrder',
      'getOrder.stateful.unknown-key',
      'listOrders.stateful.createOrder.ListOrders',
      'listOrders.stateful.issued-token.logIn',
    ]);
    const plain = structuredClone(document);
    for (const item of Object.values(plain.paths!) as PathItemObject[])
      for (const op of [item.get, item.post]) {
        if (op) delete op['x-resource'];
        if (op) delete op['x-issues-token'];
      }
    expect(catalogueOf(contractFrom(plain)).cases).toEqual([]);
  });
});
