// The document's echo rule: an object schema marked `x-echoes-request-body` repeats the request's fields that it
// documents, and takes `const` values for the fields the request cannot have. The mock writes answers by it and
// the conformance suite checks answers by it.
import { isObject, type Contract, type Json, type JsonObject } from './contract.ts';

/** Property paths, from the top of a response body, to each object the schema marks as an echo. */
export function echoPaths(
  contract: Contract,
  schemaRef: JsonObject,
  path: string[] = [],
): { path: string[]; schema: JsonObject }[] {
  const schema = contract.resolve(schemaRef);
  if (schema['x-echoes-request-body'] === true) return [{ path, schema }];
  return Object.entries((schema.properties as JsonObject | undefined) ?? {}).flatMap(([name, property]) =>
    echoPaths(contract, property as JsonObject, [...path, name]),
  );
}

/** What an echo object must be for this request body. */
export function echoOf(contract: Contract, schema: JsonObject, requestBody: JsonObject): JsonObject {
  const echoed: JsonObject = {};
  for (const [name, property] of Object.entries((schema.properties as JsonObject | undefined) ?? {})) {
    const fixed = contract.resolve(property as JsonObject).const;
    if (name in requestBody) echoed[name] = requestBody[name]!;
    else if (fixed !== undefined) echoed[name] = fixed;
  }
  return echoed;
}

export function valueAt(value: Json, path: string[]): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}
