// The document's echo rules: an object schema marked `x-echoes-request-body` repeats the request's fields that it
// documents, and takes `const` values for the fields the request cannot have; a schema marked `x-echoes-parameter`
// repeats one parameter of the request. The mock writes answers by them and the conformance suite checks answers by
// them.
import type { Contract, SchemaNode } from './contract.ts';
import { isObject, type Json, type JsonObject } from './json.ts';
import { effective, propertiesOf } from './schema-shape.ts';

export interface EchoPlace {
  /** Property names from the top of the response body to the echo object. */
  path: string[];
  node: SchemaNode;
}

/** Where, in a body of this schema, each object marked `x-echoes-request-body` stands (worked out once). */
export function echoPlaces(contract: Contract, node: SchemaNode): EchoPlace[] {
  const byPointer = places.get(node.schema) ?? places.set(node.schema, new Map()).get(node.schema)!;
  if (!byPointer.has(node.pointer)) byPointer.set(node.pointer, findPlaces(contract, node, []));
  return byPointer.get(node.pointer)!;
}

const places = new WeakMap<object, Map<string, EchoPlace[]>>();

function findPlaces(contract: Contract, node: SchemaNode, path: string[]): EchoPlace[] {
  if (node.schema['x-echoes-request-body'] === true) return [{ path, node }];
  return propertiesOf(contract, node).flatMap(([name, property]) => findPlaces(contract, property, [...path, name]));
}

/** What an echo object must be for this request body (properties through `allOf` too). */
export function echoOf(contract: Contract, node: SchemaNode, requestBody: JsonObject): JsonObject {
  const echoed: JsonObject = {};
  for (const [name, property] of propertiesOf(contract, node)) {
    const fixed = effective(contract, property).schema.const;
    if (Object.hasOwn(requestBody, name)) echoed[name] = requestBody[name]!;
    else if (fixed !== undefined) echoed[name] = fixed;
  }
  return echoed;
}

/** `value` with each echo place of the schema replaced by the echo of the request body. */
export function withEcho(contract: Contract, node: SchemaNode | undefined, value: Json, requestBody: Json): Json {
  if (!node || !isObject(requestBody)) return value;
  let result = value;
  for (const place of echoPlaces(contract, node)) {
    const echoed = echoOf(contract, place.node, requestBody);
    if (place.path.length === 0) result = echoed;
    const parent = valueAt(result, place.path.slice(0, -1));
    if (place.path.length > 0 && isObject(parent)) parent[place.path.at(-1)!] = echoed;
  }
  return result;
}

/** The value at a path of property names (and array indexes, as digits). */
export function valueAt(value: Json, path: string[]): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  return node;
}

/** Where, in a body of this schema, a value repeats a parameter of the request (`x-echoes-parameter`). */
export interface ParameterEcho {
  /** Property names from the top of the response body to the value. */
  path: string[];
  /** The parameter's name. */
  parameter: string;
}

export function parameterEchoes(contract: Contract, node: SchemaNode, path: string[] = []): ParameterEcho[] {
  const parameter = node.schema['x-echoes-parameter'];
  if (parameter !== undefined) return [{ path, parameter }];
  return propertiesOf(contract, node).flatMap(([name, property]) =>
    parameterEchoes(contract, property, [...path, name]),
  );
}

/** `value` with each parameter echo of the schema set to the value the request gave that parameter. */
export function withParameterEchoes(
  contract: Contract,
  node: SchemaNode | undefined,
  value: Json,
  parameters: Record<string, Json>,
): Json {
  if (!node) return value;
  for (const { path, parameter } of parameterEchoes(contract, node)) {
    const parent = valueAt(value, path.slice(0, -1));
    if (path.length > 0 && isObject(parent) && parameters[parameter] !== undefined)
      parent[path.at(-1)!] = parameters[parameter];
  }
  return value;
}
