import { describe, expect, it } from 'vitest';
import type { Case } from './case.ts';
import { names, selectCases } from './select.ts';

const make = (id: string, family: Case['family'], rule: string): Case => ({
  id,
  family,
  rule,
  title: '',
  operationId: id.split('.')[0]!,
  request: { method: 'GET', path: '/', headers: {} },
  expect: { status: 200 },
});
const cases = [
  make('createOrder.body.quantity.maximum', 'body', '#/components/schemas/Quantity/maximum'),
  make('createOrder.body.quantity_total.maximum', 'body', '#/components/schemas/QuantityTotal/maximum'),
  make('getOrder.auth.none', 'auth', '#/security'),
];

describe('--only and --skip', () => {
  it('name a family, an operation, whole id segments (with or without the operation), or a rule and what is under it', () => {
    expect(selectCases(cases, ['auth'], []).map((c) => c.id)).toEqual(['getOrder.auth.none']);
    expect(selectCases(cases, ['createOrder'], []).length).toBe(2);
    expect(selectCases(cases, ['body.quantity'], []).map((c) => c.id)).toEqual(['createOrder.body.quantity.maximum']);
    expect(selectCases(cases, ['createOrder.body.quantity'], []).length).toBe(1);
    expect(selectCases(cases, ['#/components/schemas/Quantity'], []).map((c) => c.id)).toEqual([
      'createOrder.body.quantity.maximum',
    ]);
    expect(selectCases(cases, [], ['body']).map((c) => c.id)).toEqual(['getOrder.auth.none']);
  });

  it('a case that calls another operation first is named by that operation too', () => {
    const issued = {
      ...cases[0]!,
      id: 'createOrder.stateful.issued-token.login',
      prelude: [{ operationId: 'login', request: cases[0]!.request, expect: { status: 200 } }],
    };
    expect(names(issued, 'login')).toBe(true);
    expect(selectCases([issued, ...cases], [], ['login']).map((c) => c.id)).not.toContain(issued.id);
  });

  it('a prefix of a segment is not a name', () => {
    expect(names(cases[0]!, 'body.quant')).toBe(false);
    expect(names(cases[0]!, 'create')).toBe(false);
  });
});
