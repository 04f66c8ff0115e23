// fast-check arbitraries from the document's schemas: random values every schema rule allows, built from the
// same keywords the walker reads (bounds, patterns, formats, enums, branches with their discriminator), so that
// generated cases reach the corners no hand-picked value does. fast-check shrinks what fails to its smallest.
import fc from 'fast-check';
import type { Contract, SchemaNode } from '../../../lib/contract.ts';
import type { Json } from '../../../lib/json.ts';
import type { Schema } from '../../../lib/openapi.ts';
import { isMultiple, nthMultiple } from './number-values.ts';
import { FORMAT_SAMPLES } from './sample.ts';
import { branchesOf, effective, propertiesOf, typesOf } from '../../../lib/schema-shape.ts';

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
    case 'number':
      return numbers(schema, type === 'integer');
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
  return fc.string({ unit: CHARACTER, minLength: min, maxLength: max });
}

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/**
 * One code point, of every UTF-8 width and none of the surrogate halves, counted as JSON Schema counts: mostly
 * printable ASCII, then 2-, 3- and 4-byte characters, and now and then a control character JSON must escape.
 * (fast-check's own `binary` unit does the same but takes most of a second to set up.)
 */
const CHARACTER = fc.oneof(
  { arbitrary: codePoint(0x20, 0x7e), weight: 6 },
  { arbitrary: codePoint(0x00, 0x1f), weight: 1 },
  { arbitrary: codePoint(0xa0, 0x7ff), weight: 2 },
  { arbitrary: codePoint(0x800, 0xd7ff), weight: 2 },
  { arbitrary: codePoint(0xe000, 0xfffd), weight: 1 },
  { arbitrary: codePoint(0x10000, 0x10ffff), weight: 2 },
);

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
  const { minProperties = 0, maxProperties = Infinity } = node.schema;
  return fc
    .record(model, { requiredKeys: required.filter((name) => name in model) })
    .filter((value) => Object.keys(value).length >= minProperties && Object.keys(value).length <= maxProperties)
    .map((value) => value as Json);
}

/** One end of the numbers a schema allows, and whether the end itself is left out. */
interface Bound {
  value: number;
  excluded: boolean;
}

/**
 * Numbers within the tighter of `minimum` and `exclusiveMinimum` (and of the two maximums) where both are set,
 * and on multiples of `multipleOf`: drawn as a count of multiples, so that a filter drops next to none of them.
 */
function numbers(schema: Schema, integer: boolean): fc.Arbitrary<Json> {
  const { multipleOf } = schema;
  const open = integer ? 1_000_000 : 1e9;
  const low = lowerBound(schema) ?? { value: -open, excluded: false };
  const high = upperBound(schema) ?? { value: open, excluded: false };
  if (multipleOf !== undefined) {
    // The count runs one multiple wide at each end; the filter drops what falls outside, and the rare multiple
    // whose quotient floating point does not make whole (0.3 / 0.1), which the validator would refuse.
    const allowed = (value: number) =>
      inside(value, low, high) && isMultiple(value, multipleOf) && (!integer || Number.isInteger(value));
    return fc
      .integer({ min: Math.floor(low.value / multipleOf), max: Math.ceil(high.value / multipleOf) })
      .map((k) => nthMultiple(k, multipleOf))
      .filter(allowed);
  }
  if (integer) {
    return fc.integer({
      min: low.excluded ? Math.floor(low.value) + 1 : Math.ceil(low.value),
      max: high.excluded ? Math.ceil(high.value) - 1 : Math.floor(high.value),
    });
  }
  return fc
    .double({
      min: low.value,
      max: high.value,
      minExcluded: low.excluded,
      maxExcluded: high.excluded,
      noNaN: true,
      noDefaultInfinity: true,
    })
    .map((value) => (Object.is(value, -0) ? 0 : value));
}

/** The tighter of `minimum` and `exclusiveMinimum`; an exclusive bound at the same value is the tighter. */
function lowerBound({ minimum, exclusiveMinimum }: Schema): Bound | undefined {
  if (exclusiveMinimum !== undefined && (minimum === undefined || exclusiveMinimum >= minimum))
    return { value: exclusiveMinimum, excluded: true };
  return minimum === undefined ? undefined : { value: minimum, excluded: false };
}

/** The tighter of `maximum` and `exclusiveMaximum`; an exclusive bound at the same value is the tighter. */
function upperBound({ maximum, exclusiveMaximum }: Schema): Bound | undefined {
  if (exclusiveMaximum !== undefined && (maximum === undefined || exclusiveMaximum <= maximum))
    return { value: exclusiveMaximum, excluded: true };
  return maximum === undefined ? undefined : { value: maximum, excluded: false };
}

function inside(value: number, low: Bound, high: Bound): boolean {
  return (
    (low.excluded ? value > low.value : value >= low.value) &&
    (high.excluded ? value < high.value : value <= high.value)
  );
}

function isRecord(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
