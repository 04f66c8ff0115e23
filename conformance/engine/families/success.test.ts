import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract, type Contract } from '../../../lib/contract.ts';
import { successCases } from './success.ts';
import { contextOf, documentOf } from '../../fixtures/test-kit.ts';

const contract = contractFrom(
  documentOf(
    {
      '/orders': {
        post: {
          operationId: 'createOrder',
          requestBody: {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { order_id: { type: 'string', 'x-unique': true } } },
                examples: {
                  small: { value: { order_id: 'O-1', size: 'small' } },
                  big: { $ref: '#/components/examples/Big' },
                },
              },
            },
          },
          responses: { '201': { description: 'Made.' } },
        },
        get: {
          operationId: 'listOrders',
          parameters: [
            { name: 'status', in: 'query', required: true, schema: { type: 'string' }, example: 'open' },
            { name: 'limit', in: 'query', schema: { type: 'integer', examples: [10] } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'key', in: 'query', 'x-credential': true, schema: { type: 'string' }, example: 'k' },
          ],
          responses: { '200': { description: 'Orders.' } },
        },
      },
    },
    { components: { examples: { Big: { value: { order_id: 'O-2', size: 'big' } } } } },
  ),
);

/** The cases of one operation, from the context the catalogue gives it (conformance/catalogue.ts). */
const casesOf = (from: Contract, operationId: string) => successCases(contextOf(from, operationId));

describe('successCases', () => {
  it('sends each named request example, with new x-unique values, pointing at where the example is written', () => {
    const [small, big] = casesOf(contract, 'createOrder');
    expect([small?.id, big?.id]).toEqual(['createOrder.success.example.small', 'createOrder.success.example.big']);
    expect([small!.rule, big!.rule]).toEqual([
      '#/paths/~1orders/post/requestBody/content/application~1json/examples/small',
      '#/components/examples/Big',
    ]);
    const sent = [small!, big!].map((c) => JSON.parse(c.request.body!));
    expect(sent.map((b) => b.size)).toEqual(['small', 'big']);
    for (const body of sent) expect(body.order_id).toMatch(/^test-\d+$/);
    expect(big!.expect).toEqual({ status: 201, echoOf: sent[1] });
  });

  it('sends an operation without examples as documented, and each optional query parameter with an example', () => {
    const cases = casesOf(contract, 'listOrders');
    expect(cases.map((c) => [c.id, c.request.path, c.expect.status])).toEqual([
      ['listOrders.success.documented', '/orders?status=open', 200],
      ['listOrders.success.query.limit', '/orders?status=open&limit=10', 200],
    ]);
    expect(cases.map((c) => c.rule)).toEqual(['#/paths/~1orders/get', '#/paths/~1orders/get/parameters/1']);
    expect(cases[1]!.title).toBe('optional query parameter limit sent');
  });

  it('covers every operation of the kit’s document, each case expecting its documented success status', () => {
    const real = loadContract();
    for (const operation of real.operations) {
      const cases = casesOf(real, operation.operationId);
      expect(cases.length, operation.operationId).toBeGreaterThan(0);
      for (const c of cases) {
        expect(c.family).toBe('success');
        expect([c.expect.status, c.expect.orElse?.[0]?.status], c.id).toContain(Number(operation.success!.status));
      }
    }
  });
});
