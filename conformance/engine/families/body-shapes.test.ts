import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../lib/contract.ts';
import { contextsOf } from '../../fixtures/test-kit.ts';
import { bodyShapeCases } from './body-shapes.ts';

const kit = loadContract();
const cases = bodyShapeCases(contextsOf(kit).get('createPackagingOrder')!);
const byPart = new Map(cases.map((c) => [c.id.split('.body.')[1], c]));

describe('bodyShapeCases', () => {
  it('sends the smallest bodies of each JSON kind, refused naming what the schema names', () => {
    expect(byPart.get('smallest.empty-object')!.expect.fields).toEqual([
      'order_id',
      'product_code',
      'product_code_schema',
      'quantity',
    ]);
    for (const kind of ['empty-array', 'null', 'bare-string']) {
      expect(byPart.get(`smallest.${kind}`)!.expect.fields, kind).toEqual(['']);
    }
    expect(byPart.get('smallest.null')!.request.body).toBe('null');
  });

  it('sends a documented name in the other case or with white space: unknown, and the required one missing', () => {
    const renamed = byPart.get('name.quantity.other-case')!;
    expect(Object.keys(JSON.parse(renamed.request.body!))).toContain('QUANTITY');
    expect(renamed.expect.fields).toEqual(['QUANTITY', 'quantity']);
    expect(byPart.get('name.batch.trailing-space')!.expect.fields).toEqual(['batch ']);
  });

  it('puts each pair of bounded fields at their limits at once, and expects them accepted', () => {
    const pair = byPart.get('pair.extra_percentage.quantity.maximum');
    const body = JSON.parse(pair!.request.body!);
    expect([body.quantity, body.extra_percentage]).toEqual([100000, 100]);
    expect(pair!.expect.status).toBe(200);
    expect(byPart.get('pair.extra_percentage.quantity.minimum')!.request.body).toMatch(
      /"extra_percentage":0,.*"quantity":0/,
    );
  });
});
