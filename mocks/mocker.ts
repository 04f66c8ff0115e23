// The mock's whole decision for one request: route, then the document's checks in its order, then the answer,
// remembering what `x-resource` says to remember. Every answer of the contract comes from the document through the
// modules it calls; the mock's own answers (a bad Prefer, a full store) are its features, not the contract's, and
// come in the document's envelope (responder.ts).
import type { Contract, Operation } from '../lib/contract.ts';
import type { Route, RouteError } from '../lib/routing.ts';
import type { Secrets } from '../lib/credentials.ts';
import { schemaValidator, type SchemaValidator } from '../lib/schema-validator.ts';
import { bodyLimitOf } from './body-limit.ts';
import { checksOf, firstFailure, type Pending, type Tools } from './checks.ts';
import type { Prism, PreferOptions } from './prism.ts';
import { startPrismThread } from './prism-thread.ts';
import { createResponder, type Responder } from './responder.ts';
import { createRouter } from './router.ts';
import type { ListView } from './store.ts';
import { createSuccess } from './success.ts';
import { createTenants, type Tenants } from './tenants.ts';
import { namedKeys } from './transitions.ts';
import type { MockRequest, MockResponse } from './types.ts';
import { parameterProblems, parseBody, UNPARSABLE, type Parsed } from './validator.ts';

export interface Mocker {
  contract: Contract;
  /** Which operation a request is for, or the route error it gets. */
  route(method: string, path: string): Route;
  handle(request: MockRequest): Promise<MockResponse>;
  /** The document's answer to a route error (a 404, a 405 with `Allow`). */
  routeError(route: RouteError): MockResponse;
  /** An answer of the mock's own, in the document's envelope (responder.ts). */
  ownAnswer(status: number, message: string): MockResponse;
  /** Forgets what every tenant created and the tokens issued. */
  reset(): void;
  /** What to say at start: one line per operation whose success answer may not fit its schema (fillable.ts). */
  warnings: string[];
  /** Ends Prism's thread. */
  close(): Promise<void>;
}

export interface MockSettings {
  /** The values the mock accepts, by credential key (lib/credentials.ts): the token, the channel key. */
  credentials: Secrets;
  /** A second tenant's values, by the first tenant's keys; those not given are derived from the first's. */
  secondTenant?: Secrets;
  /** Items of one resource it stores at most (store.ts). */
  maxItems?: number;
}

export function createMocker(contract: Contract, { credentials, secondTenant, maxItems }: MockSettings): Mocker {
  // Before Prism's thread starts: settings it refuses (two tenants sharing a value) leave nothing running.
  const tenants = createTenants({ credentials, secondTenant, views: listViews(contract), maxItems });
  // Prism answers `Prefer` only; it loads in a thread of its own from the start, off the path of every request.
  const prism = startPrismThread(contract.document);
  const router = createRouter(contract);
  const responder = createResponder(contract);
  const tools: Tools = { contract, tenants, validator: schemaValidator(contract.document) };
  const success = createSuccess(contract, responder, tools.validator);

  const stages: Stages = { contract, router, responder, tools, prism, success };

  return {
    contract,
    route: (method, path) => router.route(method, path),
    handle: (request) => answer(request, stages),
    routeError: responder.routeError,
    ownAnswer: responder.ownAnswer,
    reset() {
      tenants.reset();
      success.reset();
    },
    warnings: success.warnings,
    close: () => prism.close(),
  };
}

/** The parts of the mock one request passes through, built once by createMocker. */
interface Stages {
  contract: Contract;
  router: ReturnType<typeof createRouter>;
  responder: Responder;
  tools: Tools;
  prism: Prism;
  success: ReturnType<typeof createSuccess>;
}

/** One request's answer: its route, the document's checks in its order, then a `Prefer` or the success. */
async function answer(
  raw: MockRequest,
  { contract, router, responder, tools, prism, success }: Stages,
): Promise<MockResponse> {
  const routed = router.route(raw.method, raw.path);
  if ('errorCase' in routed) return responder.routeError(routed);
  const { operation } = routed;
  // Over what the mock reads where the document sets no limit: the rest of the body was never kept.
  if (raw.bodyTooLarge && !checksOf(contract, operation).includes('body-too-large'))
    return responder.ownAnswer(
      413,
      `The body is over ${bodyLimitOf(routed)} bytes, the most this mock reads for ${operation.operationId}, which documents no limit (x-max-body-bytes)`,
    );
  const pending = pendingOf(contract, operation, { ...raw, path: routed.path }, tools);

  const failure = firstFailure(pending, tools);
  // firstFailure runs only the checks the document has an answer for.
  if (failure) return responder.failureAnswer(operation, failure)!;

  const prefer = await preferOptions(pending.request, prism);
  // A Prefer the mock cannot read is the client's to fix, whatever Prism's status (its 422 is the contract's word
  // for a body's field rules): the mock's own 400, as for every other refusal of a Prefer.
  if ('refusal' in prefer) return responder.ownAnswer(400, prefer.refusal);
  if ('failure' in prefer) return responder.unavailable(prefer.failure);
  if (prefer.code !== undefined || prefer.exampleKey !== undefined || prefer.dynamic) {
    return responder.preferred(prism, operation, pending.request, prefer);
  }
  return success.answer(pending);
}

function pendingOf(
  contract: Contract,
  operation: Operation,
  request: MockRequest,
  { tenants, validator }: { tenants: Tenants; validator: SchemaValidator },
): Pending {
  const sent = () => {
    const body = pending.parsed();
    return body === UNPARSABLE ? undefined : body;
  };
  const pending: Pending = {
    operation,
    request,
    parsed: once((): Parsed => parseBody(operation, request)),
    parameterProblems: once(() => parameterProblems(operation, request, validator)),
    tenant: once(() => tenants.of(operation, request, sent)),
    named: once(() => namedKeys(contract, operation, request, sent())),
  };
  return pending;
}

/** A function that works its value out on the first call only. */
function once<T>(work: () => T): () => T {
  let done: { value: T } | undefined;
  return () => (done ??= { value: work() }).value;
}

/** Prism's own reading of `Prefer` (and of its `__code`/`__example`/`__dynamic` query fallback). */
async function preferOptions(
  request: MockRequest,
  prism: Prism,
): Promise<PreferOptions | { refusal: string } | { failure: string }> {
  if (request.headers.prefer === undefined && !Object.keys(request.query).some((key) => key.startsWith('__')))
    return {};
  const outcome = await prism.preferOf(request);
  if ('failure' in outcome) return outcome;
  if ('value' in outcome) return outcome.value;
  const source =
    request.headers.prefer === undefined ? "Prefer (as the query's __code, __example, __dynamic)" : 'Prefer';
  return { refusal: `${source}: ${outcome.refusal}` };
}

/** The lists the document declares: each list operation's resource and filter. */
function listViews(contract: Contract): ListView[] {
  return contract.operations.flatMap(({ resource }) =>
    resource?.action === 'list' ? [{ resource: resource.name, filter: resource.filter ?? {} }] : [],
  );
}
