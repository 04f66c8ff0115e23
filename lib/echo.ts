// The document's echo rule: an object schema marked `x-echoes-request-body` repeats the request's fields that it
// documents, and takes `const` values for the fields the request cannot have. The mock writes answers by it and
// the conformance suite checks answers by it.
import type { Contract, SchemaNode } from './contract.ts';
import { isObject, type Json, type JsonObject } from './json.ts';
import type { Schema } from './openapi.ts';

export interface EchoPlace {
  /** Property names from the top of the response body to the echo object. */
  path: string[];
  schema: Schema;
}

/** Where, in a body of this schema, each object marked `x-echoes-request-body` stands. */
export function echoPlaces(contract: Contract, node: SchemaNode, path: string[] = []): EchoPlace[] {
  if (node.schema['x-echoes-request-body'] === true) return [{ path, schema: node.schema }];
  return Object.entries(node.schema.properties ?? {}).flatMap(([name, property]) =>
    echoPlaces(contract, contract.schemaNode(property, `${node.pointer}/properties/${name}`), [...path, name]),
  );
}

/** What an echo object must be for this request body. */
export function echoOf(contract: Contract, schema: Schema, requestBody: JsonObject): JsonObject {
  const echoed: JsonObject = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const fixed = contract.schemaNode(property, '').schema.const;
    if (Object.hasOwn(requestBody, name)) echoed[name] = requestBody[name]!;
    else if (fixed !== undefined) echoed[name] = fixed;
  }
  return echoed;
}

/** `value` with each echo place of the schema replaced by the echo of the request body. */
export function withEcho(contract: Contract, node: SchemaNode | undefined, value: Json, requestBody: Json): Json {
  if (!node || !isObject(requestBody)) return value;
  let result = value;
  for (const { path, schema } of echoPlaces(contract, node)) {
    const echoed = echoOf(contract, schema, requestBody);
    if (path.length === 0) result = echoed;
    const parent = valueAt(result, path.slice(0, -1));
    if (path.length > 0 && isObject(parent)) parent[path.at(-1)!] = echoed;
  }
  return result;
}

/** The value at a path of property names (and array indexes, as digits). */
export function valueAt(value: Json, path: string[]): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  return node;
}
