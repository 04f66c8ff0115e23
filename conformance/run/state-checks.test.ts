import { describe, expect, it } from 'vitest';
import type { Answered } from './check-kit.ts';
import { itemsAsLeft, listAsLeft, parametersEchoed } from './state-checks.ts';

const answer = (json: unknown): Answered => ({
  status: 200,
  headers: {},
  text: JSON.stringify(json),
  json: json as never,
  ms: 1,
});
const order = (id: string, status = 'Open') => ({ order_id: id, status });

describe('itemsAsLeft', () => {
  const expect_ = { status: 200, holds: { pointer: '/data', value: [order('A', 'Pending release')] } };

  it('passes the items as the steps before left them, and fails any other state or item', () => {
    expect(itemsAsLeft(expect_, answer({ data: [order('A', 'Pending release')] }))?.passed).toBe(true);
    expect(itemsAsLeft(expect_, answer({ data: [order('A')] }))).toMatchObject({
      passed: false,
      actual: '/data: [{"order_id":"A","status":"Open"}]',
    });
    expect(itemsAsLeft({ status: 200 }, answer({}))).toBeUndefined();
  });
});

describe('listAsLeft', () => {
  const lists = { pointer: '/data', key: 'order_id', present: [order('A'), order('B')], absent: ['C'] };
  const check = (data: unknown) => listAsLeft({ status: 200, lists }, answer({ data }));

  it('passes every item it must hold, in the order made, among others, and none it must not', () => {
    expect(check([order('X'), order('A'), order('Y'), order('B')])?.passed).toBe(true);
  });

  it('fails an item left out, the items out of order, an item it must not hold, and no list', () => {
    expect(check([order('A')])?.actual).toBe('1 item(s), without {"order_id":"B","status":"Open"}');
    expect(check([order('B'), order('A')])?.actual).toBe('the items at positions 1, 0');
    expect(check([order('A'), order('B'), order('C', 'Pending release')])?.actual).toBe(
      '3 item(s), among them {"order_id":"C","status":"Pending release"}',
    );
    expect(check('none')?.passed).toBe(false);
  });
});

describe('parametersEchoed', () => {
  const expect_ = { status: 200, echoesParameters: [{ path: ['data', 'id'], value: 'W 1' }] };

  it('passes the parameter as sent and fails another value', () => {
    expect(parametersEchoed(expect_, answer({ data: { id: 'W 1' } }))?.passed).toBe(true);
    expect(parametersEchoed(expect_, answer({ data: { id: 'W%201' } }))).toMatchObject({
      passed: false,
      expected: '/data/id: "W 1"',
      actual: '/data/id: "W%201"',
    });
  });
});
