// What the tests of the families, of conformance/context.ts and of conformance/reproduce.ts build on: documents
// written short (answers named by error case, a JSON request body, the create and the read of an order), and the
// contexts conformance/catalogue.ts gives their operations.
import type { Contract } from '../../lib/contract.ts';
import type { ErrorCase } from '../../lib/extensions.ts';
import type { Json } from '../../lib/json.ts';
import type {
  OpenApiDocument,
  OperationObject,
  PathItemObject,
  RequestBodyObject,
  ResponseObject,
  Schema,
  SecuritySchemeObject,
} from '../../lib/openapi.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import { operationContext, uniqueValues, type OperationContext } from '../context.ts';

/** The answer to these error cases: one named example each, its body `{ e: <error case> }`. */
export function answers(...errorCases: ErrorCase[]): ResponseObject {
  return {
    description: errorCases.join(', '),
    content: {
      'application/json': {
        examples: Object.fromEntries(errorCases.map((c) => [c, { 'x-error-case': c, value: { e: c } }])),
      },
    },
  };
}

/** A JSON request body of this schema, with these named examples. */
export function jsonBody(schema: Schema, examples: Record<string, Json> = {}): RequestBodyObject {
  const named = Object.fromEntries(Object.entries(examples).map(([name, value]) => [name, { value }]));
  return { content: { 'application/json': { schema, examples: named } } };
}

/** A document of these paths, with whatever else a test gives it (components, security, x-route-errors). */
export function documentOf(
  paths: Record<string, PathItemObject>,
  rest: Partial<OpenApiDocument> = {},
): OpenApiDocument {
  return { openapi: '3.1.0', info: { title: 'Test', version: '1' }, ...rest, paths };
}

/** A document of one operation, POST /orders (`createOrder`), with this body and these answers. */
export function onePost(
  requestBody: RequestBodyObject,
  responses: OperationObject['responses'],
  rest: Partial<OpenApiDocument> = {},
): OpenApiDocument {
  return documentOf({ '/orders': { post: { operationId: 'createOrder', requestBody, responses } } }, rest);
}

/** An API key: `X-Key` in a header, else `api_key` in the query or a cookie. */
export function apiKey(where: 'header' | 'query' | 'cookie' = 'header'): SecuritySchemeObject {
  return { type: 'apiKey', in: where, name: where === 'header' ? 'X-Key' : 'api_key' };
}

/** What a document needs to ask for a token by these schemes: each one an alternative, in this order. */
export function securedBy(schemes: Record<string, SecuritySchemeObject>): Partial<OpenApiDocument> {
  return {
    security: Object.keys(schemes).map((id) => ({ [id]: [] })),
    components: { securitySchemes: schemes },
  };
}

/** The create of an order (POST /orders): a new `order_id` each time, from the example `{ order_id: 'O-1' }`. */
export function createOrder(changes: Partial<OperationObject> = {}): OperationObject {
  return {
    operationId: 'createOrder',
    'x-resource': { name: 'order', action: 'create', key: 'order_id', item: '/data' },
    requestBody: jsonBody(
      { type: 'object', properties: { order_id: { type: 'string', 'x-unique': true } } },
      { a: { order_id: 'O-1' } },
    ),
    responses: { '201': { description: 'Made.' } },
    ...changes,
  };
}

/** The read of an order by its key (GET /orders/{order_id}), `O-1` in the documented request. */
export function getOrder(changes: Partial<OperationObject> = {}): OperationObject {
  return {
    operationId: 'getOrder',
    'x-resource': { name: 'order', action: 'read', key: 'order_id', item: '/data' },
    parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'string' }, example: 'O-1' }],
    responses: { '200': { description: 'The order.' } },
    ...changes,
  };
}

/**
 * The context of every operation, by operationId, as conformance/catalogue.ts builds them: siblings of each other,
 * writing their notes to `notes`, their `x-unique` values `test-1`, `test-2`…
 */
export function contextsOf(contract: Contract, notes: string[] = []): Map<string, OperationContext> {
  const validator = schemaValidator(contract.document);
  const values = uniqueValues('test');
  const contexts = new Map<string, OperationContext>();
  for (const operation of contract.operations)
    contexts.set(operation.operationId, operationContext(contract, operation, validator, values, notes, contexts));
  return contexts;
}

/** The context of one operation: the one named, else the document's first. */
export function contextOf(contract: Contract, operationId?: string, notes: string[] = []): OperationContext {
  const contexts = contextsOf(contract, notes);
  const context = contexts.get(operationId ?? contract.operations[0]?.operationId ?? '');
  if (!context) throw new Error(`no operation ${operationId} among ${[...contexts.keys()].join(', ')}`);
  return context;
}
