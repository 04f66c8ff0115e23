// The answer to a request that passed every check, all from the document: the success example with the request
// echoed (responder.ts), then what `x-resource` says — a created item stored, a read item fetched, a list's items
// (at most its schema's `maxItems`, oldest first), a transition's items moved, all or nothing — the token
// `x-issues-token` says to issue, and each `x-echoes-parameter` place filled with its parameter as read. Nothing is
// stored, moved or issued until the answer is made: an operation whose answer may not fit its schema (fillable.ts)
// has it checked first, and one its schema refuses is the mock's own 501, with nothing changed.
import type { Contract, Operation } from '../lib/contract.ts';
import { withParameterEchoes } from '../lib/echo.ts';
import { fieldErrorsOf } from '../lib/field-errors.ts';
import { atPointer, isObject, setPointer, type Json } from '../lib/json.ts';
import { listBound } from '../lib/lifecycle.ts';
import { parameterValue, readParameter } from '../lib/parameters.ts';
import type { SchemaValidator } from '../lib/schema-validator.ts';
import type { Pending } from './checks.ts';
import { unfilledPlaces, unfilledWarning } from './fillable.ts';
import { withArray } from './json-text.ts';
import { RESET_PATH } from './pages.ts';
import type { Responder } from './responder.ts';
import { move, planOf, type Plan } from './transitions.ts';
import type { JsonResponse, MockResponse } from './types.ts';
import { UNPARSABLE } from './validator.ts';

/** A change of the store the answer promises, made once the answer is known to be sent; an answer when it cannot be. */
type Commit = (answer: JsonResponse) => MockResponse | undefined;

export function createSuccess(contract: Contract, responder: Responder, validator: SchemaValidator) {
  const unfilled = new Map(contract.operations.map((op) => [op, unfilledPlaces(contract, op)]));
  const bounds = new Map(contract.operations.map((op) => [op, listBound(contract, op)]));
  /** The resources a create found full, said on stderr once each until a reset. */
  const full = new Set<string>();

  function answer(pending: Pending): MockResponse {
    const { operation } = pending;
    const parsed = pending.parsed();
    const answer = responder.success(operation, parsed === UNPARSABLE ? undefined : parsed);
    if (!answer)
      return responder.ownAnswer(
        501,
        `The mock answers with the document's examples, and ${operation.operationId} has no example of a success answer`,
      );
    const commit = withResource(pending, answer, { responder, storeFull });
    if (!(commit instanceof Function)) return commit;
    answer.body = withParameterEchoes(contract, operation.success?.schema, answer.body, parametersRead(pending));
    const refused = refusedBySchema(operation, answer.body);
    if (refused) return refused;
    const instead = commit(answer);
    if (instead) return instead;
    // Issued only now, so that no answer the mock does not send leaves a token accepted (the example's stood in).
    if (operation.issuesToken)
      answer.body = setPointer(answer.body, operation.issuesToken, pending.tenant().tokens.issue());
    const resource = operation.resource;
    if (resource?.action !== 'list') return answer;
    const items = pending
      .tenant()
      .store.list({ resource: resource.name, filter: resource.filter ?? {} }, bounds.get(operation));
    return { ...answer, body: withArray(answer.body, resource.item, items) };
  }

  /** For an operation whose answer may not fit its schema: the mock's 501 when it does not. */
  function refusedBySchema(operation: Operation, body: Json): MockResponse | undefined {
    const places = unfilled.get(operation) ?? [];
    const schema = operation.success?.schema;
    if (places.length === 0 || !schema) return undefined;
    const problems = fieldErrorsOf(validator.problems(schema, body));
    if (problems.length === 0) return undefined;
    const said = problems.map((p) => `${p.field || '(the body)'} ${p.message}`).join('; ');
    return responder.ownAnswer(
      501,
      `The mock cannot make ${operation.operationId}'s success answer fit its schema: ${said}`,
    );
  }

  /**
   * A create the store has no room for: 507 Insufficient Storage (RFC 4918 §11.5: the server cannot store what the
   * request needs stored) — the request is sound, the mock is full, and stays full until a reset (no 503, which
   * promises it passes). Said on stderr the first time, so that whoever runs the mock knows why.
   */
  function storeFull(resource: string, maxItems: number): MockResponse {
    const message = `The mock stores at most ${maxItems} items of ${resource} (its limit, MOCK_MAX_ITEMS); POST ${RESET_PATH} forgets them`;
    if (!full.has(resource)) console.error(`mock: ${message}. Creates get 507 until then.`);
    full.add(resource);
    return responder.ownAnswer(507, message);
  }

  /** The lines to say at start: one per operation whose answer may not fit its schema. */
  const warnings = contract.operations.flatMap((op) => {
    const places = unfilled.get(op)!;
    return places.length > 0 ? [unfilledWarning(op, places)] : [];
  });

  return { answer, warnings, reset: () => full.clear() };
}

/** Reads, or plans the change of, what `x-resource` says; the change itself is left to the commit it gives. */
function withResource(
  pending: Pending,
  answer: JsonResponse,
  { responder, storeFull }: { responder: Responder; storeFull: (resource: string, maxItems: number) => MockResponse },
): Commit | MockResponse {
  const { operation } = pending;
  const resource = operation.resource;
  const { store } = pending.tenant();
  const nothing: Commit = () => undefined;
  switch (resource?.action) {
    case 'create': {
      const sent = pending.parsed();
      if (!isObject(sent)) return nothing;
      const key = String(sent[resource.key]);
      return (made) =>
        store.put(resource.name, key, atPointer(made.body, resource.item) ?? null)
          ? undefined
          : storeFull(resource.name, store.maxItems);
    }
    case 'read': {
      const key = pending.named()?.keys[0];
      answer.body = setPointer(
        answer.body,
        resource.item,
        (key === undefined ? undefined : store.get(resource.name, key)) ?? null,
      );
      return nothing;
    }
    case 'transition': {
      const named = pending.named();
      const plan: Plan = named ? planOf(store, resource.name, resource.transition, named) : { outcome: 'not-found' };
      if (plan.outcome !== 'moves') return unanswered(responder, operation, plan);
      if (resource.item !== undefined) answer.body = setPointer(answer.body, resource.item, plan.carried);
      return () => {
        move(store, resource.name, plan);
        return undefined;
      };
    }
    default:
      return nothing;
  }
}

/**
 * A transition the checks let through that cannot be made: the document gives no answer for its case, so the
 * check was skipped (checks.ts). Its answer, should one be found, else the mock's own, saying what is missing.
 */
function unanswered(
  responder: Responder,
  operation: Operation,
  plan: Exclude<Plan, { outcome: 'moves' }>,
): MockResponse {
  const errorCase = plan.outcome === 'not-found' ? 'resource-not-found' : 'transition-refused';
  const standing = plan.outcome === 'refused' ? { standing: plan.standing } : {};
  const what =
    plan.outcome === 'not-found'
      ? 'An item it names is not one of this tenant'
      : 'An item it names is in a state the transition may not leave, so none moves';
  return (
    responder.failureAnswer(operation, { errorCase, ...standing }) ??
    responder.ownAnswer(
      plan.outcome === 'not-found' ? 404 : 409,
      `${what} (${operation.operationId}; the document gives no answer with x-error-case: ${errorCase})`,
    )
  );
}

/** Each parameter the request gives, as the server reads it (a number where its schema takes one). */
function parametersRead({ operation, request }: Pending): Record<string, Json> {
  const read: Record<string, Json> = {};
  for (const parameter of operation.parameters) {
    const text = parameterValue(parameter, operation.path, request);
    if (text !== undefined) read[parameter.name] = readParameter(parameter, text);
  }
  return read;
}
