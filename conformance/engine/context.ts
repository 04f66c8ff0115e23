// Everything a family of cases needs to know about one operation, read once: the documented request and how to
// change one part of it, fresh values for `x-unique` fields, and the answers the document promises.
import {
  answerFor,
  isObject,
  type Contract,
  type Json,
  type JsonObject,
  type Operation,
  type Parameter,
} from '../../lib/contract.ts';
import type { ErrorCase } from '../../lib/extensions.ts';
import { cookieHeader, cookies } from '../../lib/parameters.ts';
import {
  assemble,
  documentedParts,
  requestExamples,
  withCredentialPlaceholders,
  type RequestParts,
} from '../../lib/requests.ts';
import type { SchemaValidator } from '../../lib/schema-validator.ts';
import { placesOf, together, type Presentation } from '../../lib/security.ts';
import { propertiesOf } from '../../lib/schema-shape.ts';
import type { Case, CaseRequest, Expectation, Family, Step } from './case.ts';
import type { ContractReading } from './reading.ts';

export interface CatalogueOptions {
  /** Start of every generated value of an `x-unique` field (order IDs), so a vendor can find the test data. */
  uniquePrefix: string;
}

/** One part of the documented request changed; `undefined` removes a header, query parameter or cookie. */
export interface Changes {
  headers?: Record<string, string | undefined>;
  query?: Record<string, string | undefined>;
  /** Cookies of the `Cookie` header, by name; the others it holds stay. */
  cookies?: Record<string, string | undefined>;
  pathValues?: Record<string, string>;
  body?: Json;
  rawBody?: string;
  method?: string;
  /** A path (relative to the server URL) instead of the operation's template. */
  path?: string;
  /** Pad the body to this many bytes at the moment it is sent. */
  padTo?: number;
}

/** Values for `x-unique` fields: new in every request, and recognisably of this run. */
export interface UniqueValues {
  next(): string;
  /** Whether a value was made by this run (so nothing can exist under it yet). */
  isOfThisRun(value: Json | undefined): boolean;
}

export function uniqueValues(prefix: string): UniqueValues {
  let counter = 0;
  return {
    next: () => `${prefix}-${++counter}`,
    isOfThisRun: (value) => typeof value === 'string' && value.startsWith(`${prefix}-`),
  };
}

/** What a new case is: its id is `<operationId>.<part>`. */
export interface CaseSpec {
  family: Family;
  /** The id after the operation's: `body.quantity.above-maximum`. */
  part: string;
  title: string;
  /** JSON Pointer into the bundle to the rule the case tests. */
  rule: string;
  request: CaseRequest;
  expect: Expectation;
  prelude?: Step[];
}

export interface OperationContext {
  contract: Contract;
  operation: Operation;
  /** The document's own reading of its schemas: probes are checked against it before they become cases. */
  validator: SchemaValidator;
  /** A value no earlier request of this run has used. */
  unique(): string;
  /** The first named request example, with its `x-unique` fields made new; undefined when there is no body. */
  body(): Json | undefined;
  /** A copy of a body with its `x-unique` fields made new and its `x-credential` fields as placeholders. */
  fresh(body: Json): Json;
  parts(changes?: Changes): RequestParts;
  request(changes?: Changes): CaseRequest;
  /** The documented answer to an error case, or undefined when this operation documents none. */
  expectError(errorCase: ErrorCase, extra?: Partial<Expectation>): Expectation | undefined;
  /** What a request that passes every check gets: success (echoing `body`), or for a read, not found. */
  expectAccepted(body?: Json): Expectation;
  make(spec: CaseSpec): Case;
  /** Says why a probe was left out (the engine could not tell what a server must answer to it). */
  note(message: string): void;
  /** The context of another operation of the document (for cases that span operations). */
  sibling(operationId: string): OperationContext | undefined;
}

/** What the contexts of one catalogue share: the reading, one counter of unique values, the notes, each other. */
export interface CatalogueState {
  reading: ContractReading;
  values: UniqueValues;
  notes: string[];
  contexts: Map<string, OperationContext>;
}

/** A state for a new catalogue, its `x-unique` values starting with `prefix`, its notes written to `notes`. */
export function catalogueState(reading: ContractReading, prefix: string, notes: string[] = []): CatalogueState {
  return { reading, values: uniqueValues(prefix), notes, contexts: new Map() };
}

/** The context of an operation; it joins the state's contexts, so that its siblings find it. */
export function operationContext(operation: Operation, state: CatalogueState): OperationContext {
  const { contract, validator } = state.reading;
  const unique = state.values.next;
  const fresh = freshener(contract, operation, unique);
  const firstExample = requestExamples(operation)[0]?.value;
  const body = () => (firstExample === undefined ? undefined : fresh(firstExample));
  const parts = (changes: Changes = {}) => changedParts(documentedParts(operation, { body: body() }), changes);
  const expectError = (errorCase: ErrorCase, extra: Partial<Expectation> = {}) =>
    documentedError(contract, operation, errorCase, extra);
  const context: OperationContext = {
    contract,
    operation,
    validator,
    unique,
    fresh,
    body,
    parts,
    request: (changes = {}) => requestOf(operation, parts(changes), changes),
    expectError,
    expectAccepted: (sent) => accepted(operation, sent, expectError, state.values),
    sibling: (operationId) => state.contexts.get(operationId),
    note: (message) => void state.notes.push(`${operation.operationId}: ${message}`),
    make: (spec) => caseOf(operation, spec),
  };
  state.contexts.set(operation.operationId, context);
  return context;
}

/** A copy of a body with its `x-unique` fields new and its `x-credential` fields as placeholders. */
function freshener(contract: Contract, operation: Operation, unique: () => string): (body: Json) => Json {
  const schema = operation.requestBody?.schema;
  const properties = schema ? propertiesOf(contract, schema) : [];
  const uniqueFields = properties.filter(([, node]) => node.schema['x-unique'] === true).map(([name]) => name);
  return (body) => {
    if (!isObject(body)) return structuredClone(body);
    const copy: JsonObject = structuredClone(body);
    for (const field of uniqueFields) if (field in copy) copy[field] = unique();
    return withCredentialPlaceholders(operation, copy) ?? copy;
  };
}

/** The documented request's parts with `changes` made. */
function changedParts(parts: RequestParts, changes: Changes): RequestParts {
  if (changes.body !== undefined) parts.body = changes.body;
  if (changes.rawBody !== undefined) parts.rawBody = changes.rawBody;
  if (changes.method) parts.method = changes.method;
  Object.assign(parts.pathValues, changes.pathValues ?? {});
  for (const [name, value] of Object.entries(changes.headers ?? {})) {
    if (value === undefined) delete parts.headers[name.toLowerCase()];
    else parts.headers[name.toLowerCase()] = value;
  }
  for (const [name, value] of Object.entries(changes.query ?? {})) {
    parts.query = parts.query.filter(([key]) => key !== name);
    if (value !== undefined) parts.query.push([name, value]);
  }
  if (changes.cookies) {
    const cookie = cookieHeader({ ...cookies(parts.headers.cookie), ...changes.cookies });
    if (cookie) parts.headers.cookie = cookie;
    else delete parts.headers.cookie;
  }
  return parts;
}

function requestOf(operation: Operation, parts: RequestParts, changes: Changes): CaseRequest {
  return {
    ...assemble(operation.path, parts),
    ...(changes.path === undefined ? {} : { path: changes.path }),
    ...(changes.padTo === undefined ? {} : { padTo: changes.padTo }),
  };
}

function documentedError(
  contract: Contract,
  operation: Operation,
  errorCase: ErrorCase,
  extra: Partial<Expectation>,
): Expectation | undefined {
  const found = answerFor(contract, errorCase, operation);
  if (!found) return undefined;
  const { response, example } = found;
  return { status: Number(response.status), schema: response.schema, errorCase, example: example.value, ...extra };
}

/**
 * What a request that passes every check gets: for a read, not found (or the item, if an earlier run made it); for
 * a create of a key not new in this run, success or else exists; otherwise success.
 */
function accepted(
  operation: Operation,
  body: Json | undefined,
  expectError: OperationContext['expectError'],
  values: UniqueValues,
): Expectation {
  const resource = operation.resource;
  const notFound = expectError('resource-not-found');
  if (resource?.action === 'read' && notFound) return { ...notFound, orElse: [success(operation, undefined)] };
  if (resource?.action === 'transition' && notFound) {
    // Keys this run made up name no item; any other key may name one, in whatever state an earlier run left it.
    const named = isObject(body) ? body[resource.key] : undefined;
    const keys = Array.isArray(named) ? named : [named];
    if (named !== undefined && keys.every((key) => values.isOfThisRun(key))) return notFound;
    const refused = expectError('transition-refused');
    return { ...notFound, orElse: [success(operation, undefined), ...(refused ? [refused] : [])] };
  }
  const expected = success(operation, isObject(body) ? body : undefined);
  const exists = resource?.action === 'create' ? expectError('resource-exists') : undefined;
  const fresh = resource?.action !== 'create' || !isObject(body) || values.isOfThisRun(body[resource.key]);
  return exists && !fresh ? { ...expected, orElse: [exists] } : expected;
}

function caseOf(operation: Operation, { family, part, title, rule, request, expect, prelude }: CaseSpec): Case {
  const { operationId } = operation;
  return {
    id: `${operationId}.${part}`,
    family,
    title,
    rule,
    operationId,
    request,
    expect,
    ...(prelude && { prelude }),
  };
}

/** The change that sends a parameter with this text, or without it (a path cannot leave one out: no change). */
export function parameterChange(parameter: Parameter, text: string | undefined): Changes {
  switch (parameter.in) {
    case 'query':
      return { query: { [parameter.name]: text } };
    case 'header':
      return { headers: { [parameter.name]: text } };
    case 'cookie':
      return { cookies: { [parameter.name]: text } };
    case 'path':
      return text === undefined ? {} : { pathValues: { [parameter.name]: text } };
  }
}

/**
 * The change that presents the token only as given (given nothing: no token at all). Every place where a scheme of
 * the operation carries one, header, query parameter or cookie, is emptied first: the documented request's
 * `{{token}}` stays nowhere.
 */
export function tokenOnly(operation: Operation, ...presentations: Presentation[]): Pick<Changes, 'headers' | 'query'> {
  const places = operation.security.flat().map(placesOf);
  const emptied = (names: string[]) => Object.fromEntries(names.map((name) => [name, undefined]));
  const sent = together(presentations);
  return {
    headers: { ...emptied(places.flatMap((p) => p.headers)), ...sent.headers },
    query: { ...emptied(places.flatMap((p) => p.query)), ...sent.query },
  };
}

function success(operation: Operation, body: JsonObject | undefined): Expectation {
  const response = operation.success;
  if (!response) throw new Error(`${operation.operationId} documents no success response`);
  return { status: Number(response.status), schema: response.schema, ...(body ? { echoOf: body } : {}) };
}
