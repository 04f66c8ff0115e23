// fast-check arbitraries from the document's schemas: random values every schema rule allows, built from the
// same keywords the walker reads (bounds, patterns, formats, enums, branches with their discriminator), so that
// generated cases reach the corners no hand-picked value does. fast-check shrinks what fails to its smallest.
import fc from 'fast-check';
import type { Contract, SchemaNode } from '../../lib/contract.ts';
import type { Json } from '../../lib/json.ts';
import type { Schema } from '../../lib/openapi.ts';
import { FORMAT_SAMPLES } from './sample.ts';
import { branchesOf, effective, propertiesOf, typesOf } from '../../lib/schema-shape.ts';

/** How far arrays and strings are allowed to grow past their minimum when the schema sets no maximum. */
const OPEN_ENDED = 12;
const MAX_DEPTH = 6;

export function arbitraryOf(contract: Contract, raw: SchemaNode, depth = 0): fc.Arbitrary<Json> {
  const node = effective(contract, raw);
  const { schema } = node;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choice = branchesOf(contract, node);
  if (choice) {
    return fc.oneof(
      ...choice.branches.map((branch) =>
        arbitraryOf(contract, branch.node, depth + 1).map((value) =>
          choice.tagProperty && branch.tag !== undefined && isRecord(value)
            ? { ...value, [choice.tagProperty]: branch.tag }
            : value,
        ),
      ),
    );
  }
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 }).map((value) => value as Json);
  return fc.oneof(...types.map((type) => ofType(contract, node, type, depth)));
}

function ofType(contract: Contract, node: SchemaNode, type: string, depth: number): fc.Arbitrary<Json> {
  const { schema } = node;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: lower(schema, 1) ?? -1_000_000, max: upper(schema, 1) ?? 1_000_000 });
    case 'number':
      return fc
        .double({
          min: lower(schema, 0) ?? -1e9,
          max: upper(schema, 0) ?? 1e9,
          noNaN: true,
          noDefaultInfinity: true,
          minExcluded: schema.exclusiveMinimum !== undefined,
          maxExcluded: schema.exclusiveMaximum !== undefined,
        })
        .map((value) => (Object.is(value, -0) ? 0 : value));
    case 'string':
      return strings(schema);
    case 'array':
      return arrays(contract, node, depth);
    default:
      return objects(contract, node, depth);
  }
}

function strings(schema: Schema): fc.Arbitrary<Json> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? min + OPEN_ENDED;
  const fits = (text: string) => [...text].length >= min && [...text].length <= max;
  const format = schema.format ? FORMAT_SAMPLES[schema.format] : undefined;
  if (format) return fc.constantFrom(...format.valid);
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits);
  return fc.string({ unit: CODE_POINT, minLength: min, maxLength: max });
}

/**
 * Any code point but the surrogate halves: 1- to 4-byte UTF-8 alike, one unit each, as JSON Schema counts. The same
 * as fast-check's `unit: 'binary'`, which costs 81 MB of heap and 1.5 s the first time it is built (a table of every
 * code point), and so took a third of the CLI's memory.
 */
const CODE_POINT = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));

function arrays(contract: Contract, node: SchemaNode, depth: number): fc.Arbitrary<Json> {
  const { schema } = node;
  if (depth >= MAX_DEPTH || !schema.items) return fc.constant([]);
  const items = arbitraryOf(contract, contract.schemaNode(schema.items, `${node.pointer}/items`), depth + 1);
  const minLength = schema.minItems ?? 0;
  const maxLength = schema.maxItems ?? minLength + 4;
  return schema.uniqueItems
    ? fc.uniqueArray(items, { minLength, maxLength, selector: (value) => JSON.stringify(value) })
    : fc.array(items, { minLength, maxLength });
}

function objects(contract: Contract, node: SchemaNode, depth: number): fc.Arbitrary<Json> {
  if (depth >= MAX_DEPTH) return fc.constant({});
  const required = node.schema.required ?? [];
  const model = Object.fromEntries(
    propertiesOf(contract, node).map(([name, child]) => [name, arbitraryOf(contract, child, depth + 1)]),
  );
  return fc.record(model, { requiredKeys: required.filter((name) => name in model) }).map((value) => value as Json);
}

function lower(schema: Schema, step: number): number | undefined {
  if (schema.minimum !== undefined) return schema.minimum;
  if (schema.exclusiveMinimum !== undefined)
    return step ? Math.floor(schema.exclusiveMinimum) + step : schema.exclusiveMinimum;
  return undefined;
}

function upper(schema: Schema, step: number): number | undefined {
  if (schema.maximum !== undefined) return schema.maximum;
  if (schema.exclusiveMaximum !== undefined)
    return step ? Math.ceil(schema.exclusiveMaximum) - step : schema.exclusiveMaximum;
  return undefined;
}

function isRecord(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
