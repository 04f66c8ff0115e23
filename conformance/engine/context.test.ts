import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../lib/contract.ts';
import { present } from '../../lib/security.ts';
import { parameterChange, tokenOnly, uniqueValues } from './context.ts';
import {
  answers,
  apiKey,
  contextOf,
  contextsOf,
  createOrder,
  documentOf,
  getOrder,
  jsonBody,
  securedBy,
} from '../fixtures/test-kit.ts';

const contract = contractFrom(
  documentOf(
    {
      '/orders': {
        post: createOrder({
          parameters: [{ name: 'X-Channel', in: 'header', required: true, schema: { type: 'string' }, example: 'web' }],
          requestBody: jsonBody(
            {
              type: 'object',
              properties: {
                order_id: { type: 'string', 'x-unique': true },
                api_key: { type: 'string', 'x-credential': true },
                note: { type: 'string' },
              },
            },
            { first: { order_id: 'O-1', api_key: 'k-example', note: 'hi' } },
          ),
          responses: { '201': { description: 'Made.' }, '409': answers('resource-exists') },
        }),
      },
      '/orders/{order_id}': {
        get: getOrder({
          parameters: [
            { name: 'order_id', in: 'path', required: true, schema: { type: 'string' }, example: 'O-1' },
            { name: 'view', in: 'query', required: true, schema: { type: 'string' }, example: 'full' },
          ],
          responses: { '200': { description: 'Found.' }, '404': answers('resource-not-found') },
        }),
        delete: { operationId: 'dropOrder', responses: {} },
      },
    },
    { 'x-route-errors': { '405': answers('method-not-allowed') } },
  ),
);
const notes: string[] = [];
const siblings = contextsOf(contract, notes);
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
    expect(a!.order_id).toMatch(/^test-\d+$/);
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
    const made = read.make({
      family: 'routing',
      part: 'routing.x',
      title: 'a title',
      rule: '#/paths',
      request: read.request(),
      expect: { status: 404 },
    });
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
    expect(
      read.make({
        family: 'stateful',
        part: 's',
        title: 't',
        rule: '#',
        request: read.request(),
        expect: { status: 200 },
        prelude: [step],
      }).prelude,
    ).toEqual([step]);
    read.note('a probe left out');
    expect(notes.at(-1)).toBe('getOrder: a probe left out');
    expect(read.sibling('createOrder')).toBe(create);
    expect(read.sibling('nothing')).toBeUndefined();
  });
});

describe('changes of a parameter, a cookie or the token', () => {
  // A token in a cookie or the query, and a cookie parameter beside it.
  const secured = contextOf(
    contractFrom(
      documentOf(
        {
          '/things/{id}': {
            get: {
              operationId: 'getThing',
              parameters: [
                { name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'T-1' },
                { name: 'theme', in: 'cookie', schema: { type: 'string' } },
              ],
              responses: { '200': { description: 'Found.' } },
            },
          },
        },
        securedBy({ session: { type: 'apiKey', in: 'cookie', name: 'sid' }, key: apiKey('query') }),
      ),
    ),
  );
  const [id, theme] = secured.operation.parameters;
  const [session, key] = secured.operation.security.flat();

  it('sends a parameter where it stands, the other cookies kept', () => {
    expect(secured.request()).toEqual({ method: 'GET', path: '/things/T-1', headers: { cookie: 'sid={{token}}' } });
    expect(secured.request(parameterChange(id!, 'a b')).path).toBe('/things/a%20b');
    expect(parameterChange(id!, undefined)).toEqual({});
    expect(secured.request(parameterChange(theme!, 'dark')).headers.cookie).toBe('sid={{token}}; theme=dark');
    expect(secured.request({ cookies: { sid: undefined } }).headers).toEqual({});
  });

  it('presents the token only as given, taken out of every place a scheme carries it', () => {
    expect(secured.request(tokenOnly(secured.operation))).toEqual({ method: 'GET', path: '/things/T-1', headers: {} });
    expect(secured.request(tokenOnly(secured.operation, present(key!, 'wrong'))).path).toBe(
      '/things/T-1?api_key=wrong',
    );
    const both = secured.request(tokenOnly(secured.operation, present(session!, 'one'), present(key!, 'two')));
    expect([both.path, both.headers.cookie]).toEqual(['/things/T-1?api_key=two', 'sid=one']);
  });
});
