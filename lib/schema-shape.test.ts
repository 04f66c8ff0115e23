import { describe, expect, it } from 'vitest';
import { loadContract } from './contract.ts';
import { allowsType, branchesOf, effective, jsonTypeOf, propertiesOf, typesOf } from './schema-shape.ts';

const kinds = loadContract('test/fixtures/kinds.openapi.yaml');
const real = loadContract();
const node = (contract: typeof real, name: string) => contract.schemaNode({ $ref: `#/components/schemas/${name}` }, '');

describe('the shape of schemas', () => {
  it('merges allOf, keeping where each property is written', () => {
    const created = node(real, 'CreatedPackagingOrder');
    const properties = Object.fromEntries(propertiesOf(real, created).map(([name, n]) => [name, n.pointer]));
    expect(properties.order_id).toBe('#/components/schemas/OrderId');
    expect(properties.status).toBe('#/components/schemas/CreatedPackagingOrder/properties/status');
    expect(effective(real, created).schema.required).toContain('order_id');
  });

  it('reads the types a schema allows, from type, const, enum or its keywords', () => {
    expect(typesOf({ type: ['string', 'null'] })).toEqual(['string', 'null']);
    expect(typesOf({ enum: ['a', 1] })).toEqual(['string', 'integer']);
    expect(typesOf({ properties: {} })).toEqual(['object']);
    expect(typesOf({})).toEqual([]);
    expect([jsonTypeOf(1), jsonTypeOf(1.5), jsonTypeOf([]), jsonTypeOf(null)]).toEqual([
      'integer',
      'number',
      'array',
      'null',
    ]);
    expect([allowsType(['number'], 'integer'), allowsType(['integer'], 'number'), allowsType([], 'object')]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('finds the branches of a oneOf with the discriminator value of each', () => {
    const parts = kinds.schemaNode({ $ref: '#/components/schemas/Part' }, '');
    const choice = branchesOf(kinds, parts);
    expect(choice?.tagProperty).toBe('type');
    expect(choice?.branches.map((b) => b.tag)).toEqual(['bolt', 'panel']);
    expect(branchesOf(real, node(real, 'OrderId'))).toBeUndefined();
  });
});
