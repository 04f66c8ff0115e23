// Which cases Postman can send as they are, and the item a case becomes.
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../conformance/engine/catalogue.ts';
import { readingOf } from '../../conformance/engine/reading.ts';
import type { Case } from '../../conformance/engine/case.ts';
import { loadContract } from '../../lib/contract.ts';
import { caseItem, leftOutReason, type LeftOutReason } from './cases.ts';

const cases = buildCatalogue(readingOf(loadContract()), { uniquePrefix: 'unit' }).cases;
const variables = new Set(['token', 'channelKey', 'apiKey', 'apiSecret']);
const plain = cases.find((c) => c.id === 'createPackagingOrder.success.example.seedSample')!;
const changed = (request: Partial<Case['request']>, more: Partial<Case> = {}): Case => ({
  ...plain,
  ...more,
  request: { ...plain.request, ...request },
});

describe('leftOutReason', () => {
  it('keeps a case whose placeholders are all collection variables', () => {
    expect(plain.request.headers['x-access-token']).toBe('{{token}}');
    expect(leftOutReason(plain, variables)).toBeUndefined();
  });

  it.each<[LeftOutReason, Case]>([
    ['generated', cases.find((c) => c.property)!],
    ['prelude', cases.find((c) => c.prelude?.length && !c.property)!],
    ['padded', changed({ padTo: 2048 })],
    ['no-content-type', changed({ headers: { 'x-access-token': '{{token}}' } })],
    ['comment', changed({ body: '{"order_id": "A1" /* why */}' })],
    ['near-miss', changed({ headers: { ...plain.request.headers, 'x-access-token': '{{token|append}}' } })],
    ['linked', changed({ path: '/packaging_order/details?order_id={{$response.body#/data/order_id}}' })],
    ['unknown', changed({ headers: { ...plain.request.headers, 'x-tenant': '{{tenant}}' } })],
  ])('leaves out %s cases', (reason, testCase) => {
    expect(testCase).toBeDefined();
    expect(leftOutReason(testCase, variables)).toBe(reason);
  });

  it('keeps a JSON body with // in a string: Postman leaves valid JSON as it is', () => {
    expect(leftOutReason(changed({ body: '{"order_id":"http://x/y"}' }), variables)).toBeUndefined();
  });
});

describe('caseItem', () => {
  it('is the request as the case holds it, without auth, testing every answer the case allows', () => {
    const item = caseItem(plain, 'baseUrl', [{ status: 409, example: { message: 'exists', errors: [] } }]);
    expect(item.name).toBe(`${plain.id}: ${plain.title}`);
    expect(item.request.auth).toEqual({ type: 'noauth' });
    expect(item.request.body).toEqual({ mode: 'raw', raw: plain.request.body });
    expect(Object.fromEntries(item.request.header.map((h) => [h.key, h.value]))).toEqual(plain.request.headers);
    const [documented] = item.event[0]!.script.exec;
    expect(documented).toBe(
      `const documented = ${JSON.stringify([{ status: plain.expect.status }, { status: 409, members: { message: 'exists' } }])};`,
    );
  });
});
