import { describe, expect, it } from 'vitest';
import { contractFrom, type Contract } from '../../lib/contract.ts';
import type { ErrorCase } from '../../lib/extensions.ts';
import type { OpenApiDocument, PathItemObject } from '../../lib/openapi.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import type { Case } from '../case.ts';
import { operationContext, uniqueValues, type OperationContext } from '../context.ts';
import { statefulCases } from './stateful.ts';

const answer = (errorCase: ErrorCase) => ({
  description: errorCase,
  content: {
    'application/json': { examples: { [errorCase]: { 'x-error-case': errorCase, value: { e: errorCase } } } },
  },
});
const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Stateful', version: '1' },
  security: [{ key: [] }],
  components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
  paths: {
    '/orders': {
      get: {
        operationId: 'listOrders',
        'x-resource': { name: 'order', action: 'list', item: '/data' },
        responses: { '200': { description: 'Orders.' } },
      },
      post: {
        operationId: 'createOrder',
        'x-resource': { name: 'order', action: 'create', key: 'order_id', item: '/data' },
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', properties: { order_id: { type: 'string', 'x-unique': true } } },
              examples: { a: { value: { order_id: 'O-1' } } },
            },
          },
        },
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
          '409': answer('resource-exists'),
        },
      },
    },
    '/orders/{order_id}': {
      get: {
        operationId: 'getOrder',
        'x-resource': { name: 'order', action: 'read', key: 'order_id', item: '/data' },
        parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'string' }, example: 'O-1' }],
        responses: { '200': { description: 'The order.' }, '404': answer('resource-not-found') },
      },
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
};

/** Every operation's context, siblings of each other, as conformance/catalogue.ts builds them. */
function catalogueOf(contract: Contract) {
  const validator = schemaValidator(contract.document);
  const values = uniqueValues('stateful-test');
  const notes: string[] = [];
  const contexts = new Map<string, OperationContext>();
  for (const op of contract.operations)
    contexts.set(op.operationId, operationContext(contract, op, validator, values, notes, contexts));
  return { cases: [...contexts.values()].flatMap(statefulCases), notes };
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
    expect(unknown.request.path).toMatch(/^\/orders\/stateful-test-\d+$/);
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
