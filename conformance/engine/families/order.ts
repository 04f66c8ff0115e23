// The document's order of checks (`x-check-order`) as cases: for each pair of checks, a request that fails
// both, which must get the answer of the check made first. The state of an item is a fault too (a key that exists,
// one nobody created, an item in a state the request may not move): its steps come before the request, and its key
// goes in first. Faults are layered so that both stay present: the key, header faults, then faults in the JSON
// value, then in its text, then in its size.
import type { ErrorCase } from '../../../lib/extensions.ts';
import { fieldErrorsOf } from '../../../lib/field-errors.ts';
import { isObject, type Json } from '../../../lib/json.ts';
import { present } from '../../../lib/security.ts';
import { lifecyclesOf } from '../../../lib/lifecycle.ts';
import type { Case, Step } from '../case.ts';
import { tokenOnly, type OperationContext } from '../context.ts';
import { keyChangeOf, storeSteps } from '../store-steps.ts';

/** One fault: what it does to the request, and which part of it that is. */
interface Fault {
  /** Faults of the same part cannot both be present (no token and a wrong token). */
  part: 'token' | 'credential' | 'json' | 'json-credential' | 'text' | 'size' | 'query' | 'key';
  /** A state fault: a new key for each case, and the steps that put its item in that state. */
  key?: () => { value: string; prelude: Step[] };
  headers?: Record<string, string | undefined>;
  query?: Record<string, string | undefined>;
  json?: (body: Json) => Json;
  text?: (text: string) => string;
  /** Pad the body to this many bytes when it is sent. */
  padTo?: number;
  fields?: string[];
}

export function orderCases(context: OperationContext): Case[] {
  const faults = faultsOf(context);
  const order = context.operation.checkOrder.filter((errorCase) => faults.has(errorCase));
  const rule = context.operation.object['x-check-order']
    ? `${context.operation.pointer}/x-check-order`
    : '#/x-check-order';
  const cases: Case[] = [];
  for (const [i, first] of order.entries()) {
    for (const second of order.slice(i + 1)) {
      const a = faults.get(first)!;
      const b = faults.get(second)!;
      if (a.part === b.part) continue;
      const expect = context.expectError(first, a.fields ? { fields: a.fields } : {});
      if (!expect) continue;
      const title = `${first} and ${second} at once: ${first} is checked first`;
      const state = [a, b].find((fault) => fault.key)?.key?.();
      const prelude = state?.prelude ?? [];
      cases.push(
        context.make({
          family: 'order',
          part: `order.${first}.before.${second}`,
          title,
          rule,
          request: requestWith(context, [a, b], state?.value),
          expect,
          ...(prelude.length ? { prelude } : {}),
        }),
      );
    }
  }
  return cases;
}

function requestWith(context: OperationContext, faults: Fault[], key?: string) {
  const named = key === undefined ? {} : keyChangeOf(context, [key]);
  let body = named.body ?? context.body();
  for (const fault of faults) if (fault.json && body !== undefined) body = fault.json(body);
  let text = body === undefined ? undefined : JSON.stringify(body);
  for (const fault of faults) if (fault.text && text !== undefined) text = fault.text(text);
  const headers = Object.assign({ ...named.headers }, ...faults.map((f) => f.headers ?? {}));
  const query = Object.assign({ ...named.query }, ...faults.map((f) => f.query ?? {}));
  const padTo = faults.find((f) => f.padTo !== undefined)?.padTo;
  return context.request({
    headers,
    query,
    ...(named.pathValues ? { pathValues: named.pathValues } : {}),
    ...(text === undefined ? {} : { rawBody: text }),
    ...(padTo === undefined ? {} : { padTo }),
  });
}

/** The faults this operation can be given, by the error case each must cause. */
function faultsOf(context: OperationContext): Map<ErrorCase, Fault> {
  const { operation } = context;
  const faults = new Map<ErrorCase, Fault>();
  const schemes = operation.security.flat();
  if (schemes.length > 0) {
    faults.set('credentials-missing', { part: 'token', ...tokenOnly(operation) });
    const [first] = operation.security[0] ?? [];
    if (first)
      faults.set('credentials-rejected', {
        part: 'token',
        ...tokenOnly(operation, present(first, `invalid-${context.unique()}`)),
      });
  }
  const credentialParameter = operation.parameters.find((p) => p.credential && p.in === 'header');
  if (credentialParameter)
    faults.set('credential-invalid', { part: 'credential', headers: { [credentialParameter.name]: undefined } });

  const root = operation.requestBody?.schema;
  const body = context.body();
  if (root && body !== undefined) {
    if (operation.bodyLimit !== undefined) {
      faults.set('body-too-large', { part: 'size', padTo: operation.bodyLimit + 1 });
    }
    faults.set('body-unparsable', { part: 'text', text: (text) => text.replace(/\}\s*$/, ',}') });
    const [credential] = operation.requestBody?.credentials ?? [];
    if (credential && schemes.length === 0) {
      const wrong = `invalid-${context.unique()}`;
      faults.set('credentials-rejected', {
        part: 'json-credential',
        json: (value) => (isObject(value) ? { ...value, [credential]: wrong } : value),
      });
    }
    const fields = fieldFault(context, body, credential);
    if (fields) faults.set('fields-invalid', fields);
  } else {
    const parameter = operation.parameters.find((p) => !p.credential && p.required && p.in === 'query');
    const part = parameter?.name === resourceKey(context) ? 'key' : 'query';
    if (parameter)
      faults.set('fields-invalid', { part, query: { [parameter.name]: undefined }, fields: [parameter.name] });
  }
  for (const [errorCase, fault] of stateFaults(context)) faults.set(errorCase, fault);
  return faults;
}

/**
 * A field fault the other faults leave alone: a required property left out (not the credential, not the key the
 * state faults set), else a property the schema forbids added. Only one that faults that property alone.
 */
function fieldFault(context: OperationContext, body: Json, credential: string | undefined): Fault | undefined {
  const root = context.operation.requestBody!.schema!;
  const key = resourceKey(context);
  const required = (root.schema.required ?? []).find(
    (name) => isObject(body) && name in body && name !== credential && name !== key,
  );
  const unknown = `unknown_property_${context.unique().replace(/\W/g, '_')}`;
  const change = required
    ? (value: Json) =>
        isObject(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== required)) : value
    : (value: Json) => (isObject(value) ? { ...value, [unknown]: true } : value);
  const field = required ?? unknown;
  const named = fieldErrorsOf(context.validator.problems(root, change(body))).map((f) => f.field);
  return named.length === 1 && named[0] === field ? { part: 'json', fields: [field], json: change } : undefined;
}

function resourceKey(context: OperationContext): string | undefined {
  const resource = context.operation.resource;
  return resource && resource.action !== 'list' ? resource.key : undefined;
}

/**
 * The state of an item as a fault: a create of a key that exists, a read or a transition of one nobody created, a
 * transition of an item in a state its `from` does not list (the first such state the item can reach).
 */
function stateFaults(context: OperationContext): Map<ErrorCase, Fault> {
  const faults = new Map<ErrorCase, Fault>();
  const { operation } = context;
  const resource = operation.resource;
  const creator = context.contract.operations.find(
    (op) => op.resource?.name === resource?.name && op.resource?.action === 'create',
  );
  const lifecycle = lifecyclesOf(context.contract).find((l) => l.create === creator);
  const create = creator && context.sibling(creator.operationId);
  const steps = create && storeSteps(create, lifecycle);
  if (!steps || !resource) return faults;
  const fault = (key: () => { value: string; prelude: Step[] }): Fault => ({ part: 'key', key });
  if (resource.action === 'create')
    faults.set(
      'resource-exists',
      fault(() => {
        const value = steps.newKey();
        return { value, prelude: [steps.createStep(value)] };
      }),
    );
  if (resource.action === 'read' || resource.action === 'transition')
    faults.set(
      'resource-not-found',
      fault(() => ({ value: steps.newKey(), prelude: [] })),
    );
  const transition = lifecycle?.transitions.find((t) => t.operation === operation);
  const refusedIn =
    transition &&
    lifecycle?.states.find((state) => !transition.from.some((from) => JSON.stringify(from) === JSON.stringify(state)));
  if (refusedIn !== undefined) {
    faults.set(
      'transition-refused',
      fault(() => {
        const reached = steps.reach(refusedIn);
        return { value: reached.key, prelude: reached.prelude };
      }),
    );
  }
  return faults;
}
