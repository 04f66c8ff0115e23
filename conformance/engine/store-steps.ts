// The requests of a store's lifecycle as steps a case can chain: create an item under a key of the case's own, move
// items by a transition, read one, list them; each with the answer the document promises after the steps before
// it, worked out here, so that a case knows exactly what each answer must hold. Every step can be sent as a second
// tenant, whose credentials stand in for the first's.
import { isObject, type Json, type JsonObject, type Operation } from '../../lib/contract.ts';
import { credentialsOf, ofSecondTenant, placeholder } from '../../lib/credentials.ts';
import { echoOf, echoPlaces, parameterEchoes } from '../../lib/echo.ts';
import { atPointer } from '../../lib/json.ts';
import { keyPlace, listBound, type Lifecycle, type TransitionStep } from '../../lib/lifecycle.ts';
import type { Case, CaseRequest, Expectation, Step } from './case.ts';
import { parameterChange, type CaseSpec, type Changes, type OperationContext } from './context.ts';

export type Tenant = 'first' | 'second';

/** The operations of one store and their contexts, and the steps they make. */
export interface StoreSteps {
  lifecycle?: Lifecycle;
  create: OperationContext;
  read?: OperationContext;
  list?: OperationContext;
  /** The create's key property, which lists and items name an item by. */
  keyProperty: string;
  /** A new key of this run, with `suffix` (a key the store cannot have yet). */
  newKey(suffix?: string): string;
  /** The create body for a key: the first request example's, with the key in it. */
  bodyFor(key: string, example?: number): Json;
  /** The item a create of this body makes, in `state` (its initial state when none is given). */
  itemOf(body: Json, state?: Json): JsonObject;
  createStep(key: string, options?: { tenant?: Tenant; example?: number }): Step;
  transitionStep(step: TransitionStep, keys: string[], items: JsonObject[], options?: TransitionOptions): Step;
  readStep(key: string, item: JsonObject | undefined, tenant?: Tenant): Step | undefined;
  /** An item brought to `state` by the fewest transitions, under a key of its own. */
  reach(state: Json): Reached;
  listStep(shown: JsonObject[], hidden: string[], tenant?: Tenant): Step | undefined;
}

/** An item brought to a state: its key, the steps that made it and moved it, and the item after them. */
export interface Reached {
  key: string;
  prelude: Step[];
  item: JsonObject;
}

export interface TransitionOptions {
  tenant?: Tenant;
  /** What the answer must be: the change made (the default), refused (the items stay), or not found. */
  outcome?: 'moved' | 'refused' | 'not-found';
}

/** The steps of the store a create operation makes items in; undefined when its create has no key or no answer. */
export function storeSteps(create: OperationContext, lifecycle: Lifecycle | undefined): StoreSteps | undefined {
  const { contract, operation } = create;
  const resource = operation.resource;
  const echo = operation.success?.schema && echoPlaces(contract, operation.success.schema)[0];
  if (resource?.action !== 'create' || !echo) return undefined;
  const sibling = (action: 'read' | 'list') => {
    const found = contract.operations.find(
      (op) => op.resource?.name === resource.name && op.resource.action === action,
    );
    return found && create.sibling(found.operationId);
  };
  const examples = operation.requestBody?.examples ?? [];
  const steps: StoreSteps = {
    lifecycle,
    create,
    read: sibling('read'),
    list: sibling('list'),
    keyProperty: resource.key,
    newKey: (suffix = '') => `${create.unique()}${suffix}`,
    bodyFor(key, example = 0) {
      const body = create.fresh(examples[example]?.value ?? examples[0]?.value ?? {});
      return isObject(body) ? { ...body, [resource.key]: key } : body;
    },
    itemOf(body, state) {
      const item = echoOf(contract, echo.node, isObject(body) ? body : {});
      return lifecycle && state !== undefined ? { ...item, [lifecycle.state]: state } : item;
    },
    createStep(key, { tenant = 'first', example = 0 } = {}) {
      const body = steps.bodyFor(key, example);
      // The key is new: the create must succeed, never find it existing.
      return step(operation, as(tenant, create, create.request({ body })), withoutOrElse(create.expectAccepted(body)));
    },
    transitionStep: (transition, keys, items, options) => transitionStepOf(create, transition, keys, items, options),
    readStep(key, item, tenant = 'first') {
      const read = steps.read;
      const parameter = read && keyParameter(read);
      if (!read || !parameter) return undefined;
      const request = as(tenant, create, read.request(parameterChange(parameter, key)));
      const pointer = read.operation.resource?.action === 'read' ? read.operation.resource.item : '';
      const expect = item
        ? { ...successOf(read.operation), holds: { pointer, value: item } }
        : read.expectError('resource-not-found');
      return expect && step(read.operation, request, expect);
    },
    reach(state) {
      const key = steps.newKey();
      let item = steps.itemOf(steps.bodyFor(key));
      const prelude: Step[] = [steps.createStep(key)];
      for (const transition of lifecycle?.pathTo(state) ?? []) {
        prelude.push(steps.transitionStep(transition, [key], [item]));
        item = { ...item, [transition.resource.transition.state]: transition.to };
      }
      return { key, prelude, item };
    },
    listStep(shown, hidden, tenant = 'first') {
      const list = steps.list;
      if (list?.operation.resource?.action !== 'list') return undefined;
      // A list the document bounds may leave any item out: it can only be held to the ones it must not show.
      const present = listBound(contract, list.operation) === undefined ? shown : [];
      if (present.length === 0 && hidden.length === 0) return undefined;
      const lists = { pointer: list.operation.resource.item, key: resource.key, present, absent: hidden };
      return step(list.operation, as(tenant, create, list.request()), { ...successOf(list.operation), lists });
    },
  };
  return steps;
}

/** What a case of steps says of itself; its request and answer are its last step's. */
export type StepCaseSpec = Omit<CaseSpec, 'request' | 'expect' | 'prelude'>;

/** The case of `context` whose request and expected answer are `last`'s, sent after `prelude`. */
export function stepCase(context: OperationContext, spec: StepCaseSpec, last: Step, prelude: Step[] = []): Case {
  return context.make({
    ...spec,
    request: last.request,
    expect: last.expect,
    ...(prelude.length > 0 ? { prelude } : {}),
  });
}

/** Whether a transition's request names several items (its key is an array body property). */
export function namesSeveral(create: OperationContext, transition: TransitionStep): boolean {
  const place = keyPlace(create.contract, transition.operation);
  return place !== undefined && !('parameter' in place) && place.many;
}

/** Whether an item is one a list shows: every property its filter names has the filter's value. */
export function shownBy(list: OperationContext | undefined, item: JsonObject): boolean {
  const resource = list?.operation.resource;
  const filter = resource?.action === 'list' ? (resource.filter ?? {}) : {};
  return Object.entries(filter).every(([name, value]) => JSON.stringify(item[name]) === JSON.stringify(value));
}

function transitionStepOf(
  create: OperationContext,
  transition: TransitionStep,
  keys: string[],
  items: JsonObject[],
  { tenant = 'first', outcome = 'moved' }: TransitionOptions = {},
): Step {
  const context = create.sibling(transition.operation.operationId)!;
  const { resource } = transition;
  const request = as(tenant, create, context.request(keyChangeOf(context, keys)));
  if (outcome === 'not-found') return step(transition.operation, request, context.expectError('resource-not-found')!);
  const after =
    outcome === 'moved' ? items.map((item) => ({ ...item, [resource.transition.state]: transition.to })) : items;
  const many = namesSeveral(create, transition);
  // The items as they are after the step, where the answer carries them: an array for an array key.
  const carried =
    resource.item === undefined ? {} : { holds: { pointer: resource.item, value: many ? after : after[0]! } };
  if (outcome === 'refused') {
    const refused = context.expectError('transition-refused')!;
    const shows = resource.item !== undefined && atPointer(refused.example, resource.item) !== undefined;
    return step(transition.operation, request, { ...refused, ...(shows ? carried : {}) });
  }
  const echoes = echoedParameters(context, keys[0]!);
  return step(transition.operation, request, { ...successOf(transition.operation), ...carried, ...echoes });
}

/** The request of an operation naming these keys: in its key parameter, or its body's key property. */
export function keyChangeOf(context: OperationContext, keys: string[]): Changes {
  const place = keyPlace(context.contract, context.operation);
  if (!place) return {};
  if ('parameter' in place) return parameterChange(place.parameter, keys[0]);
  const body = context.body();
  const value: Json = place.many ? keys : (keys[0] ?? '');
  return { body: isObject(body) ? { ...body, [place.property]: value } : { [place.property]: value } };
}

function keyParameter(context: OperationContext) {
  const place = keyPlace(context.contract, context.operation);
  return place && 'parameter' in place ? place.parameter : undefined;
}

/** The values of the success answer that repeat a parameter: the key, for the parameter it travels in. */
function echoedParameters(context: OperationContext, key: string): Partial<Expectation> {
  const parameter = keyParameter(context);
  const schema = context.operation.success?.schema;
  const places = schema ? parameterEchoes(context.contract, schema) : [];
  const echoes = places
    .filter((place) => place.parameter === parameter?.name)
    .map(({ path }) => ({ path, value: key }));
  return echoes.length ? { echoesParameters: echoes } : {};
}

function successOf(operation: Operation): Expectation {
  const response = operation.success!;
  return { status: Number(response.status), schema: response.schema };
}

function withoutOrElse({ orElse: _, ...expect }: Expectation): Expectation {
  return expect;
}

function step(operation: Operation, request: CaseRequest, expect: Expectation): Step {
  return { operationId: operation.operationId, request, expect };
}

/** The request as `tenant` sends it: the second tenant's credentials in place of the first's. */
export function as(tenant: Tenant, context: OperationContext, request: CaseRequest): CaseRequest {
  if (tenant === 'first') return request;
  let text = JSON.stringify(request);
  for (const credential of credentialsOf(context.contract)) {
    const second = ofSecondTenant(credential);
    text = text.replaceAll(placeholder(credential.key), placeholder(second.key));
  }
  return JSON.parse(text) as CaseRequest;
}
