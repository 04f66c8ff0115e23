// The typed model of the bundled document: operations with their parameters, request body, responses, security
// and servers, every `$ref` followed and every place known by its JSON Pointer. Mock, suite, docs, Postman and
// bench ask here, so that no status, message or rule is written anywhere but in the document, and no tool digs
// through raw JSON for the same answer twice.
import { readFileSync } from 'node:fs';
import { dataFile } from './layout.ts';
import { parse } from 'yaml';
import { DEFAULT_CHECK_ORDER, Reader } from './contract-reader.ts';
import type { ErrorCase } from './extensions.ts';
import type { Contract, Operation, Parameter } from './model.ts';
import type { OpenApiDocument, ParameterLocation } from './openapi.ts';

export type * from './model.ts';
export type { Json, JsonObject } from './json.ts';
export { isObject } from './json.ts';
import { isObject, pointerOf } from './json.ts';
export { isJsonMediaType } from './contract-reader.ts';

export const BUNDLE_PATH = dataFile(import.meta.url, '../generated/openapi.yaml', './openapi.yaml');

export function loadContract(path = BUNDLE_PATH): Contract {
  return contractFrom(parse(readFileSync(path, 'utf8')));
}

/** The model of a bundled document; throws, naming the place, when the document is not one the kit can read. */
export function contractFrom(document: OpenApiDocument): Contract {
  if (!isObject(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1')) {
    throw new Error('not an OpenAPI 3.1 document (openapi: 3.1.x)');
  }
  const reader = new Reader(document);
  const servers = reader.servers(document.servers);
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    reader.operationsOf(path, reader.resolve(item), servers),
  );
  const ids = operations.map((op) => op.operationId);
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice) throw new Error(`operationId ${twice} is used twice`);
  return {
    document,
    title: document.info.title,
    version: document.info.version,
    operations,
    routeErrors: Object.entries(document['x-route-errors'] ?? {}).map(([status, response]) =>
      reader.response(status, response, pointerOf('x-route-errors', status)),
    ),
    servers,
    checkOrder: reader.checkOrder(document['x-check-order'], '#/x-check-order') ?? DEFAULT_CHECK_ORDER,
    resolve: (value) => reader.resolve(value),
    schemaNode: (schema, pointer) => reader.schemaNode(schema, pointer),
  };
}

/** The operation's parameters in one location. */
export function parametersIn(operation: Operation, location: ParameterLocation): Parameter[] {
  return operation.parameters.filter((parameter) => parameter.in === location);
}

/** The documented answer to an error case: the operation's own example, else a route error's. */
export function answerFor(contract: Contract, errorCase: ErrorCase, operation?: Operation) {
  for (const response of [...(operation?.responses ?? []), ...contract.routeErrors]) {
    const example = response.examples.find((ex) => ex.errorCase === errorCase);
    if (example) return { response, example };
  }
  return undefined;
}
