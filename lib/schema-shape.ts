// The shape of a schema as tools read it: `allOf` merged into one view, the JSON types it allows, the properties
// of an object with where each is written, and the branches of a `oneOf`/`anyOf` with the value that picks each.
import type { Contract, SchemaNode } from './model.ts';

/** What these functions need of the model: following a schema's `$ref`s. */
type Schemas = Pick<Contract, 'schemaNode'>;
import { escapeToken, unescapeToken, type Json } from './json.ts';
import type { JsonType, Schema } from './openapi.ts';

export const JSON_TYPES: JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

/**
 * Answers about a schema, worked out once per schema and place: the mock asks them on every request. A schema
 * object of the document stands at one pointer, so the two together name one answer.
 */
function memoised<T>(compute: (contract: Schemas, node: SchemaNode) => T): (contract: Schemas, node: SchemaNode) => T {
  const answers = new WeakMap<object, Map<string, T>>();
  return (contract, node) => {
    const byPointer = answers.get(node.schema) ?? answers.set(node.schema, new Map()).get(node.schema)!;
    if (!byPointer.has(node.pointer)) byPointer.set(node.pointer, compute(contract, node));
    return byPointer.get(node.pointer)!;
  };
}

/** The schema with each `allOf` member's properties, required names and bounds folded in (later ones win). */
export const effective = memoised((contract, node): SchemaNode => {
  const { allOf, ...own } = node.schema;
  if (!allOf?.length) return node;
  const merged: Schema = {};
  for (const member of allOf.map((m, i) => effective(contract, contract.schemaNode(m, `${node.pointer}/allOf/${i}`)))) {
    Object.assign(merged, member.schema, {
      properties: { ...merged.properties, ...member.schema.properties },
      required: [...new Set([...(merged.required ?? []), ...(member.schema.required ?? [])])],
    });
    if (member.schema.additionalProperties === false) merged.additionalProperties = false;
  }
  const properties = { ...merged.properties, ...own.properties };
  const required = [...new Set([...(merged.required ?? []), ...(own.required ?? [])])];
  return { schema: { ...merged, ...own, properties, required }, pointer: node.pointer };
});

/** The JSON types a schema allows; empty when it says nothing about type (any value). */
export function typesOf(schema: Schema): JsonType[] {
  if (schema.type) return [schema.type].flat();
  const fixed = schema.const !== undefined ? [schema.const] : schema.enum;
  if (fixed) return [...new Set(fixed.map(jsonTypeOf))];
  if (schema.properties || schema.required || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items || schema.minItems !== undefined || schema.maxItems !== undefined) return ['array'];
  return [];
}

export function jsonTypeOf(value: Json): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : (typeof value as JsonType);
}

/** Whether a value of `type` is one the schema's types allow (an integer is a number too). */
export function allowsType(types: JsonType[], type: JsonType): boolean {
  return types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** The properties of an object schema with the node each is written in (through `allOf`, own ones last). */
export const propertiesOf = memoised((contract, node): [string, SchemaNode][] => {
  const found = new Map<string, SchemaNode>();
  for (const [i, member] of (node.schema.allOf ?? []).entries()) {
    const memberNode = contract.schemaNode(member, `${node.pointer}/allOf/${i}`);
    for (const [name, child] of propertiesOf(contract, memberNode)) found.set(name, child);
  }
  for (const [name, property] of Object.entries(node.schema.properties ?? {})) {
    found.set(name, contract.schemaNode(property, `${node.pointer}/properties/${escapeToken(name)}`));
  }
  return [...found];
});

export interface Branch {
  node: SchemaNode;
  /** The discriminator property's value that picks this branch, when there is a discriminator. */
  tag?: string;
}

/** The branches of a `oneOf` (else `anyOf`), each with the discriminator value that names it. */
export function branchesOf(
  contract: Schemas,
  node: SchemaNode,
): { keyword: 'oneOf' | 'anyOf'; branches: Branch[]; tagProperty?: string } | undefined {
  const keyword = node.schema.oneOf ? 'oneOf' : node.schema.anyOf ? 'anyOf' : undefined;
  if (!keyword) return undefined;
  const tagProperty = node.schema.discriminator?.propertyName;
  const mapping = Object.entries(node.schema.discriminator?.mapping ?? {});
  const branches = (node.schema[keyword] ?? []).map((raw, i) => {
    const branch = effective(contract, contract.schemaNode(raw, `${node.pointer}/${keyword}/${i}`));
    if (!tagProperty) return { node: branch };
    const tagSchema = branch.schema.properties?.[tagProperty];
    const fixed = tagSchema && contract.schemaNode(tagSchema, '').schema;
    const mapped = mapping.find(([, ref]) => ref === raw.$ref)?.[0];
    const tag =
      mapped ??
      (typeof fixed?.const === 'string'
        ? fixed.const
        : typeof fixed?.enum?.[0] === 'string'
          ? fixed.enum[0]
          : undefined);
    return { node: branch, ...(tag === undefined ? {} : { tag }) };
  });
  return { keyword, branches, ...(tagProperty ? { tagProperty } : {}) };
}

/** The schema of the value at a JSON Pointer into a value of `node` (object properties only), `allOf` merged. */
export function schemaAtPointer(contract: Schemas, node: SchemaNode, pointer: string): SchemaNode | undefined {
  let reached: SchemaNode | undefined = node;
  for (const token of pointer.split('/').slice(1).map(unescapeToken)) {
    reached = reached && propertiesOf(contract, reached).find(([name]) => name === token)?.[1];
  }
  return reached && effective(contract, reached);
}
