import { describe, expect, it } from 'vitest';
import { loadContract } from './contract.ts';
import { echoOf, echoPlaces, valueAt, withEcho } from './echo.ts';

const contract = loadContract();
const create = contract.operations.find((op) => op.resource?.action === 'create')!;
const schema = create.success!.schema!;

describe('the echo rule', () => {
  it('finds the object marked x-echoes-request-body', () => {
    expect(echoPlaces(contract, schema).map((p) => p.path)).toEqual([['data']]);
  });

  it('repeats the documented fields that were sent (through allOf), adds const ones, drops the rest', () => {
    const [place] = echoPlaces(contract, schema);
    const sent = { order_id: 'A', product_code_schema: 'GTIN', product_code: '1', quantity: 0, market: 'DE' };
    expect(echoOf(contract, place!.node, sent)).toEqual({
      order_id: 'A',
      product_code_schema: 'GTIN',
      product_code: '1',
      quantity: 0,
      status: 'Open',
    });
  });

  it('withEcho puts the echo in place of the example’s data', () => {
    const body = withEcho(
      contract,
      schema,
      { success: true, message: 'm', data: { order_id: 'X' } },
      { order_id: 'Y', quantity: 1 },
    );
    expect(valueAt(body, ['data'])).toEqual({ order_id: 'Y', quantity: 1, status: 'Open' });
    expect(withEcho(contract, schema, { a: 1 }, 'not an object')).toEqual({ a: 1 });
    expect(valueAt({ a: [{ b: 2 }] }, ['a', '0', 'b'])).toBe(2);
  });
});
