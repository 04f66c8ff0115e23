import { describe, expect, it } from 'vitest';
import { contractFrom } from '../lib/contract.ts';
import type { ErrorCase } from '../lib/extensions.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { operationContext, uniqueValues, type OperationContext } from './context.ts';

const answer = (errorCase: ErrorCase) => ({
  description: errorCase,
  content: {
    'application/json': { examples: { [errorCase]: { 'x-error-case': errorCase, value: { e: errorCase } } } },
  },
});
const contract = contractFrom({
  openapi: '3.1.0',
  info: { title: 'Context', version: '1' },
  'x-route-errors': { '405': answer('method-not-allowed') },
  paths: {
    '/orders': {
      post: {
        operationId: 'createOrder',
        'x-resource': { name: 'order', action: 'create', key: 'order_id', item: '/data' },
        parameters: [{ name: 'X-Channel', in: 'header', required: true, schema: { type: 'string' }, example: 'web' }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  order_id: { type: 'string', 'x-unique': true },
                  api_key: { type: 'string', 'x-credential': true },
                  note: { type: 'string' },
                },
              },
              examples: { first: { value: { order_id: 'O-1', api_key: 'k-example', note: 'hi' } } },
            },
          },
        },
        responses: { '201': { description: 'Made.' }, '409': answer('resource-exists') },
      },
    },
    '/orders/{order_id}': {
      get: {
        operationId: 'getOrder',
        'x-resource': { name: 'order', action: 'read', key: 'order_id', item: '/data' },
        parameters: [
          { name: 'order_id', in: 'path', required: true, schema: { type: 'string' }, example: 'O-1' },
          { name: 'view', in: 'query', required: true, schema: { type: 'string' }, example: 'full' },
        ],
        responses: { '200': { description: 'Found.' }, '404': answer('resource-not-found') },
      },
      delete: { operationId: 'dropOrder', responses: {} },
    },
  },
});
const validator = schemaValidator(contract.document);
const notes: string[] = [];
const siblings = new Map<string, OperationContext>();
const values = uniqueValues('ctx');
for (const op of contract.operations)
  siblings.set(op.operationId, operationContext(contract, op, validator, values, notes, siblings));
const create = siblings.get('createOrder')!;
const read = siblings.get('getOrder')!;

describe('uniqueValues', () => {
  it('counts up under its prefix, and knows only its own values', () => {
    const own = uniqueValues('run');
    expect([own.next(), own.next()]).toEqual(['run-1', 'run-2']);
    expect([own.isOfThisRun('run-9'), own.isOfThisRun('running-1'), own.isOfThisRun(7)]).toEqual([true, false, false]);
  });
});

describe('operationContext', () => {
  it('gives the first example with x-unique fields new and x-credential fields as placeholders', () => {
    const [a, b] = [create.body(), create.body()] as Record<string, string>[];
    expect(a).toMatchObject({ api_key: '{{apiKey}}', note: 'hi' });
    expect(a!.order_id).toMatch(/^ctx-\d+$/);
    expect(b!.order_id).not.toBe(a!.order_id);
    expect(read.body()).toBeUndefined();
    const given = { order_id: 'mine', note: 'kept' };
    expect(create.fresh(given)).not.toHaveProperty('order_id', 'mine');
    expect(given.order_id).toBe('mine'); // the caller's object is left alone
    expect(create.fresh([1, 2])).toEqual([1, 2]);
  });

  it('builds the documented request and changes one part of it at a time', () => {
    expect(read.request()).toEqual({ method: 'GET', path: '/orders/O-1?view=full', headers: {} });
    const changed = read.request({ pathValues: { order_id: 'O 2' }, query: { view: undefined, extra: 'x' } });
    expect(changed.path).toBe('/orders/O%202?extra=x');
    const posted = create.request({ headers: { 'X-CHANNEL': undefined, Accept: 'text/plain' }, rawBody: '{oops' });
    expect(posted.headers).toEqual({ 'content-type': 'application/json', accept: 'text/plain' });
    expect(posted.body).toBe('{oops');
    expect(create.request({ method: 'PUT', path: '/elsewhere', padTo: 99 })).toMatchObject({
      method: 'PUT',
      path: '/elsewhere',
      padTo: 99,
    });
  });

  it('finds the documented answer to an error case, the operation’s own before a route error', () => {
    expect(create.expectError('resource-exists', { fields: ['x'] })).toMatchObject({
      status: 409,
      errorCase: 'resource-exists',
      example: { e: 'resource-exists' },
      fields: ['x'],
    });
    expect(create.expectError('method-not-allowed')?.status).toBe(405);
    expect(create.expectError('body-too-large')).toBeUndefined();
  });

  it('expects a create of a key of this run to succeed, and any other key to succeed or already exist', () => {
    const fresh = create.body() as Record<string, string>;
    expect(create.expectAccepted(fresh)).toEqual({ status: 201, echoOf: fresh });
    const old = create.expectAccepted({ order_id: 'from-an-earlier-run' });
    expect(old.status).toBe(201);
    expect(old.orElse?.map((e) => e.errorCase)).toEqual(['resource-exists']);
  });

  it('expects a read to find nothing, or else the item', () => {
    const expected = read.expectAccepted();
    expect([expected.status, expected.errorCase, expected.orElse?.[0]?.status]).toEqual([
      404,
      'resource-not-found',
      200,
    ]);
  });

  it('refuses to expect success of an operation that documents none', () => {
    expect(() => siblings.get('dropOrder')!.expectAccepted()).toThrow('dropOrder documents no success response');
  });

  it('makes cases with ids under the operation, notes under its name, and knows its siblings', () => {
    const made = read.make('routing', 'routing.x', 'a title', '#/paths', read.request(), { status: 404 });
    expect(made).toEqual({
      id: 'getOrder.routing.x',
      family: 'routing',
      title: 'a title',
      rule: '#/paths',
      operationId: 'getOrder',
      request: read.request(),
      expect: { status: 404 },
    });
    const step = { operationId: 'createOrder', request: create.request(), expect: { status: 201 } };
    expect(read.make('stateful', 's', 't', '#', read.request(), { status: 200 }, [step]).prelude).toEqual([step]);
    read.note('a probe left out');
    expect(notes.at(-1)).toBe('getOrder: a probe left out');
    expect(read.sibling('createOrder')).toBe(create);
    expect(read.sibling('nothing')).toBeUndefined();
  });
});
