// A small valid value for a schema: its first example, const, enum value or default, else one built from its
// type and bounds. The engine fills places a request example leaves empty with it (an optional object, the
// second kind of a oneOf), and the validator checks every body built from it before it becomes a case.
import fc from 'fast-check';
import type { Contract, SchemaNode } from '../../../lib/contract.ts';
import type { Json, JsonObject } from '../../../lib/json.ts';
import { branchesOf, effective, propertiesOf, typesOf } from '../../../lib/schema-shape.ts';

/** Values of the formats JSON Schema names, valid and plainly so. */
export const FORMAT_SAMPLES: Record<string, { valid: string[]; invalid: string[] }> = {
  date: { valid: ['2024-02-29', '1999-12-31'], invalid: ['2023-02-29', '2024-13-01', '24-02-29', '2024-2-9'] },
  'date-time': {
    valid: ['2024-02-29T12:30:00Z', '2024-02-29T12:30:00.5+01:00'],
    invalid: ['2024-02-29 12:30', '2024-02-29'],
  },
  time: { valid: ['12:30:00Z'], invalid: ['25:00:00Z', '12:30'] },
  email: { valid: ['someone@example.com'], invalid: ['someone@', 'not an email'] },
  uuid: { valid: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'], invalid: ['3fa85f64-5717-4562-b3fc', 'not-a-uuid'] },
  uri: { valid: ['https://example.com/a?b=c'], invalid: ['not a uri', '//no-scheme'] },
  hostname: { valid: ['example.com'], invalid: ['-bad-.example.com'] },
  ipv4: { valid: ['192.0.2.1'], invalid: ['256.0.0.1'] },
  ipv6: { valid: ['2001:db8::1'], invalid: ['2001:db8:::1'] },
};

export function sampleOf(contract: Contract, raw: SchemaNode, depth = 0): Json {
  const { schema } = effective(contract, raw);
  if (schema.examples?.length) return structuredClone(schema.examples[0]!);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0]!;
  if (schema.default !== undefined) return schema.default;
  const choice = branchesOf(contract, raw);
  if (choice?.branches[0]) {
    const [first] = choice.branches;
    const value = sampleOf(contract, first.node, depth + 1);
    if (choice.tagProperty && first.tag !== undefined && isRecord(value)) value[choice.tagProperty] = first.tag;
    return value;
  }
  const types = typesOf(schema).filter((type) => type !== 'null');
  switch (types[0]) {
    case 'object': {
      const value: JsonObject = {};
      if (depth > 8) return value;
      // The required properties, then optional ones until there are `minProperties`.
      const properties = propertiesOf(contract, raw);
      const required = schema.required ?? [];
      for (const name of [...new Set([...required, ...properties.map(([n]) => n)])]) {
        if (!required.includes(name) && Object.keys(value).length >= (schema.minProperties ?? 0)) break;
        const property = properties.find(([n]) => n === name)?.[1];
        value[name] = property ? sampleOf(contract, property, depth + 1) : 'x';
      }
      return value;
    }
    case 'array': {
      const item = schema.items
        ? sampleOf(contract, contract.schemaNode(schema.items, `${raw.pointer}/items`), depth + 1)
        : 'x';
      return Array.from({ length: schema.minItems ?? 0 }, () => structuredClone(item));
    }
    case 'string':
      return stringSample(schema.format, schema.pattern, schema.minLength ?? 1, schema.maxLength);
    case 'integer':
    case 'number':
      return numberSample(schema, types[0] === 'integer');
    case 'boolean':
      return true;
    default:
      return typesOf(schema).includes('null') ? null : 'any value';
  }
}

function stringSample(
  format: string | undefined,
  pattern: string | undefined,
  minLength: number,
  maxLength?: number,
): string {
  if (format && FORMAT_SAMPLES[format]) return FORMAT_SAMPLES[format].valid[0]!;
  if (pattern) {
    const fits = (text: string) => text.length >= minLength && (maxLength === undefined || text.length <= maxLength);
    const found = fc.sample(fc.stringMatching(new RegExp(pattern, 'u')), { numRuns: 50, seed: 7 }).find(fits);
    if (found !== undefined) return found;
  }
  return 'a'.repeat(Math.max(1, Math.min(minLength, maxLength ?? minLength)));
}

function numberSample(
  schema: { minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number },
  integer: boolean,
): number {
  const low =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : undefined);
  const high =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.5) : undefined);
  const value = low ?? (high !== undefined ? Math.min(0, high) : 0);
  return integer ? Math.ceil(value) : value;
}

function isRecord(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
