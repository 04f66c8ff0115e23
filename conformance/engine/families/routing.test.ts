import { describe, expect, it } from 'vitest';
import { contractFrom, type Contract } from '../../../lib/contract.ts';
import type { ErrorCase } from '../../../lib/extensions.ts';
import { valueAtPointer } from '../../../lib/json.ts';
import type { OpenApiDocument, OperationObject } from '../../../lib/openapi.ts';
import { contextOf } from '../../fixtures/test-kit.ts';
import { routingCases } from './routing.ts';

const routeError = (errorCase: ErrorCase) => ({
  description: errorCase,
  content: {
    'application/json': { examples: { [errorCase]: { 'x-error-case': errorCase, value: { e: errorCase } } } },
  },
});
const operation = (operationId: string, extra: Partial<OperationObject> = {}): OperationObject => ({
  operationId,
  responses: { '200': { description: 'OK.' } },
  ...extra,
});
const document = (routeErrors: OpenApiDocument['x-route-errors']): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'Routes', version: '1' },
  'x-route-errors': routeErrors,
  paths: {
    '/things': {
      get: operation('listThings', {
        parameters: [{ name: 'colour', in: 'query', required: true, schema: { type: 'string' }, example: 'red' }],
      }),
      post: operation('makeThing', {
        requestBody: { content: { 'application/json': { schema: {}, examples: { a: { value: { n: 1 } } } } } },
      }),
    },
    '/ping': { head: operation('ping') },
    '/all': {
      get: operation('getAll'),
      put: operation('putAll'),
      post: operation('postAll'),
      delete: operation('deleteAll'),
      patch: operation('patchAll'),
    },
  },
});
const both = { '404': routeError('route-not-found'), '405': routeError('method-not-allowed') };

/** The cases of one operation, from the context the catalogue gives it (conformance/catalogue.ts). */
const casesOf = (contract: Contract, operationId: string) => routingCases(contextOf(contract, operationId));

describe('routingCases', () => {
  const contract = contractFrom(document(both));

  it('asks for a path the document does not have, without the query, expecting route-not-found', () => {
    const [unknown] = casesOf(contract, 'listThings');
    expect(unknown!.id).toBe('listThings.routing.unknown-path');
    expect(unknown!.request).toMatchObject({ method: 'GET', path: '/no_such_resource/things' });
    expect(unknown!.expect).toMatchObject({ status: 404, errorCase: 'route-not-found' });
    expect(unknown!.rule).toBe('#/x-route-errors/404');
  });

  it('asks with the first method the path lacks, with no body, expecting 405 naming the path’s methods', () => {
    const method = casesOf(contract, 'makeThing').find((c) => c.id.includes('.routing.method-'))!;
    expect(method.id).toBe('makeThing.routing.method-put');
    expect(method.request.method).toBe('PUT');
    expect(method.request.path).toBe('/things');
    expect(method.request.body).toBeUndefined();
    expect(method.expect).toMatchObject({ status: 405, errorCase: 'method-not-allowed', allow: ['GET', 'POST'] });
    expect(method.rule).toBe('#/x-route-errors/405');
  });

  it('does not take GET for a method a path lacks when the path answers HEAD', () => {
    const method = casesOf(contract, 'ping').find((c) => c.id.includes('.routing.method-'))!;
    expect([method.request.method, method.expect.allow]).toEqual(['PUT', ['HEAD']]);
  });

  it('makes no 405 case for a path that has every method it would try', () => {
    expect(casesOf(contract, 'getAll').map((c) => c.id)).toEqual(['getAll.routing.unknown-path']);
  });

  it('expects and points at the statuses the document files its route errors under', () => {
    const elsewhere = contractFrom(
      document({ '410': routeError('route-not-found'), '404': routeError('method-not-allowed') }),
    );
    const cases = casesOf(elsewhere, 'listThings');
    expect(cases.map((c) => [c.id, c.expect.status, c.rule])).toEqual([
      ['listThings.routing.unknown-path', 410, '#/x-route-errors/410'],
      ['listThings.routing.method-put', 404, '#/x-route-errors/404'],
    ]);
    for (const c of cases) expect(() => valueAtPointer(elsewhere.document, c.rule)).not.toThrow();
  });

  it('makes only the cases whose answers the document gives', () => {
    const withoutRouteErrors = contractFrom(document(undefined));
    expect(casesOf(withoutRouteErrors, 'listThings')).toEqual([]);
    const only405 = contractFrom(document({ '405': routeError('method-not-allowed') }));
    expect(casesOf(only405, 'listThings').map((c) => c.id)).toEqual(['listThings.routing.method-put']);
  });
});
