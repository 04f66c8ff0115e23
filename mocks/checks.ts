// The mock's checks, one per error case, run in the order the document gives (`x-check-order`): the first that
// fails decides the answer. Each reads what it needs of the request once (the parsed body, Prism's parameter
// problems of its parameters, its tenant, the keys it names) through the pending request.
import { answerFor, type Contract, type Operation } from '../lib/contract.ts';
import { credentialKey } from '../lib/credentials.ts';
import type { ErrorCase } from '../lib/extensions.ts';
import type { FieldError } from '../lib/field-errors.ts';
import { isObject, type Json } from '../lib/json.ts';
import { parameterValue } from '../lib/parameters.ts';
import type { SchemaValidator } from '../lib/schema-validator.ts';
import { checkCredentials } from './credentials.ts';
import type { Tenant, Tenants } from './tenants.ts';
import { planOf, type Named } from './transitions.ts';
import type { MockRequest } from './types.ts';
import { fieldErrors, UNPARSABLE, type ParameterProblem, type Parsed } from './validator.ts';

/** A request on its way through the checks, with what they read of it worked out once. */
export interface Pending {
  operation: Operation;
  /** Its path is relative to the server it was read under. */
  request: MockRequest;
  parsed(): Parsed;
  parameterProblems(): ParameterProblem[];
  /** The tenant it acts for (tenants.ts). */
  tenant(): Tenant;
  /** The keys a read or a transition names (transitions.ts). */
  named(): Named | undefined;
}

export interface Tools {
  contract: Contract;
  tenants: Tenants;
  validator: SchemaValidator;
}

export interface Failure {
  errorCase: ErrorCase;
  fields?: FieldError[];
  /** A refused transition's items as they stand, for the answer to carry where its example has them. */
  standing?: Json;
}

type MockCheck = (pending: Pending, tools: Tools) => Failure | undefined;

const fails = (errorCase: ErrorCase, failing: boolean): Failure | undefined => (failing ? { errorCase } : undefined);

export const MOCK_CHECKS: Partial<Record<ErrorCase, MockCheck>> = {
  'body-too-large': ({ operation, request }) =>
    fails(
      'body-too-large',
      request.bodyTooLarge === true || (request.body?.length ?? 0) > (operation.bodyLimit ?? Infinity),
    ),
  'credentials-missing': ({ operation, request }, { tenants }) =>
    fails('credentials-missing', checkCredentials(operation, request, tenants.knows) === 'credentials-missing'),
  'credentials-rejected': (pending, { tenants }) => {
    const { operation, request } = pending;
    if (operation.security.length > 0)
      return fails(
        'credentials-rejected',
        checkCredentials(operation, request, tenants.knows) === 'credentials-rejected',
      );
    const body = pending.parsed();
    if (!isObject(body)) return undefined;
    const { secrets } = pending.tenant();
    const wrong = (operation.requestBody?.credentials ?? []).some(
      (name) => body[name] !== secrets[credentialKey(name)],
    );
    return fails('credentials-rejected', wrong);
  },
  // The channel key must be the one of the tenant the token names: another tenant's is as unknown as a made-up one.
  'credential-invalid': (pending) => {
    const { operation, request } = pending;
    const { secrets } = pending.tenant();
    const wrong = operation.parameters
      .filter((p) => p.credential)
      .some(
        (p) =>
          pending.parameterProblems().some((problem) => problem.parameter === p) ||
          parameterValue(p, operation.path, request) !== secrets[credentialKey(p.name)],
      );
    return fails('credential-invalid', wrong);
  },
  'body-unparsable': (pending) => fails('body-unparsable', pending.parsed() === UNPARSABLE),
  'fields-invalid': (pending, { validator }) => {
    const parsed = pending.parsed();
    const fields = fieldErrors(
      pending.operation,
      pending.parameterProblems(),
      parsed === UNPARSABLE ? undefined : parsed,
      validator,
    );
    return fields.length > 0 ? { errorCase: 'fields-invalid', fields } : undefined;
  },
  'resource-exists': (pending) => {
    const { resource } = pending.operation;
    const body = pending.parsed();
    if (resource?.action !== 'create' || !isObject(body)) return undefined;
    return fails('resource-exists', pending.tenant().store.has(resource.name, String(body[resource.key])));
  },
  // A read or a transition; for an array key, one unknown value is enough.
  'resource-not-found': (pending) => {
    const { resource } = pending.operation;
    if (resource?.action !== 'read' && resource?.action !== 'transition') return undefined;
    const named = pending.named();
    const { store } = pending.tenant();
    return fails('resource-not-found', !named || named.keys.some((key) => !store.has(resource.name, key)));
  },
  // All or nothing: one item in a state the transition may not leave, and none moves.
  'transition-refused': (pending) => {
    const { resource } = pending.operation;
    const named = pending.named();
    if (resource?.action !== 'transition' || !named) return undefined;
    const plan = planOf(pending.tenant().store, resource.name, resource.transition, named);
    return plan.outcome === 'refused' ? { errorCase: 'transition-refused', standing: plan.standing } : undefined;
  },
};

const answerable = new WeakMap<Operation, ErrorCase[]>();

/**
 * The error cases of the operation's order that the mock checks: those it has a check for and the document an answer
 * for (the operation's own example, else a route error's). Without an answer there is nothing the document says to
 * send: a GET that documents no 413 is not refused for its body.
 */
export function checksOf(contract: Contract, operation: Operation): ErrorCase[] {
  let cases = answerable.get(operation);
  if (!cases) {
    cases = operation.checkOrder.filter((c) => MOCK_CHECKS[c] && answerFor(contract, c, operation));
    answerable.set(operation, cases);
  }
  return cases;
}

/** The first check of the operation's order that the request fails. */
export function firstFailure(pending: Pending, tools: Tools): Failure | undefined {
  for (const errorCase of checksOf(tools.contract, pending.operation)) {
    const failure = MOCK_CHECKS[errorCase]!(pending, tools);
    if (failure) return failure;
  }
  return undefined;
}
