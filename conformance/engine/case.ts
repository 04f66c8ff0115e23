// What one conformance case is: a request, the answer the document promises for it, and the rule it tests.
import type fc from 'fast-check';
import type { Json, JsonObject, SchemaNode } from '../../lib/contract.ts';
import type { ErrorCase } from '../../lib/extensions.ts';
import type { HttpRequest } from '../../lib/requests.ts';

/** Families of cases, in report order; each is made by one module of conformance/families/. */
export const FAMILIES = [
  'success',
  'auth',
  'credentials',
  'parameters',
  'body',
  'syntax',
  'size',
  'routing',
  'order',
  'stateful',
  'lifecycle',
  'keys',
  'tenancy',
  'generated',
] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * A request as the catalogue holds it: secrets stand as placeholders (`{{token}}`) and values taken from an
 * earlier answer as link expressions (`{{$response.body#/data/order_id}}`) until the moment it is sent.
 */
export type CaseRequest = HttpRequest;

export interface Expectation {
  status: number;
  /** The response schema of the documented status. */
  schema?: SchemaNode;
  /** For error cases: the `x-error-case` and the documented body the answer must carry. */
  errorCase?: ErrorCase;
  example?: Json;
  /** For fields-invalid cases: the fields the list must name, and only those. */
  fields?: string[];
  /** For success cases: the request body that `x-echoes-request-body` objects must repeat. */
  echoOf?: JsonObject;
  /** For 405: the methods the `Allow` header must list. */
  allow?: string[];
  /** The value at `pointer` must equal the value at `earlier` in the answer to the case's last prelude step. */
  sameAs?: { pointer: string; earlier: string };
  /** The array at `pointer` must hold the value at `earlier` in the answer to each prelude step, in their order. */
  includes?: { pointer: string; earlier: string };
  /** The value at `pointer` must be `value`: the item(s) a request acted on, as the steps before left them. */
  holds?: { pointer: string; value: Json };
  /** The array at `pointer` must hold each of `present` (in this order, among others) and no item whose `key` is in `absent`. */
  lists?: { pointer: string; key: string; present: Json[]; absent: Json[] };
  /** Values of the answer that must repeat a parameter as it was sent (`x-echoes-parameter`), by path. */
  echoesParameters?: { path: string[]; value: Json }[];
  /** Other answers the document allows for this request (a value that may exist from an earlier run). */
  orElse?: Expectation[];
}

/** A request sent before the case's own, whose answer the case builds on (stateful cases). */
export interface Step {
  operationId: string;
  request: CaseRequest;
  expect: Expectation;
}

/** One request drawn by a generated case, and what the document promises for it. */
export interface Drawn {
  request: CaseRequest;
  expect: Expectation;
}

/** A generated case: the runner draws requests from it (fast-check), and shrinks the first that fails. */
export interface Property {
  kind: 'valid' | 'one-fault';
  arbitrary: fc.Arbitrary<Drawn>;
}

export interface Case {
  /** Stable and unique, `operationId.family-part.…`: the same case keeps its id whatever else the document holds. */
  id: string;
  family: Family;
  title: string;
  /** JSON Pointer into the bundled document to the rule this case tests. */
  rule: string;
  operationId: string;
  request: CaseRequest;
  expect: Expectation;
  prelude?: Step[];
  /** Set on generated cases: `request` and `expect` are then a sample, and the runner draws the rest. */
  property?: Property;
}
