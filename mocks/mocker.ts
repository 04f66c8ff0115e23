// The mock's whole decision for one request: route, then the document's checks in its order, then the answer,
// remembering what `x-resource` says to remember. Every answer of the contract comes from the document through the
// modules it calls; the mock's own answers (a bad Prefer, a full store) are its features, not the contract's, and
// come in the document's envelope (responder.ts).
import type { Contract, Operation } from '../lib/contract.ts';
import type { Route, RouteError } from '../lib/routing.ts';
import { TOKEN, type Secrets } from '../lib/credentials.ts';
import { atPointer, isObject, setPointer } from '../lib/json.ts';
import { parameterValue } from '../lib/parameters.ts';
import { schemaValidator, type SchemaValidator } from '../lib/schema-validator.ts';
import { bodyLimitOf } from './body-limit.ts';
import { checksOf, firstFailure, type Pending, type Tools } from './checks.ts';
import type { Prism, PreferOptions } from './prism.ts';
import { startPrismThread } from './prism-thread.ts';
import { createResponder } from './responder.ts';
import { createRouter } from './router.ts';
import { withArray } from './json-text.ts';
import { RESET_PATH } from './pages.ts';
import { createStore, type ListView } from './store.ts';
import { createTokens } from './tokens.ts';
import type { JsonResponse, MockRequest, MockResponse } from './types.ts';
import { parameterProblems, parseBody, UNPARSABLE, type ParameterProblem, type Parsed } from './validator.ts';

export interface Mocker {
  contract: Contract;
  /** Which operation a request is for, or the route error it gets. */
  route(method: string, path: string): Route;
  handle(request: MockRequest): Promise<MockResponse>;
  /** The document's answer to a route error (a 404, a 405 with `Allow`). */
  routeError(route: RouteError): MockResponse;
  /** An answer of the mock's own, in the document's envelope (responder.ts). */
  ownAnswer(status: number, message: string): MockResponse;
  /** Forgets what was created and the tokens issued. */
  reset(): void;
  /** Ends Prism's thread. */
  close(): Promise<void>;
}

export interface MockSettings {
  /** The values the mock accepts, by credential key (lib/credentials.ts): the token, the channel key. */
  credentials: Secrets;
  /** Items of one resource it stores at most (store.ts). */
  maxItems?: number;
}

export function createMocker(contract: Contract, { credentials, maxItems }: MockSettings): Mocker {
  // Prism answers `Prefer` only; it loads in a thread of its own from the start, off the path of every request.
  const prism = startPrismThread(contract.document);
  const router = createRouter(contract);
  const responder = createResponder(contract);
  const store = createStore(listViews(contract), maxItems);
  const full = new Set<string>();
  const tokens = createTokens(credentials[TOKEN] ? [credentials[TOKEN]] : []);
  const tools: Tools = { contract, store, tokens, secrets: credentials, validator: schemaValidator(contract.document) };

  async function handle(raw: MockRequest): Promise<MockResponse> {
    const routed = router.route(raw.method, raw.path);
    if ('errorCase' in routed) return responder.routeError(routed);
    const { operation } = routed;
    // Over what the mock reads where the document sets no limit: the rest of the body was never kept.
    if (raw.bodyTooLarge && !checksOf(contract, operation).includes('body-too-large'))
      return responder.ownAnswer(
        413,
        `The body is over ${bodyLimitOf(routed)} bytes, the most this mock reads for ${operation.operationId}, which documents no limit (x-max-body-bytes)`,
      );
    const pending = pendingOf(operation, { ...raw, path: routed.path }, tools.validator);

    const failure = firstFailure(pending, tools);
    // firstFailure runs only the checks the document has an answer for.
    if (failure) return responder.errorAnswer(failure.errorCase, operation, failure.fields)!;

    const prefer = await preferOptions(pending.request, prism);
    // A Prefer the mock cannot read is the client's to fix, whatever Prism's status (its 422 is the contract's word
    // for a body's field rules): the mock's own 400, as for every other refusal of a Prefer.
    if ('refusal' in prefer) return responder.ownAnswer(400, prefer.refusal);
    if ('failure' in prefer) return responder.unavailable(prefer.failure);
    if (prefer.code !== undefined || prefer.exampleKey !== undefined || prefer.dynamic) {
      return responder.preferred(prism, operation, pending.request, prefer);
    }
    const parsed = pending.parsed();
    return remember(operation, pending, responder.success(operation, parsed === UNPARSABLE ? undefined : parsed));
  }

  /** Stores what a create made, fills a read or a list from the store, and issues a token. */
  function remember(operation: Operation, pending: Pending, answer: JsonResponse): MockResponse {
    const { resource } = operation;
    const body = pending.parsed();
    if (resource?.action === 'create' && resource.key && isObject(body)) {
      const item = atPointer(answer.body, resource.item) ?? null;
      if (!store.put(resource.name, String(body[resource.key]), item)) return storeFull(resource.name);
    }
    if (resource?.action === 'read') {
      const parameter = operation.parameters.find((p) => p.name === resource.key);
      const key = parameter ? parameterValue(parameter, operation.path, pending.request) : undefined;
      answer.body = setPointer(answer.body, resource.item, store.get(resource.name, key ?? '') ?? null);
    }
    if (operation.issuesToken) answer.body = setPointer(answer.body, operation.issuesToken, tokens.issue());
    if (resource?.action === 'list') {
      const items = store.list({ resource: resource.name, filter: resource.filter ?? {} });
      return { ...answer, body: withArray(answer.body, resource.item, items) };
    }
    return answer;
  }

  /**
   * A create the store has no room for: 507 Insufficient Storage (RFC 4918 §11.5: the server cannot store what the
   * request needs stored) — the request is sound, the mock is full, and stays full until a reset (no 503, which
   * promises it passes). Said on stderr the first time, so that whoever runs the mock knows why.
   */
  function storeFull(resource: string): MockResponse {
    const message = `The mock stores at most ${store.maxItems} items of ${resource} (its limit, MOCK_MAX_ITEMS); POST ${RESET_PATH} forgets them`;
    if (!full.has(resource)) console.error(`mock: ${message}. Creates get 507 until then.`);
    full.add(resource);
    return responder.ownAnswer(507, message);
  }

  return {
    contract,
    route: (method, path) => router.route(method, path),
    handle,
    routeError: responder.routeError,
    ownAnswer: responder.ownAnswer,
    reset() {
      store.reset();
      tokens.forgetIssued();
      full.clear();
    },
    close: () => prism.close(),
  };
}

function pendingOf(operation: Operation, request: MockRequest, validator: SchemaValidator): Pending {
  let parsed: { value: Parsed } | undefined;
  let problems: ParameterProblem[] | undefined;
  return {
    operation,
    request,
    parsed: () => (parsed ??= { value: parseBody(operation, request) }).value,
    parameterProblems: () => (problems ??= parameterProblems(operation, request, validator)),
  };
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
